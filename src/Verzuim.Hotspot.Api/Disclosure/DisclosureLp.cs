using Google.OrTools.LinearSolver;

namespace Verzuim.Hotspot.Api.Disclosure;

/// <summary>
/// The linear programs of disclosure control, on GLOP (OR-Tools' LP solver), over a subset of the cells.
/// The intruder's interval of a hidden count runs from the least to the most it can be, given everything published;
/// the rule asks it to be at least the minimum count wide. Both ends count: a count of 4 that can go down to 1 and
/// up to 6 is as safe as one that can go up by the full width.
/// </summary>
internal static class DisclosureLp
{
    private const double Epsilon = 1e-7;
    private const double Tolerance = 1e-6;
    private const double Cap = 1e9;

    /// <summary>
    /// The least a hidden count can be, as the intruder may know it. A listed cell is never zero (zero cells are
    /// published as zeros, or not listed), so a hidden count is at least 1 where it truly is; where it truly is 0
    /// (the reports of a cell whose students are hidden) the floor is 0. Assuming the intruder knows this much is the
    /// cautious side: it only narrows the intervals the protection must keep wide.
    /// </summary>
    public static double Floor(LinkedTables tables, int cell, Measure measure) => Math.Min(1, tables.Value(cell, measure));

    /// <summary>
    /// The intruder's bounds on <paramref name="target"/>: min and max over the cells <paramref name="variables"/> (all
    /// hidden, each at least its <see cref="Floor"/>), every other cell fixed at <paramref name="fixedValue"/> (shown
    /// cells at their published value), subject to every equation that touches a variable. Null when the LP did not solve.
    /// </summary>
    public static (double Min, double Max)? Bounds(LinkedTables tables, IReadOnlyCollection<int> variables, int target,
        Measure measure, Func<int, double> fixedValue)
    {
        using var solver = Solver.CreateSolver("GLOP");
        var x = IntruderPolytope(solver, tables, variables, measure, fixedValue);
        var objective = solver.Objective();
        objective.SetCoefficient(x[target], 1);
        objective.SetMaximization();
        if (solver.Solve() != Solver.ResultStatus.OPTIMAL)
        {
            return null;
        }
        var max = x[target].SolutionValue();
        objective.SetMinimization();
        if (solver.Solve() != Solver.ResultStatus.OPTIMAL)
        {
            return null;
        }
        return (x[target].SolutionValue(), max);
    }

    /// <summary>
    /// Many intervals in two LPs: over the intruder's polytope (the cells <paramref name="variables"/> hidden, every
    /// other cell at its published value), one point that takes as many <paramref name="targets"/> as it can down to
    /// their floor, then one that takes each of them up to <paramref name="width"/> above where the first point left
    /// it. Both points and the true values are feasible, so a target whose values at these three points lie that far
    /// apart has an interval at least <paramref name="width"/> wide. One such pair settles most targets of a group of hidden cells;
    /// the others need bounds of their own. Returns the targets it settled.
    /// </summary>
    public static List<int> Widened(LinkedTables tables, IReadOnlyCollection<int> variables, IReadOnlyCollection<int> targets, double width,
        Measure measure, int timeLimitMilliseconds)
    {
        // Down: maximise the sum of min(value - x, value - floor) (drop <= value - x).
        if (Point(tables, variables, targets, measure, timeLimitMilliseconds, q =>
            (-1, tables.Value(q, measure), tables.Value(q, measure) - Cap, tables.Value(q, measure) - Floor(tables, q, measure))) is not { } low)
        {
            return [];
        }
        // Up: maximise the sum of min(x - value, low + width - value) (lift <= x - value).
        if (Point(tables, variables, targets, measure, timeLimitMilliseconds, q =>
            (1, -tables.Value(q, measure), Floor(tables, q, measure) - tables.Value(q, measure), low[q] + width - tables.Value(q, measure))) is not { } high)
        {
            return [];
        }
        // The true point, the low one and the high one are all feasible: a target's interval spans all three. (Where two
        // targets share an equation, the low point often leaves one high that the high point takes low.)
        return [.. targets.Where(q =>
        {
            var value = tables.Value(q, measure);
            return Math.Max(value, Math.Max(low[q], high[q])) - Math.Min(value, Math.Min(low[q], high[q])) >= width - Tolerance;
        })];
    }

    /// <summary>
    /// A point of the intruder's polytope that maximises the sum of one capped gain per target: gain &lt;= sign * x +
    /// offset, within [lower, upper]. Null when the LP did not solve.
    /// </summary>
    private static Dictionary<int, double>? Point(LinkedTables tables, IReadOnlyCollection<int> variables, IReadOnlyCollection<int> targets,
        Measure measure, int timeLimitMilliseconds, Func<int, (double Sign, double Offset, double Lower, double Upper)> gainOf)
    {
        using var solver = Solver.CreateSolver("GLOP");
        solver.SetTimeLimit(timeLimitMilliseconds);
        var x = IntruderPolytope(solver, tables, variables, measure, c => tables.Value(c, measure));
        var objective = solver.Objective();
        foreach (var q in targets)
        {
            var (sign, offset, lower, upper) = gainOf(q);
            var gain = solver.MakeNumVar(lower, upper, "");
            var capped = solver.MakeConstraint(double.NegativeInfinity, offset);
            capped.SetCoefficient(gain, 1);
            capped.SetCoefficient(x[q], -sign);
            objective.SetCoefficient(gain, 1);
        }
        objective.SetMaximization();
        return solver.Solve() == Solver.ResultStatus.OPTIMAL ? targets.ToDictionary(q => q, q => x[q].SolutionValue()) : null;
    }

    /// <summary>
    /// The cheapest pair of perturbations that together open <paramref name="target"/>'s interval to
    /// <paramref name="width"/>: one moves it up, the other down, every equation still holds in each, and no cell goes
    /// below its <see cref="Floor"/> (cells outside <paramref name="cells"/> stay put). Moving a hidden cell is free;
    /// moving a shown one costs its students (+1, so empty-of-students cells are not free) per unit, in either
    /// perturbation. Returns the shown cells either one moves, which must be hidden, and every cell whose interval the
    /// pair opens as wide (each of their small counts in this measure is then protected too); null when no such pair
    /// exists here.
    /// </summary>
    public static (List<int> Moved, List<int> Widened)? Perturbation(LinkedTables tables, IReadOnlyCollection<int> cells, int target, double width, Measure measure,
        Func<int, bool> hidden, int timeLimitMilliseconds)
    {
        using var solver = Solver.CreateSolver("GLOP");
        solver.SetTimeLimit(timeLimitMilliseconds);
        var up = new Dictionary<int, List<(Variable, double)>>(cells.Count);
        var down = new Dictionary<int, List<(Variable, double)>>(cells.Count);
        var moves = new List<(int Cell, Variable[] Parts)>();
        var objective = solver.Objective();
        Variable targetUp = null!, targetDown = null!;
        foreach (var c in cells)
        {
            var room = tables.Value(c, measure) - Floor(tables, c, measure);
            if (c == target)
            {
                targetUp = solver.MakeNumVar(0, double.PositiveInfinity, "");
                targetDown = solver.MakeNumVar(-room, 0, "");
                (up[c], down[c]) = ([(targetUp, 1)], [(targetDown, 1)]);
            }
            else if (hidden(c))
            {
                up[c] = [(solver.MakeNumVar(-room, double.PositiveInfinity, ""), 1)];
                down[c] = [(solver.MakeNumVar(-room, double.PositiveInfinity, ""), 1)];
            }
            else
            {
                // A shown cell moves by (raise - lower) in each perturbation; each unit costs.
                var parts = new[]
                {
                    solver.MakeNumVar(0, double.PositiveInfinity, ""), solver.MakeNumVar(0, room, ""),
                    solver.MakeNumVar(0, double.PositiveInfinity, ""), solver.MakeNumVar(0, room, ""),
                };
                foreach (var part in parts)
                {
                    objective.SetCoefficient(part, tables.Students(c) + 1);
                }
                (up[c], down[c]) = ([(parts[0], 1), (parts[1], -1)], [(parts[2], 1), (parts[3], -1)]);
                moves.Add((c, parts));
            }
        }
        var opens = solver.MakeConstraint(width, double.PositiveInfinity);
        opens.SetCoefficient(targetUp, 1);
        opens.SetCoefficient(targetDown, -1);
        AddEquations(solver, tables, up, _ => 0);
        AddEquations(solver, tables, down, _ => 0);
        objective.SetMinimization();
        if (solver.Solve() != Solver.ResultStatus.OPTIMAL)
        {
            return null;
        }
        double Move(List<(Variable Var, double Sign)> terms) => terms.Sum(t => t.Sign * t.Var.SolutionValue());
        return ([.. moves.Where(m => m.Parts.Sum(p => p.SolutionValue()) > Epsilon).Select(m => m.Cell)],
            [.. cells.Where(c =>
            {
                var (a, b) = (Move(up[c]), Move(down[c]));
                return Math.Max(0, Math.Max(a, b)) - Math.Min(0, Math.Min(a, b)) >= width - Tolerance;
            })]);
    }

    /// <summary>
    /// What the intruder may vary: the cells <paramref name="variables"/>, each at least its <see cref="Floor"/>, every
    /// other cell fixed at <paramref name="fixedValue"/>, under every equation that touches a variable.
    /// </summary>
    private static Dictionary<int, Variable> IntruderPolytope(Solver solver, LinkedTables tables, IReadOnlyCollection<int> variables,
        Measure measure, Func<int, double> fixedValue)
    {
        var x = new Dictionary<int, Variable>(variables.Count);
        var terms = new Dictionary<int, List<(Variable, double)>>(variables.Count);
        foreach (var c in variables)
        {
            // A finite cap keeps the LP bounded (GLOP may report an unbounded one as infeasible); a bound that reaches
            // it means the cell is unbounded, which is the best case for protection.
            x[c] = solver.MakeNumVar(Floor(tables, c, measure), Cap, "");
            terms[c] = [(x[c], 1)];
        }
        AddEquations(solver, tables, terms, fixedValue);
        return x;
    }

    /// <summary>
    /// Every equation that touches a cell of <paramref name="cells"/> (each a sum of signed variables), with the other
    /// cells as constants.
    /// </summary>
    private static void AddEquations(Solver solver, LinkedTables tables, Dictionary<int, List<(Variable, double)>> cells,
        Func<int, double> fixedValue)
    {
        var done = new HashSet<int>();
        foreach (var cell in cells.Keys)
        {
            foreach (var e in tables.EquationsOf(cell))
            {
                if (!done.Add(e))
                {
                    continue;
                }
                var equation = tables.Equations[e];
                var constant = 0.0;
                var row = new List<(Variable, double)>(equation.Parts.Length + 1);
                foreach (var (c, coefficient) in equation.Parts.Select(p => (p, -1.0)).Prepend((equation.Total, 1.0)))
                {
                    if (cells.TryGetValue(c, out var terms))
                    {
                        row.AddRange(terms.Select(t => (t.Item1, t.Item2 * coefficient)));
                    }
                    else
                    {
                        constant -= coefficient * fixedValue(c);
                    }
                }
                var constraint = solver.MakeConstraint(constant, constant);
                foreach (var (v, coefficient) in row)
                {
                    constraint.SetCoefficient(v, constraint.GetCoefficient(v) + coefficient);
                }
            }
        }
    }
}
