using System.Text;
using Verzuim.Hotspot.Api.Import.Synthetic;

namespace Verzuim.Hotspot.Tests.Synthetic;

public sealed class SyntheticParametersTests
{
    [Fact]
    public void The_shipped_parameters_plant_three_to_four_area_hotspots_and_an_institution_hotspot()
    {
        var parameters = SyntheticTestData.Parameters();

        Assert.InRange(parameters.Hotspots.Count, 3, 4);
        Assert.All(parameters.Hotspots, h =>
        {
            Assert.InRange(h.RadiusM, 6000, 10000);
            Assert.InRange(h.Multiplier, 2.5, 3.5);
            Assert.False(string.IsNullOrWhiteSpace(h.Note));
        });
        Assert.NotEmpty(parameters.InstitutionHotspots);
        Assert.Contains("SYNTHETIC", parameters.Description, StringComparison.Ordinal);
        Assert.Equal(["2023-2024", "2024-2025"], parameters.Years.Select(y => y.SchoolYear));
    }

    [Fact]
    public void The_null_parameters_are_the_same_model_without_hotspots_or_rate_variation()
    {
        var planted = SyntheticTestData.Parameters();
        var nullParameters = SyntheticTestData.NullParameters();

        Assert.Empty(nullParameters.Hotspots);
        Assert.Empty(nullParameters.InstitutionHotspots);
        Assert.Equal(0, nullParameters.Absence.InstitutionFactorLogSd);
        Assert.Equal(0, nullParameters.Absence.RegionFactorLogSd);
        Assert.Equal(planted.Seed, nullParameters.Seed);
        Assert.Equal(planted.Years, nullParameters.Years);
        Assert.Equal(planted.Gravity, nullParameters.Gravity);
        Assert.Equal(planted.Under18Share, nullParameters.Under18Share);
        Assert.Equal(planted.Absence with { InstitutionFactorLogSd = 0, RegionFactorLogSd = 0 }, nullParameters.Absence);
    }

    [Fact]
    public void A_parameter_file_with_an_unknown_property_is_rejected()
    {
        var json = File.ReadAllText(SyntheticTestData.ParametersJson).Replace("\"seed\"", "\"sead\"", StringComparison.Ordinal);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));

        Assert.Throws<InvalidDataException>(() => SyntheticParameters.Load(stream));
    }

    [Fact]
    public void Out_of_range_parameters_are_rejected()
    {
        var parameters = SyntheticTestData.Parameters();

        Assert.Throws<InvalidDataException>(() => (parameters with { Under18Share = 1.5 }).Validate());
        Assert.Throws<InvalidDataException>(() => (parameters with { Years = [new SyntheticYearParameters("2023-2025", 10)] }).Validate());
        Assert.Throws<InvalidDataException>(() => (parameters with { Gravity = parameters.Gravity with { DecayM = 0 } }).Validate());
    }

    [Fact]
    public void Scaling_the_student_totals_keeps_everything_else()
    {
        var parameters = SyntheticTestData.Parameters();
        var scaled = parameters.WithStudentScale(0.1);

        Assert.Equal(parameters.Years.Select(y => (long)Math.Round(y.Students * 0.1)), scaled.Years.Select(y => y.Students));
        Assert.Equal(parameters with { Years = scaled.Years }, scaled);
    }
}
