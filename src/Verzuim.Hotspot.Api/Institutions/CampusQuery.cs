namespace Verzuim.Hotspot.Api.Institutions;

internal static class CampusQuery
{
    private sealed record CampusRow(string BrinVest, string Brin, string Vestiging, string Name, string? Address, string? Postcode,
        string? Place, bool IsMainLocation, double? Lon, double? Lat, string? MunicipalityCode, string? MunicipalityName,
        string? RmcCode, string? RmcName, string Method, string? Note);

    /// <summary>Campuses with their placement in year <paramref name="year"/>; filter by BRIN or by one campus code.</summary>
    public static async Task<List<CampusDetail>> CampusesAsync(this HotspotDbContext db, int year, string? brin, string? brinVest, CancellationToken ct)
    {
        var rows = await db.Database.SqlQuery<CampusRow>($"""
            select c.brin_vest, c.brin, c.vestiging, c.name, c.address,
                   c.postcode, c.place, c.is_main_location,
                   ST_X(ST_Transform(c.location, 4326)) as lon, ST_Y(ST_Transform(c.location, 4326)) as lat,
                   m.code as municipality_code, m.name as municipality_name, r.code as rmc_code, r.name as rmc_name,
                   coalesce(p.method, 'Unplaced') as method, p.note as note
            from campuses c
            left join campus_placements p on p.brin_vest = c.brin_vest and p.classification_year = {year}
            left join municipalities m on m.classification_year = {year} and m.code = p.municipality_code
            left join rmc_regions r on r.classification_year = {year} and r.code = m.rmc_code
            where ({brin}::text is null or c.brin = {brin}) and ({brinVest}::text is null or c.brin_vest = {brinVest})
            order by c.brin_vest
            """).ToListAsync(ct);
        return [.. rows.Select(r => new CampusDetail(r.BrinVest, r.Brin, r.Vestiging, r.Name, r.Address, r.Postcode, r.Place, r.IsMainLocation,
            r.Lon is { } lon && r.Lat is { } lat ? new LonLat(lon, lat) : null,
            r.MunicipalityCode is null ? null : new CodeName(r.MunicipalityCode, r.MunicipalityName!),
            r.RmcCode is null ? null : new CodeName(r.RmcCode, r.RmcName!),
            new CampusPlacementInfo(Enum.Parse<PlacementMethod>(r.Method), r.Note)))];
    }
}
