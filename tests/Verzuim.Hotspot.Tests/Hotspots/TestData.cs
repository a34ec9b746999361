namespace Verzuim.Hotspot.Tests.Hotspots;

/// <summary>Synthetic maps and samples for tests; all seeded so every run sees the same data.</summary>
internal static class TestData
{
    /// <summary>Queen contiguity on a rows x cols grid, area index = row * cols + col.</summary>
    public static int[][] QueenGrid(int rows, int cols)
    {
        var neighbours = new int[rows * cols][];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                var list = new List<int>();
                for (var dr = -1; dr <= 1; dr++)
                {
                    for (var dc = -1; dc <= 1; dc++)
                    {
                        var (nr, nc) = (r + dr, c + dc);
                        if ((dr, dc) != (0, 0) && nr >= 0 && nr < rows && nc >= 0 && nc < cols)
                        {
                            list.Add((nr * cols) + nc);
                        }
                    }
                }

                neighbours[(r * cols) + c] = [.. list];
            }
        }

        return neighbours;
    }

    /// <summary>Symmetric random graph with about <paramref name="meanDegree"/> neighbours per area.</summary>
    public static int[][] Random(int n, double meanDegree, int seed)
    {
        var rng = new Random(seed);
        var sets = Enumerable.Range(0, n).Select(_ => new HashSet<int>()).ToArray();
        var edges = (int)(n * meanDegree / 2);
        while (edges > 0)
        {
            var (a, b) = (rng.Next(n), rng.Next(n));
            if (a != b && sets[a].Add(b))
            {
                sets[b].Add(a);
                edges--;
            }
        }

        return [.. sets.Select(s => s.ToArray())];
    }

    public static double[] Normal(int n, int seed, double mean = 0, double sd = 1)
    {
        var rng = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ =>
            mean + (sd * Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble())))];
    }

    /// <summary>Poisson draw by Knuth's product method; fine for the means below ~700 used in tests.</summary>
    public static double Poisson(Random rng, double mean)
    {
        var limit = Math.Exp(-mean);
        var product = rng.NextDouble();
        var count = 0;
        while (product > limit)
        {
            product *= rng.NextDouble();
            count++;
        }

        return count;
    }
}
