using System.Text.Json;

namespace Verzuim.Hotspot.Api.Import.Synthetic;

/// <summary>
/// Every knob of the synthetic counts model (see docs/synthetic-data.md), read from a JSON file such as
/// geodata/synthetic/parameters.json. Property names are camelCase in the file; comments and trailing commas are allowed.
/// </summary>
internal sealed record SyntheticParameters
{
    /// <summary>Free text: what this parameter set is for. JSON has no comments, so this is where they go.</summary>
    public string Description { get; init; } = "";

    /// <summary>Written into the manifest, e.g. "synthetic-national-v1".</summary>
    public required string DatasetLabel { get; init; }

    /// <summary>Dataset seed: every random stream is derived from it and a stream key.</summary>
    public required ulong Seed { get; init; }

    /// <summary>School years to generate, in output order.</summary>
    public required IReadOnlyList<SyntheticYearParameters> Years { get; init; }

    /// <summary>Probability that a student is in age band <c>under18</c> (binomial per PC4); the rest are <c>18plus</c>.</summary>
    public double Under18Share { get; init; } = 0.40;

    public required SyntheticGravityParameters Gravity { get; init; }

    public required SyntheticAbsenceParameters Absence { get; init; }

    /// <summary>Planted circles of residence locations with a raised absence rate.</summary>
    public IReadOnlyList<SyntheticAreaHotspot> Hotspots { get; init; } = [];

    /// <summary>Planted institution (BRIN) × RMC-of-residence cells with a raised absence rate.</summary>
    public IReadOnlyList<SyntheticInstitutionHotspot> InstitutionHotspots { get; init; } = [];

    public static SyntheticParameters Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream, path);
    }

    public static SyntheticParameters Load(Stream json, string source = "parameters")
    {
        SyntheticParameters? parameters;
        try
        {
            parameters = JsonSerializer.Deserialize(json, SyntheticJsonContext.Default.SyntheticParameters);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: {e.Message}", e);
        }
        if (parameters is null)
        {
            throw new InvalidDataException($"{source}: empty parameter file.");
        }
        parameters.Validate();
        return parameters;
    }

    /// <summary>The same parameters with every year's student total multiplied by <paramref name="factor"/> (for fast tests).</summary>
    public SyntheticParameters WithStudentScale(double factor)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(factor);
        return this with { Years = [.. Years.Select(y => y with { Students = (long)Math.Round(y.Students * factor, MidpointRounding.AwayFromZero) })] };
    }

    /// <summary>Throws <see cref="InvalidDataException"/> naming the first parameter out of range.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(DatasetLabel))
        {
            problems.Add("datasetLabel is empty");
        }
        if (Years.Count == 0)
        {
            problems.Add("years is empty");
        }
        if (Years.Select(y => y.SchoolYear).Distinct(StringComparer.Ordinal).Count() != Years.Count)
        {
            problems.Add("years has a school year twice");
        }
        foreach (var year in Years)
        {
            if (!SyntheticYearParameters.IsSchoolYear(year.SchoolYear))
            {
                problems.Add($"school year '{year.SchoolYear}' is not like 2023-2024");
            }
            if (year.Students < 0)
            {
                problems.Add($"{year.SchoolYear}: students < 0");
            }
            if (!(year.RateMultiplier >= 0))
            {
                problems.Add($"{year.SchoolYear}: rateMultiplier < 0");
            }
        }
        if (!(Under18Share is >= 0 and <= 1))
        {
            problems.Add("under18Share outside [0, 1]");
        }
        problems.AddRange(Gravity.Problems());
        problems.AddRange(Absence.Problems());
        foreach (var hotspot in Hotspots)
        {
            if (!(hotspot.RadiusM > 0) || !(hotspot.Multiplier >= 0))
            {
                problems.Add($"hotspot '{hotspot.Name}': radiusM must be > 0 and multiplier >= 0");
            }
        }
        foreach (var hotspot in InstitutionHotspots)
        {
            if (hotspot.Brin.Length != 4 || string.IsNullOrWhiteSpace(hotspot.RmcCode) || !(hotspot.Multiplier >= 0))
            {
                problems.Add($"institution hotspot '{hotspot.Name}': brin must be 4 characters, rmcCode set, multiplier >= 0");
            }
        }
        if (problems.Count > 0)
        {
            throw new InvalidDataException("Synthetic parameters: " + string.Join("; ", problems) + ".");
        }
    }
}
