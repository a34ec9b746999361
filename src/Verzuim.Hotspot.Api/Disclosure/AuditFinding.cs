namespace Verzuim.Hotspot.Api.Disclosure;

/// <summary>A small count the intruder pinned to an interval narrower than the minimum count.</summary>
internal sealed record AuditFinding(CellKey Cell, Measure Measure, long Value, double Lower, double Upper, string Attack)
{
    public double Width => Upper - Lower;

    public override string ToString() => $"{Cell} {Measure} = {Value}: [{Lower:0.##}, {Upper:0.##}] by {Attack}";
}

/// <summary>The audit of one mask: every finding, how many small counts were checked, and how many needed the whole system.</summary>
internal sealed record AuditReport(IReadOnlyList<AuditFinding> Findings, int Checked, int Escalated)
{
    public bool Passed => Findings.Count == 0;
}
