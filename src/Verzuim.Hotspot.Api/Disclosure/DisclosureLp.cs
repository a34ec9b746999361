using Google.OrTools.LinearSolver;

namespace Verzuim.Hotspot.Api.Disclosure;

/// <summary>The two linear programs of disclosure control, on GLOP (OR-Tools' LP solver), over a subset of the cells.</summary>
internal static class DisclosureLp
{
    private const double Epsilon = 1e-7;
    private const double Cap = 1e9;

    /// <summary>
    /// The intruder's bounds on <paramref name="target"/>: min and max over the cells <paramref name="variables"/> (all
    /// hidden, each >= 0), every other cell fixed at <paramref name="fixedValue"/> (shown cells at their published value),
    /// subject to every equation that touches a variable. Null when the LP did not solve.
    /// </summary>
    public static (double Min, double Max)? Bounds(LinkedTables tables, IReadOnlyCollection<int> variables, int target,
        Func<int, double> fixedValue)
    {
        using var solver = Solver.CreateSolver("GLOP");
        var x = IntruderPolytope(solver, tables, variables, fixedValue);
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
    /// Many bounds in one LP: a point of the intruder's polytope (the cells <paramref name="variables"/> hidden and
    /// free, every other cell at its published value) that lifts as many <paramref name="targets"/> as it can by
    /// <paramref name="width"/> above their true value (maximise the sum of min(x - value, width)). Each target it
    /// lifts that far has an intruder's interval at least <paramref name="width"/> wide (the true value is feasible too),
    /// so one LP settles most targets of a component; the others need a bound of their own. Returns the targets lifted.
    /// </summary>
    public static List<int> Lifted(LinkedTables tables, IReadOnlyCollection<int> variables, IReadOnlyCollection<int> targets, double width,
        Measure measure, int timeLimitMilliseconds)
    {
        using var solver = Solver.CreateSolver("GLOP");
        solver.SetTimeLimit(timeLimitMilliseconds);
        var x = IntruderPolytope(solver, tables, variables, c => tables.Value(c, measure));
        var objective = solver.Objective();
        foreach (var q in targets)
        {
            // lift <= x - value, lift <= width: the objective counts at most width per target.
            var value = tables.Value(q, measure);
            var lift = solver.MakeNumVar(-value, width, "");
            var below = solver.MakeConstraint(double.NegativeInfinity, -value);
            below.SetCoefficient(lift, 1);
            below.SetCoefficient(x[q], -1);
            objective.SetCoefficient(lift, 1);
        }
        objective.SetMaximization();
        if (solver.Solve() != Solver.ResultStatus.OPTIMAL)
        {
            return [];
        }
        return [.. targets.Where(q => x[q].SolutionValue() >= tables.Value(q, measure) + width - 1e-6)];
    }

    /// <summary>
    /// The cheapest perturbation that moves <paramref name="target"/> up by <paramref name="width"/> while every equation
    /// still holds and no cell goes below zero (cells outside <paramref name="cells"/> stay put). Moving a hidden cell
    /// is free; moving a shown one costs its students (+1, so empty-of-students cells are not free) per unit. Returns
    /// the shown cells the perturbation moves, which must be hidden, and every cell it raises by the full width (each
    /// of their small counts in this measure is then protected too); null when no such perturbation exists here.
    /// </summary>
    public static (List<int> Moved, List<int> Raised)? Perturbation(LinkedTables tables, IReadOnlyCollection<int> cells, int target, double width, Measure measure,
        Func<int, bool> hidden, int timeLimitMilliseconds)
    {
        using var solver = Solver.CreateSolver("GLOP");
        solver.SetTimeLimit(timeLimitMilliseconds);
        var y = new Dictionary<int, Variable>(cells.Count);
        var shown = new List<(int Cell, Variable Up, Variable Down)>();
        var objective = solver.Objective();
        foreach (var c in cells)
        {
            var value = tables.Value(c, measure);
            if (c == target)
            {
                y[c] = solver.MakeNumVar(width, width, "");
            }
            else if (hidden(c))
            {
                y[c] = solver.MakeNumVar(-value, double.PositiveInfinity, "");
            }
            else
            {
                var up = solver.MakeNumVar(0, double.PositiveInfinity, "");
                var down = solver.MakeNumVar(0, value, "");
                var move = solver.MakeNumVar(-value, double.PositiveInfinity, "");
                var split = solver.MakeConstraint(0, 0);
                split.SetCoefficient(move, 1);
                split.SetCoefficient(up, -1);
                split.SetCoefficient(down, 1);
                objective.SetCoefficient(up, tables.Students(c) + 1);
                objective.SetCoefficient(down, tables.Students(c) + 1);
                y[c] = move;
                shown.Add((c, up, down));
            }
        }
        AddEquations(solver, tables, y, _ => 0);
        objective.SetMinimization();
        if (solver.Solve() != Solver.ResultStatus.OPTIMAL)
        {
            return null;
        }
        return ([.. shown.Where(s => s.Up.SolutionValue() + s.Down.SolutionValue() > Epsilon).Select(s => s.Cell)],
            [.. y.Where(kv => kv.Value.SolutionValue() >= width - 1e-6).Select(kv => kv.Key)]);
    }

    /// <summary>
    /// What the intruder may vary: the cells <paramref name="variables"/>, each >= 0, every other cell fixed at
    /// <paramref name="fixedValue"/>, under every equation that touches a variable.
    /// </summary>
    private static Dictionary<int, Variable> IntruderPolytope(Solver solver, LinkedTables tables, IReadOnlyCollection<int> variables,
        Func<int, double> fixedValue)
    {
        var x = new Dictionary<int, Variable>(variables.Count);
        foreach (var c in variables)
        {
            // A finite cap keeps the LP bounded (GLOP may report an unbounded one as infeasible); a bound that reaches
            // it means the cell is unbounded, which is the best case for protection.
            x[c] = solver.MakeNumVar(0, Cap, "");
        }
        AddEquations(solver, tables, x, fixedValue);
        return x;
    }

    /// <summary>Every equation that touches a variable, with the cells that are not variables as constants.</summary>
    private static void AddEquations(Solver solver, LinkedTables tables, Dictionary<int, Variable> variables, Func<int, double> fixedValue)
    {
        var done = new HashSet<int>();
        foreach (var cell in variables.Keys)
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
                    if (variables.TryGetValue(c, out var v))
                    {
                        row.Add((v, coefficient));
                    }
                    else
                    {
                        constant -= coefficient * fixedValue(c);
                    }
                }
                var constraint = solver.MakeConstraint(constant, constant);
                foreach (var (v, coefficient) in row)
                {
                    constraint.SetCoefficient(v, coefficient);
                }
            }
        }
    }
}
