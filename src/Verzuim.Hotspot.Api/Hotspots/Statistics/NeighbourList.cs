namespace Verzuim.Hotspot.Api.Hotspots.Statistics;

/// <summary>Checks shared by the local statistics: neighbours[i] lists distinct j != i, 0-based.</summary>
internal static class NeighbourList
{
    public static void Validate(IReadOnlyList<double> x, int[][] neighbours)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(neighbours);
        if (neighbours.Length != x.Count)
        {
            throw new ArgumentException($"{neighbours.Length} neighbour lists for {x.Count} values.", nameof(neighbours));
        }

        if (x.Count < 3)
        {
            throw new ArgumentException("At least three areas are needed.", nameof(x));
        }

        for (var i = 0; i < x.Count; i++)
        {
            if (!double.IsFinite(x[i]))
            {
                throw new ArgumentException($"Value {i} is not finite.", nameof(x));
            }

            var list = neighbours[i] ?? throw new ArgumentException($"Neighbour list {i} is null.", nameof(neighbours));
            var seen = new HashSet<int>();
            foreach (var j in list)
            {
                if (j < 0 || j >= x.Count || j == i || !seen.Add(j))
                {
                    throw new ArgumentException($"Neighbour list {i} holds {j}: must be distinct, in range and not {i} itself.", nameof(neighbours));
                }
            }
        }
    }
}
