using T = Verzuim.Hotspot.Api.Disclosure.DisclosureTables;

namespace Verzuim.Hotspot.Api.Disclosure;

/// <summary>
/// Builds the <see cref="LinkedTables"/> of one school year from its counts, placed as the endpoints place them
/// (see Flows/FlowsSql.cs and Layers/CollectionRegistry.cs). Every band of every table, and the links:
/// all = under18 + 18plus; a region-by-institution cell = the sum of that institution's campus cells; region =
/// row sum of either flow table = sum of its municipalities; municipality = sum of its PC4s; the unplaced row = sum of
/// the PC4s without a region; campus and institution totals = column sums; institution = sum of its campuses;
/// national = sum of regions = sum of campuses = sum of institutions.
/// </summary>
internal static class LinkedTablesBuilder
{
    /// <summary>Counts per (PC4, campus, band) with their placement; @year is the classification year.</summary>
    public const string Sql = """
        select s.pc4::text, p.municipality_code::text, m.rmc_code::text, s.brin_vest::text, c.brin::text, s.age_band::text,
               sum(s.students)::bigint, sum(s.absence_reports)::bigint
        from student_counts s
        join campuses c on c.brin_vest = s.brin_vest
        left join pc4_areas p on p.classification_year = @year and p.code = s.pc4
        left join municipalities m on m.classification_year = @year and m.code = p.municipality_code
        where s.school_year = @school_year
        group by s.pc4, p.municipality_code, m.rmc_code, s.brin_vest, c.brin, s.age_band
        """;

    public static async Task<LinkedTables> LoadAsync(NpgsqlDataSource dataSource, int year, string schoolYear, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await LoadAsync(connection, null, year, schoolYear, ct);
    }

    /// <summary>As above, in the caller's transaction: the protection reads its counts in the snapshot it keys them by.</summary>
    public static async Task<LinkedTables> LoadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, int year, string schoolYear,
        CancellationToken ct)
    {
        var rows = new List<ResidenceCount>();
        await using var command = new NpgsqlCommand(Sql, connection, transaction);
        command.Parameters.AddWithValue("year", year);
        command.Parameters.AddWithValue("school_year", schoolYear);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new ResidenceCount(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                reader.GetInt64(6), reader.GetInt64(7)));
        }
        return Build(rows);
    }

    public static LinkedTables Build(IEnumerable<ResidenceCount> rows)
    {
        var tables = new LinkedTables();
        // Structure seen in the data: which campuses make an institution, which municipalities a region, which PC4s a municipality.
        var campusesOf = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var municipalitiesOf = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var pc4sOf = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var unplacedPc4s = new SortedSet<string>(StringComparer.Ordinal);
        var regions = new SortedSet<string>(StringComparer.Ordinal);

        foreach (var r in rows)
        {
            if (r.Students == 0 && r.Reports == 0)
            {
                continue;
            }
            var region = r.Region ?? T.Unplaced;
            regions.Add(region);
            Set(campusesOf, r.Institution).Add(r.Campus);
            if (r.Municipality is { } m)
            {
                Set(pc4sOf, m).Add(r.Pc4);
                if (r.Region is { } placed)
                {
                    Set(municipalitiesOf, placed).Add(m);
                }
            }
            if (r.Region is null)
            {
                unplacedPc4s.Add(r.Pc4);
            }
            var record = new List<int>(16);
            foreach (var band in new[] { r.Band, AgeBands.All })
            {
                record.Add(tables.Add(new(T.CampusFlows, band, region, r.Campus), r.Students, r.Reports));
                record.Add(tables.Add(new(T.InstitutionFlows, band, region, r.Institution), r.Students, r.Reports));
                record.Add(tables.Add(new(T.Region, band, region, ""), r.Students, r.Reports));
                record.Add(tables.Add(new(T.Campus, band, "", r.Campus), r.Students, r.Reports));
                record.Add(tables.Add(new(T.Institution, band, "", r.Institution), r.Students, r.Reports));
                record.Add(tables.Add(new(T.National, band, "", ""), r.Students, r.Reports));
                record.Add(tables.Add(new(T.Pc4, band, r.Pc4, ""), r.Students, r.Reports));
                if (r.Municipality is { } municipality)
                {
                    record.Add(tables.Add(new(T.Municipality, band, municipality, ""), r.Students, r.Reports));
                }
            }
            tables.AddRecord([.. record]);
        }

        var campuses = campusesOf.Values.SelectMany(c => c).ToArray();
        foreach (var band in T.Bands)
        {
            Link(tables, new(T.National, band, "", ""), regions.Select(r => new CellKey(T.Region, band, r, "")));
            Link(tables, new(T.National, band, "", ""), campuses.Select(c => new CellKey(T.Campus, band, "", c)));
            Link(tables, new(T.National, band, "", ""), campusesOf.Keys.Select(i => new CellKey(T.Institution, band, "", i)));
            foreach (var region in regions)
            {
                Link(tables, new(T.Region, band, region, ""), campuses.Select(c => new CellKey(T.CampusFlows, band, region, c)));
                Link(tables, new(T.Region, band, region, ""), campusesOf.Keys.Select(i => new CellKey(T.InstitutionFlows, band, region, i)));
                foreach (var (institution, members) in campusesOf)
                {
                    Link(tables, new(T.InstitutionFlows, band, region, institution), members.Select(c => new CellKey(T.CampusFlows, band, region, c)));
                }
            }
            foreach (var campus in campuses)
            {
                Link(tables, new(T.Campus, band, "", campus), regions.Select(r => new CellKey(T.CampusFlows, band, r, campus)));
            }
            foreach (var (institution, members) in campusesOf)
            {
                Link(tables, new(T.Institution, band, "", institution), regions.Select(r => new CellKey(T.InstitutionFlows, band, r, institution)));
                Link(tables, new(T.Institution, band, "", institution), members.Select(c => new CellKey(T.Campus, band, "", c)));
            }
            foreach (var (region, members) in municipalitiesOf)
            {
                Link(tables, new(T.Region, band, region, ""), members.Select(m => new CellKey(T.Municipality, band, m, "")));
            }
            foreach (var (municipality, members) in pc4sOf)
            {
                Link(tables, new(T.Municipality, band, municipality, ""), members.Select(p => new CellKey(T.Pc4, band, p, "")));
            }
            if (unplacedPc4s.Count > 0)
            {
                Link(tables, new(T.Region, band, T.Unplaced, ""), unplacedPc4s.Select(p => new CellKey(T.Pc4, band, p, "")));
            }
        }

        // all = under18 + 18plus, for every cell that exists in band all.
        foreach (var key in tables.Keys.Where(k => k.Band == AgeBands.All).ToArray())
        {
            tables.TryFind(key, out var total);
            var parts = new List<int>(2);
            foreach (var band in new[] { AgeBands.Under18, AgeBands.EighteenPlus })
            {
                if (tables.TryFind(key with { Band = band }, out var part))
                {
                    parts.Add(part);
                }
            }
            tables.AddEquation(total, parts, isBand: true);
        }
        return tables;
    }

    /// <summary>Adds total = sum(parts) over the parts that exist (absent cells are published zeros); nothing when the total is absent.</summary>
    private static void Link(LinkedTables tables, CellKey total, IEnumerable<CellKey> parts)
    {
        if (!tables.TryFind(total, out var t))
        {
            return;
        }
        var found = new List<int>();
        foreach (var key in parts)
        {
            if (tables.TryFind(key, out var p))
            {
                found.Add(p);
            }
        }
        tables.AddEquation(t, found);
    }

    private static SortedSet<string> Set(SortedDictionary<string, SortedSet<string>> map, string key)
    {
        if (!map.TryGetValue(key, out var set))
        {
            set = new SortedSet<string>(StringComparer.Ordinal);
            map[key] = set;
        }
        return set;
    }
}
