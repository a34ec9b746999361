namespace Verzuim.Hotspot.Api.Import.Synthetic;

/// <summary>
/// The year-independent part of the model, built once from the inputs and parameters: campus sizes, candidate
/// campuses with gravity weights per PC4, and the rate factors of institutions, regions and planted hotspots.
/// Every random quantity here comes from a stream keyed by its own code, so it does not change when other
/// campuses, institutions or regions are added or removed.
/// </summary>
internal sealed class SyntheticModel
{
    private SyntheticModel(
        SyntheticInputs inputs,
        double[] campusSize,
        double[] institutionFactor,
        double[] regionFactor,
        double[] areaHotspotFactor,
        IReadOnlyDictionary<string, double>?[] institutionHotspotsByCampus,
        int[][] candidates,
        double[][] weights)
    {
        Inputs = inputs;
        CampusSize = campusSize;
        InstitutionFactor = institutionFactor;
        RegionFactor = regionFactor;
        AreaHotspotFactor = areaHotspotFactor;
        InstitutionHotspotsByCampus = institutionHotspotsByCampus;
        Candidates = candidates;
        Weights = weights;
    }

    public SyntheticInputs Inputs { get; }

    /// <summary>Per campus (index into <see cref="SyntheticInputs.Campuses"/>): drawn relative size.</summary>
    public double[] CampusSize { get; }

    /// <summary>Per campus: the absence rate factor of its institution (BRIN).</summary>
    public double[] InstitutionFactor { get; }

    /// <summary>Per PC4 (index into <see cref="SyntheticInputs.Pc4Areas"/>): the factor of its RMC region of residence.</summary>
    public double[] RegionFactor { get; }

    /// <summary>Per PC4: the largest multiplier of the planted circles it lies in, else 1.</summary>
    public double[] AreaHotspotFactor { get; }

    /// <summary>Per campus: RMC code of residence → multiplier of planted institution hotspots of its BRIN, or null.</summary>
    public IReadOnlyDictionary<string, double>?[] InstitutionHotspotsByCampus { get; }

    /// <summary>Per PC4: candidate campus indices, ascending (so in brinvest order).</summary>
    public int[][] Candidates { get; }

    /// <summary>Per PC4: gravity weight of each candidate (campus size × distance decay).</summary>
    public double[][] Weights { get; }

    public static SyntheticModel Build(SyntheticInputs inputs, SyntheticParameters p)
    {
        var campuses = inputs.Campuses;
        var areas = inputs.Pc4Areas;
        if (campuses.Count == 0)
        {
            throw new InvalidDataException("No campus with coordinates: nowhere to place students.");
        }

        var campusSize = new double[campuses.Count];
        var institutionFactor = new double[campuses.Count];
        var institutionHotspots = new IReadOnlyDictionary<string, double>?[campuses.Count];
        var hotspotsByBrin = p.InstitutionHotspots
            .GroupBy(h => h.Brin, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyDictionary<string, double>)g.GroupBy(h => h.RmcCode, StringComparer.Ordinal)
                    .ToDictionary(r => r.Key, r => r.Max(h => h.Multiplier), StringComparer.Ordinal),
                StringComparer.Ordinal);
        var institutionSd = p.Absence.InstitutionFactorLogSd;
        for (var j = 0; j < campuses.Count; j++)
        {
            var campus = campuses[j];
            var size = Xoshiro256StarStar.ForStream(p.Seed, "campus-size|" + campus.BrinVest).NextLogNormal(0, p.Gravity.CampusSizeLogSd);
            campusSize[j] = campus.IsMain ? size * p.Gravity.MainCampusMultiplier : size;
            institutionFactor[j] = Xoshiro256StarStar.ForStream(p.Seed, "institution|" + campus.Brin)
                .NextLogNormal(-0.5 * institutionSd * institutionSd, institutionSd);
            institutionHotspots[j] = hotspotsByBrin.GetValueOrDefault(campus.Brin);
        }

        var regionSd = p.Absence.RegionFactorLogSd;
        var regionFactor = new double[areas.Count];
        var areaHotspotFactor = new double[areas.Count];
        var candidates = new int[areas.Count][];
        var weights = new double[areas.Count][];
        var distance = new double[campuses.Count];
        var nearest = new List<int>(p.Gravity.AlwaysNearest + 1);
        for (var i = 0; i < areas.Count; i++)
        {
            var area = areas[i];
            regionFactor[i] = Xoshiro256StarStar.ForStream(p.Seed, "region|" + area.RmcCode)
                .NextLogNormal(-0.5 * regionSd * regionSd, regionSd);
            areaHotspotFactor[i] = p.Hotspots.Where(h => h.Contains(area.X, area.Y)).Select(h => h.Multiplier).DefaultIfEmpty(1).Max();

            nearest.Clear();
            var count = 0;
            for (var j = 0; j < campuses.Count; j++)
            {
                var dx = campuses[j].X - area.X;
                var dy = campuses[j].Y - area.Y;
                distance[j] = Math.Sqrt((dx * dx) + (dy * dy));
                if (distance[j] <= p.Gravity.MaxDistanceM)
                {
                    count++;
                }
                InsertNearest(nearest, distance, j, p.Gravity.AlwaysNearest);
            }
            foreach (var j in nearest)
            {
                if (distance[j] > p.Gravity.MaxDistanceM)
                {
                    count++;
                }
            }

            var chosen = new int[count];
            var chosenWeights = new double[count];
            var k = 0;
            for (var j = 0; j < campuses.Count; j++)
            {
                if (distance[j] <= p.Gravity.MaxDistanceM || nearest.Contains(j))
                {
                    chosen[k] = j;
                    chosenWeights[k] = campusSize[j] * p.Gravity.Weight(distance[j]);
                    k++;
                }
            }
            if (!(chosenWeights.Sum() > 0))
            {
                // Everything underflowed (a PC4 very far from any campus): fall back to the nearest campus.
                Array.Clear(chosenWeights);
                chosenWeights[Array.IndexOf(chosen, nearest[0])] = 1;
            }
            candidates[i] = chosen;
            weights[i] = chosenWeights;
        }

        return new SyntheticModel(inputs, campusSize, institutionFactor, regionFactor, areaHotspotFactor, institutionHotspots, candidates, weights);
    }

    /// <summary>Which populated PC4 each planted circle covers.</summary>
    public IReadOnlyList<SyntheticHotspotCoverage> Coverage(SyntheticParameters p) =>
        [.. p.Hotspots.Select(h =>
        {
            var inside = Inputs.Pc4Areas.Where(a => h.Contains(a.X, a.Y)).ToList();
            return new SyntheticHotspotCoverage(
                h.Name,
                h.Multiplier,
                [.. inside.Select(a => a.Code)],
                [.. inside.Select(a => a.MunicipalityCode).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                inside.Sum(a => a.Population));
        })];

    /// <summary>Keeps <paramref name="nearest"/> as the <paramref name="keep"/> smallest distances, ties broken by index.</summary>
    private static void InsertNearest(List<int> nearest, double[] distance, int j, int keep)
    {
        var position = nearest.Count;
        while (position > 0 && distance[nearest[position - 1]] > distance[j])
        {
            position--;
        }
        if (position < keep)
        {
            nearest.Insert(position, j);
            if (nearest.Count > keep)
            {
                nearest.RemoveAt(nearest.Count - 1);
            }
        }
    }
}
