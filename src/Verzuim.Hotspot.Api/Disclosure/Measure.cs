namespace Verzuim.Hotspot.Api.Disclosure;

/// <summary>The two counts every cell carries; both are protected, and a hidden cell hides both.</summary>
internal enum Measure
{
    Students,
    Reports,
}
