using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using UglyToad.PdfPig;
using Verzuim.Hotspot.Tests.Infrastructure;
using Verzuim.Hotspot.Tests.Viewer;

namespace Verzuim.Hotspot.Tests.Packs;

/// <summary>
/// The printable session packs: server-rendered HTML without scripts, printed to PDF by the real browser, and the
/// PDF's text checked against the agenda endpoints' JSON.
/// </summary>
public sealed class PacksTests(ViewerFixture viewer) : IClassFixture<ViewerFixture>
{
    private const string Brin = "25LX";
    private const string Region = "MC21";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Institution_Pack_Prints_To_A_Pdf_Whose_Text_Holds_Every_Shown_Partner_Name()
    {
        // Arrange
        using var api = JsonDocument.Parse(await viewer.Client.GetStringAsync($"institutions/{Brin}/agenda-partners?ageBand=18plus&schoolYear={NationalSyntheticData.Latest}", Ct));
        var partners = api.RootElement.GetProperty("partners").EnumerateArray().Select(p => p.GetProperty("name").GetString()!).ToList();
        Assert.NotEmpty(partners);
        var (page, outside) = await viewer.NewPageAsync(800, 1100);

        // Act: scripts off, as a pack needs none; print to A4 PDF.
        await page.GotoAsync(new Uri(viewer.BaseAddress, $"packs/institutions/{Brin}?schoolYear={NationalSyntheticData.Latest}").ToString());
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true });
        var text = PdfText(pdf);

        // Assert
        Assert.All(partners, name => Assert.Contains(Squash(name), text, StringComparison.Ordinal));
        Assert.Contains("SYNTHETISCHE", text, StringComparison.Ordinal);
        Assert.Contains(Squash("Curio (25LX)"), text, StringComparison.Ordinal);
        Assert.Empty(outside);
    }

    [Fact]
    public async Task Region_Pack_Lists_The_Institutions_Of_Its_Endpoint_In_The_Pdf_And_Has_No_Script()
    {
        // Arrange
        using var api = JsonDocument.Parse(await viewer.Client.GetStringAsync($"rmc-regions/{Region}/institutions?ageBand=18plus&schoolYear={NationalSyntheticData.Latest}", Ct));
        var institutions = api.RootElement.GetProperty("institutions").EnumerateArray()
            .Select(i => $"{i.GetProperty("name").GetString()} ({i.GetProperty("code").GetString()})").ToList();
        var (page, outside) = await viewer.NewPageAsync(800, 1100);

        // Act
        var html = await viewer.Client.GetStringAsync($"packs/rmc-regions/{Region}?schoolYear={NationalSyntheticData.Latest}", Ct);
        await page.GotoAsync(new Uri(viewer.BaseAddress, $"packs/rmc-regions/{Region}?schoolYear={NationalSyntheticData.Latest}").ToString());
        var text = PdfText(await page.PdfAsync(new PagePdfOptions { Format = "A4" }));

        // Assert
        Assert.NotEmpty(institutions);
        Assert.All(institutions, name => Assert.Contains(Squash(name), text, StringComparison.Ordinal));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("50 km", html, StringComparison.Ordinal);
        Assert.Empty(outside);
    }

    [Fact]
    public async Task Institution_Pack_In_English_Uses_The_Rule_Asked_For()
    {
        // Act
        var html = await viewer.Client.GetStringAsync($"packs/institutions/{Brin}?lang=en&coverage=0.5&minShare=0.2&schoolYear={NationalSyntheticData.Latest}", Ct);
        using var api = JsonDocument.Parse(await viewer.Client.GetStringAsync($"institutions/{Brin}/agenda-partners?coverage=0.5&minShare=0.2&schoolYear={NationalSyntheticData.Latest}", Ct));

        // Assert: the rule text and partner count of the endpoint with the same rule.
        Assert.Contains("Agenda partners", html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(api.RootElement.GetProperty("rule").GetString()!), html, StringComparison.Ordinal);
        var rows = html.Split("<table id=\"partners\">")[1].Split("</table>")[0].Split("<tr>").Length - 2;
        Assert.Equal(api.RootElement.GetProperty("partners").GetArrayLength(), rows);
    }

    [Theory]
    [InlineData("packs/institutions/XX", 400, "brin")]
    [InlineData("packs/institutions/25LX?lang=fr", 400, "lang")]
    [InlineData("packs/institutions/25LX?ageBand=old", 400, "ageBand")]
    [InlineData("packs/institutions/25LX?coverage=2", 400, "coverage")]
    [InlineData("packs/rmc-regions/MC2", 400, "code")]
    // The national school year by name: other test classes import later ones, and the default is the latest.
    [InlineData("packs/institutions/99ZZ?schoolYear=" + NationalSyntheticData.Latest, 404, null)]
    [InlineData("packs/rmc-regions/MC99?schoolYear=" + NationalSyntheticData.Latest, 404, null)]
    public async Task Bad_Pack_Requests_Get_Problem_Details(string url, int status, string? field)
    {
        // Act
        var response = await viewer.Client.GetAsync(url, Ct);

        // Assert
        var problem = await response.AssertProblemAsync((HttpStatusCode)status);
        if (field is not null)
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}");
        }
    }

    /// <summary>The PDF's text with all whitespace removed: PDF text runs do not keep the HTML's spaces reliably.</summary>
    private static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return Squash(string.Concat(document.GetPages().Select(p => p.Text)));
    }

    private static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
