using Verzuim.Hotspot.Api.Hotspots.Statistics;

namespace Verzuim.Hotspot.Tests.Hotspots;

public sealed class HotspotClassifierTests
{
    [Theory]
    [InlineData(3.0, 0.009, nameof(HotspotClass.Hot99))]
    [InlineData(2.0, 0.04, nameof(HotspotClass.Hot95))]
    [InlineData(1.7, 0.09, nameof(HotspotClass.Hot90))]
    [InlineData(1.7, 0.10, nameof(HotspotClass.NotSignificant))]
    [InlineData(-3.0, 0.001, nameof(HotspotClass.Cold99))]
    [InlineData(-2.0, 0.01, nameof(HotspotClass.Cold95))]
    [InlineData(-1.0, 0.05, nameof(HotspotClass.Cold90))]
    [InlineData(2.0, double.NaN, nameof(HotspotClass.NotSignificant))]
    public void Class_Takes_Direction_From_Z_And_Confidence_From_P(double z, double p, string expected) =>
        Assert.Equal(expected, HotspotClassifier.Classify(z, p, hasNeighbours: true).ToString());

    [Fact]
    public void Area_Without_Neighbours_Is_Never_Hot_Or_Cold() =>
        Assert.Equal(HotspotClass.NoNeighbours, HotspotClassifier.Classify(5, 1e-9, hasNeighbours: false));
}
