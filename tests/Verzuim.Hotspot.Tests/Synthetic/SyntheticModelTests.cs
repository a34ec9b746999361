using Verzuim.Hotspot.Api.Import.Synthetic;

namespace Verzuim.Hotspot.Tests.Synthetic;

public sealed class SyntheticModelTests
{
    [Fact]
    public void Removing_a_campus_does_not_change_the_drawn_size_or_factor_of_the_others()
    {
        var parameters = SyntheticTestData.Parameters();
        var inputs = SyntheticTestData.Inputs;
        var fewer = inputs with { Campuses = [.. inputs.Campuses.Where((_, i) => i != 10)] };

        var all = SyntheticModel.Build(inputs, parameters);
        var some = SyntheticModel.Build(fewer, parameters);

        for (var j = 0; j < fewer.Campuses.Count; j++)
        {
            var original = j < 10 ? j : j + 1;
            Assert.Equal(all.CampusSize[original], some.CampusSize[j]);
            Assert.Equal(all.InstitutionFactor[original], some.InstitutionFactor[j]);
        }
        Assert.Equal(all.RegionFactor, some.RegionFactor);
    }

    [Fact]
    public void Every_populated_postcode_has_candidate_campuses_including_its_nearest()
    {
        var parameters = SyntheticTestData.Parameters();
        var inputs = SyntheticTestData.Inputs;
        var model = SyntheticModel.Build(inputs, parameters);

        Assert.True(inputs.Pc4Areas.Count > 3900);
        for (var i = 0; i < inputs.Pc4Areas.Count; i++)
        {
            var area = inputs.Pc4Areas[i];
            var nearest = Enumerable.Range(0, inputs.Campuses.Count)
                .MinBy(j => Math.Pow(inputs.Campuses[j].X - area.X, 2) + Math.Pow(inputs.Campuses[j].Y - area.Y, 2));
            Assert.Contains(nearest, model.Candidates[i]);
            Assert.True(model.Candidates[i].Length >= parameters.Gravity.AlwaysNearest);
            Assert.True(model.Weights[i].Sum() > 0);
        }
    }

    [Fact]
    public void The_null_parameters_give_every_institution_and_region_factor_one()
    {
        var model = SyntheticModel.Build(SyntheticTestData.Inputs, SyntheticTestData.NullParameters());

        Assert.All(model.InstitutionFactor, f => Assert.Equal(1.0, f));
        Assert.All(model.RegionFactor, f => Assert.Equal(1.0, f));
        Assert.All(model.AreaHotspotFactor, f => Assert.Equal(1.0, f));
    }
}
