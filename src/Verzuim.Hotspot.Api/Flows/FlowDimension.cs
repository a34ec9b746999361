namespace Verzuim.Hotspot.Api.Flows;

/// <summary>The columns of a flow matrix: whole institutions (BRIN) or single campuses (BRIN + vestiging).</summary>
internal enum FlowDimension
{
    Institution,
    Campus,
}
