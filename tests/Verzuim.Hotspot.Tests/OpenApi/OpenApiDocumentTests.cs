using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Verzuim.Hotspot.Tests.Infrastructure;

namespace Verzuim.Hotspot.Tests.OpenApi;

/// <summary>
/// The OpenAPI document is a contract: the served one must equal docs/openapi.json, so an accidental change fails here.
/// Refresh it after an intended change with: VERZUIM_UPDATE_OPENAPI=1 scripts/test --filter OpenApiDocumentTests
/// </summary>
public sealed partial class OpenApiDocumentTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private readonly HttpClient _client = api.CreateClient();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string CheckedIn => Path.Combine(RepositoryPaths.Root, "docs", "openapi.json");

    [Fact]
    public async Task The_Served_Document_Equals_The_Checked_In_One()
    {
        // Arrange
        var served = (await ServedAsync()).ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";
        if (Environment.GetEnvironmentVariable("VERZUIM_UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(CheckedIn, served, Ct);
        }

        // Act
        var checkedIn = File.Exists(CheckedIn) ? (await File.ReadAllTextAsync(CheckedIn, Ct)).ReplaceLineEndings("\n") : "";

        // Assert
        Assert.True(served == checkedIn,
            "The served OpenAPI document differs from docs/openapi.json. If the change is intended, refresh it with: " +
            "VERZUIM_UPDATE_OPENAPI=1 scripts/test --filter OpenApiDocumentTests");
    }

    [Fact]
    public async Task Every_Query_Parameter_Is_Named_In_Camel_Case()
    {
        var document = await ServedAsync();

        var names = Operations(document).SelectMany(o => o["parameters"]?.AsArray() ?? [])
            .Where(p => p!["in"]!.GetValue<string>() == "query").Select(p => p!["name"]!.GetValue<string>()).Distinct().ToList();

        Assert.Contains("schoolYear", names);
        Assert.All(names, n => Assert.Matches(CamelCase(), n));
    }

    [Fact]
    public async Task The_Geometry_Schema_Is_Used_Only_For_Geometry()
    {
        var document = await ServedAsync();

        var uses = GeometryUses(document).ToList();

        Assert.NotEmpty(uses);
        Assert.All(uses, name => Assert.Equal("geometry", name));
    }

    private async Task<JsonNode> ServedAsync() =>
        JsonNode.Parse(await _client.GetStringAsync("/openapi/v1.json", Ct))!;

    private static IEnumerable<JsonObject> Operations(JsonNode document) =>
        document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject()).Select(o => o.Value).OfType<JsonObject>();

    /// <summary>The property names whose schema is the GeoJSON geometry schema (inlined by Swashbuckle), anywhere in the document.</summary>
    private static IEnumerable<string> GeometryUses(JsonNode? node, string? name = null)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["description"] is JsonValue d && d.GetValue<string>().StartsWith("A GeoJSON geometry", StringComparison.Ordinal))
                {
                    yield return name ?? "";
                }
                foreach (var (key, child) in o)
                {
                    // Schemas nest as properties -> name -> schema (maybe via oneOf/allOf/items); keep the nearest property name.
                    var childName = o.Parent is JsonObject parent && ReferenceEquals(parent["properties"], o) ? key : name;
                    foreach (var found in GeometryUses(child, childName))
                    {
                        yield return found;
                    }
                }
                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    foreach (var found in GeometryUses(child, name))
                    {
                        yield return found;
                    }
                }
                break;
        }
    }

    [GeneratedRegex("^[a-z][a-zA-Z0-9]*(-[a-z][a-zA-Z0-9]*)*$")]
    private static partial Regex CamelCase();
}
