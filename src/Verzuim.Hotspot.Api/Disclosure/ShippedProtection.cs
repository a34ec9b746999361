using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Verzuim.Hotspot.Api.Disclosure;

/// <summary>
/// Protections shipped with the bundled synthetic counts (geodata/synthetic/protection), so that a fresh service or
/// test run serves the national set at once instead of after minutes of LPs. A file is used only for linked tables
/// whose <see cref="Fingerprint"/> it names: the same cells, values, links and minimum count. Any other import is
/// protected afresh. The files are written by the import console's protect --export from a computed protection.
/// </summary>
internal static class ShippedProtection
{
    private const string Header = "table,band,row,column,students,reports";

    /// <summary>
    /// What the protector promises, named in every fingerprint. Raise it when a protection computed before no longer
    /// keeps that promise (as when it came to hold against RMC key holders too): stored and shipped protections of
    /// the old kind then match no tables, and every school year is protected afresh.
    /// </summary>
    public const string Promise = "public and every rmc key; floor 1 for listed cells";

    /// <summary>The promise of a protection against the public alone (<see cref="DisclosureOptions.ProtectAgainstKeyHolders"/> off).</summary>
    public const string PublicOnlyPromise = "public only; floor 1 for listed cells";

    /// <summary>What a protection computed with these settings promises (<see cref="DisclosureOptions"/>).</summary>
    public static string PromiseOf(bool againstKeyHolders, bool againstInstitutionKeys = false) => (againstKeyHolders, againstInstitutionKeys) switch
    {
        (true, false) => Promise,
        (false, false) => PublicOnlyPromise,
        (true, true) => "public, every rmc key and every institution key; floor 1 for listed cells",
        (false, true) => "public and every institution key; floor 1 for listed cells",
    };

    /// <summary>
    /// SHA-256 over the protector's <see cref="Promise"/>, every cell (key and both counts), every equation and the
    /// minimum count, in a fixed order.
    /// </summary>
    public static string Fingerprint(LinkedTables tables, int minimumCount, bool againstKeyHolders = true, bool againstInstitutionKeys = false)
    {
        var promise = PromiseOf(againstKeyHolders, againstInstitutionKeys);
        string Key(int cell) => tables.Keys[cell].ToString();
        var cells = Enumerable.Range(0, tables.Count)
            .Select(c => $"{Key(c)}={tables.Students(c)}/{tables.Reports(c)}").Order(StringComparer.Ordinal);
        var equations = tables.Equations
            .Select(e => $"{Key(e.Total)}:{string.Join('+', e.Parts.Select(Key).Order(StringComparer.Ordinal))}").Order(StringComparer.Ordinal);
        var text = string.Join('\n', cells.Concat(equations).Prepend($"minimum {minimumCount}").Prepend($"protects {promise}"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    public static string PathOf(string folder, string schoolYear, string fingerprint) => Path.Combine(folder, $"{schoolYear}.{fingerprint[..16]}.csv.gz");

    /// <summary>The shipped protection of exactly these tables, or null when none is shipped.</summary>
    public static PublishedMask? TryLoad(string folder, MaskKey key, string fingerprint)
    {
        var path = PathOf(folder, key.SchoolYear, fingerprint);
        if (!File.Exists(path))
        {
            return null;
        }
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress), Encoding.UTF8);
        if (reader.ReadLine() != $"# fingerprint {fingerprint}" || reader.ReadLine() != Header)
        {
            return null;
        }
        var hidden = new Dictionary<CellKey, HiddenMeasures>();
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var f = line.Split(',');
            hidden[new CellKey(f[0], f[1], f[2], f[3])] =
                (f[4] == "1" ? HiddenMeasures.Students : HiddenMeasures.None) | (f[5] == "1" ? HiddenMeasures.Reports : HiddenMeasures.None);
        }
        return new PublishedMask(key, hidden) { Fingerprint = fingerprint };
    }

    public static string Write(string folder, PublishedMask mask)
    {
        var fingerprint = mask.Fingerprint ?? throw new InvalidOperationException("A protection without a fingerprint cannot be shipped.");
        Directory.CreateDirectory(folder);
        var path = PathOf(folder, mask.Key.SchoolYear, fingerprint);
        using var writer = new StreamWriter(new GZipStream(File.Create(path), CompressionLevel.SmallestSize), new UTF8Encoding(false));
        writer.NewLine = "\n";
        writer.WriteLine($"# fingerprint {fingerprint}");
        writer.WriteLine(Header);
        foreach (var (cell, hidden) in mask.Hidden.OrderBy(h => h.Key.ToString(), StringComparer.Ordinal))
        {
            writer.WriteLine(string.Join(',', cell.Table, cell.Band, cell.Row, cell.Column,
                hidden.HasFlag(HiddenMeasures.Students) ? "1" : "0", hidden != HiddenMeasures.None ? "1" : "0"));
        }
        return path;
    }
}
