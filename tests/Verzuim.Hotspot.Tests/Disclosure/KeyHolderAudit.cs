using System.Net;
using System.Text.Json;
using Verzuim.Hotspot.Api.Access;
using Verzuim.Hotspot.Api.Disclosure;
using Verzuim.Hotspot.Tests.Infrastructure;

namespace Verzuim.Hotspot.Tests.Disclosure;

/// <summary>
/// The intruder as a key holder, at the API: a key is issued for the role, its holder reads everything the key is shown
/// (<see cref="PublishedOutputs"/>), knows its own cells and what follows from them alone, and attacks the rest with the
/// full audit.
/// </summary>
internal static class KeyHolderAudit
{
    /// <summary>
    /// Asserts, for every holder, that its own cells of <paramref name="ownTables"/> are shown exact and that its audit
    /// passes; returns how many of those own cells hold a small count (shown to the key alone).
    /// </summary>
    public static async Task<int> AssertEveryHolderAsync(ApiFactory api, LinkedTables tables, string schoolYear, int minimumCount,
        IReadOnlyDictionary<string, int[]> holders, Func<CellKey, bool> ownTables, CancellationToken ct)
    {
        var ownSmall = 0;
        foreach (var (role, known) in holders)
        {
            using var client = await ClientAsync(api, role, ct);
            var seen = (await PublishedOutputs.FetchAsync(client, schoolYear, ct)).MaskOver(tables, minimumCount, known.ToHashSet());
            // What follows from the key's own cells alone is the holder's too, whether or not an output shows it.
            var audit = IntruderAudit.Run(RoleKnowledge.AsSeenBy(seen, known));

            var own = known.Where(c => ownTables(tables.Keys[c])).ToList();
            Assert.All(own, c => Assert.False(seen.IsHidden(c, Measure.Students), $"{role} is not shown its own {tables.Keys[c]}"));
            ownSmall += own.Count(c => tables.Students(c) > 0 && tables.Students(c) < minimumCount);
            Assert.True(audit.Passed, $"{role}: {string.Join("; ", audit.Findings.Take(5))}");
            Assert.True(audit.Checked > 100, $"{role}: only {audit.Checked} small counts checked");
        }
        return ownSmall;
    }

    /// <summary>A client sending a key of <paramref name="role"/>, issued by the admin through <c>POST /admin/keys</c>.</summary>
    public static async Task<HttpClient> ClientAsync(ApiFactory api, string role, CancellationToken ct)
    {
        using var admin = api.CreateClient();
        admin.DefaultRequestHeaders.Add(ApiKeyHasher.Header, ApiFactory.AdminApiKey);
        using var issued = await admin.PostAsJsonAsync("/admin/keys", new { role, label = $"intruder {role}" }, ct);
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyHasher.Header, (await issued.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("key").GetString());
        return client;
    }
}
