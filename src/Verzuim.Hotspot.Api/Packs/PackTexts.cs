namespace Verzuim.Hotspot.Api.Packs;

/// <summary>All text of the session packs, one dictionary per language; Dutch is the default.</summary>
internal sealed class PackTexts
{
    private static readonly Dictionary<string, string> Nl = new(StringComparer.Ordinal)
    {
        ["institutionTitle"] = "Sessiepakket verzuimagenda: {0}",
        ["regionTitle"] = "Sessiepakket verzuimagenda: RMC-regio {0}",
        ["date"] = "Datum",
        ["schoolYear"] = "Schooljaar",
        ["ageBand"] = "Leeftijd",
        ["dataset"] = "Dataset",
        ["dataVersion"] = "Dataversie",
        ["disclosure"] = "Privacyregel",
        ["rule"] = "Regel agendapartners",
        ["synthetic"] = "SYNTHETISCHE GEGEVENS: gegenereerd voor ontwikkeling en demonstratie; dit zijn geen echte studenten of meldingen.",
        ["print"] = "PDF: druk deze pagina af met de printfunctie van uw browser en kies \"Opslaan als PDF\".",
        ["map"] = "Herkomst van de studenten per RMC-regio (aandeel van de studenten)",
        ["regionMap"] = "De regio en de vestigingen waar haar studenten naartoe gaan",
        ["scale"] = "{0} km",
        ["partners"] = "Agendapartners",
        ["region"] = "Regio",
        ["contact"] = "Contactgemeente",
        ["assumed"] = "aangenomen",
        ["students"] = "Studenten",
        ["share"] = "Aandeel",
        ["reports"] = "Meldingen",
        ["rate"] = "Per 100",
        ["campuses"] = "Vestigingen",
        ["institution"] = "Instelling",
        ["institutions"] = "Instellingen die studenten uit de regio opnemen",
        ["tables"] = "Aan tafel bij (instellingen waarvan de regio agendapartner is)",
        ["funnel"] = "Trechterdiagram: opvallende cellen (instelling × woonregio)",
        ["cell"] = "Cel",
        ["expected"] = "Verwacht",
        ["ratio"] = "W/V",
        ["flag"] = "Signaal",
        ["High"] = "hoog",
        ["Low"] = "laag",
        ["Normal"] = "normaal",
        ["noFlags"] = "Geen cel valt buiten de 95%-grenzen.",
        ["trend"] = "Trend tegenover landelijk",
        ["national"] = "Landelijk",
        ["verdict"] = "Oordeel",
        ["WorseThanNational"] = "slechter dan landelijk",
        ["BetterThanNational"] = "beter dan landelijk",
        ["InLineWithNational"] = "zoals landelijk",
        ["InsufficientData"] = "te weinig gegevens",
        ["hotspots"] = "Hotspots (Gi*) in de partnerregio's",
        ["regionHotspots"] = "Hotspots (Gi*) in de regio",
        ["municipality"] = "Gemeente",
        ["class"] = "Klasse",
        ["noHotspots"] = "Geen gemeente is een significante hotspot.",
        ["agenda"] = "Conceptagenda: punten die opvallen",
        ["hidden"] = "verborgen",
        ["hiddenWhy"] = "Verborgen: minder dan 5, of verborgen zodat een kleine waarde niet uit een totaal terug te rekenen is.",
        ["total"] = "Totaal",
        ["none"] = "geen",
        ["pointCoverage"] = "{0} partnerregio's zijn samen goed voor {1} van de {2} studenten.",
        ["pointCell"] = "{0}: {1} meldingen tegen {2} verwacht (W/V {3}, {4}).",
        ["pointTrend"] = "Verzuim per 100 studenten van {0} naar {1} ({2}); landelijk van {3} naar {4}.",
        ["pointHotspot"] = "Hotspot {0} ({1}): {2} meldingen per 100 studenten (z = {3}).",
        ["pointLargest"] = "Grootste partner {0}: {1} van de studenten, {2} meldingen per 100 (instelling: {3}).",
        ["pointRegionLargest"] = "{0} neemt {1} van de studenten van de regio op, {2} meldingen per 100.",
        ["pointTables"] = "De regio zit aan {0} tafel(s): {1}.",
        ["above998"] = "boven de 99,8%-grens",
        ["above95"] = "boven de 95%-grens",
        ["below95"] = "onder de 95%-grens",
        ["below998"] = "onder de 99,8%-grens",
        ["under18"] = "jonger dan 18",
        ["18plus"] = "18 jaar en ouder",
        ["all"] = "alle leeftijden",
    };

    private static readonly Dictionary<string, string> En = new(StringComparer.Ordinal)
    {
        ["institutionTitle"] = "Absence agenda session pack: {0}",
        ["regionTitle"] = "Absence agenda session pack: RMC region {0}",
        ["date"] = "Date",
        ["schoolYear"] = "School year",
        ["ageBand"] = "Age",
        ["dataset"] = "Dataset",
        ["dataVersion"] = "Data version",
        ["disclosure"] = "Disclosure rule",
        ["rule"] = "Agenda partner rule",
        ["synthetic"] = "SYNTHETIC DATA: generated for development and demonstration; these are not real students or reports.",
        ["print"] = "PDF: print this page with your browser's print function and choose \"Save as PDF\".",
        ["map"] = "Where the students come from, per RMC region (share of students)",
        ["regionMap"] = "The region and the campuses its students attend",
        ["scale"] = "{0} km",
        ["partners"] = "Agenda partners",
        ["region"] = "Region",
        ["contact"] = "Contact municipality",
        ["assumed"] = "assumed",
        ["students"] = "Students",
        ["share"] = "Share",
        ["reports"] = "Reports",
        ["rate"] = "Per 100",
        ["campuses"] = "Campuses",
        ["institution"] = "Institution",
        ["institutions"] = "Institutions that take the region's students",
        ["tables"] = "At the table of (institutions the region is an agenda partner of)",
        ["funnel"] = "Funnel plot: cells that stand out (institution × region of residence)",
        ["cell"] = "Cell",
        ["expected"] = "Expected",
        ["ratio"] = "O/E",
        ["flag"] = "Flag",
        ["High"] = "high",
        ["Low"] = "low",
        ["Normal"] = "normal",
        ["noFlags"] = "No cell lies outside the 95% limits.",
        ["trend"] = "Trend against the national one",
        ["national"] = "National",
        ["verdict"] = "Verdict",
        ["WorseThanNational"] = "worse than national",
        ["BetterThanNational"] = "better than national",
        ["InLineWithNational"] = "in line with national",
        ["InsufficientData"] = "insufficient data",
        ["hotspots"] = "Hotspots (Gi*) in the partner regions",
        ["regionHotspots"] = "Hotspots (Gi*) in the region",
        ["municipality"] = "Municipality",
        ["class"] = "Class",
        ["noHotspots"] = "No municipality is a significant hotspot.",
        ["agenda"] = "Draft agenda: points that stand out",
        ["hidden"] = "hidden",
        ["hiddenWhy"] = "Hidden: fewer than 5, or hidden so that a small value cannot be worked out from a total.",
        ["total"] = "Total",
        ["none"] = "none",
        ["pointCoverage"] = "{0} partner regions together account for {1} of the {2} students.",
        ["pointCell"] = "{0}: {1} reports against {2} expected (O/E {3}, {4}).",
        ["pointTrend"] = "Absence per 100 students from {0} to {1} ({2}); national from {3} to {4}.",
        ["pointHotspot"] = "Hotspot {0} ({1}): {2} reports per 100 students (z = {3}).",
        ["pointLargest"] = "Largest partner {0}: {1} of the students, {2} reports per 100 (institution: {3}).",
        ["pointRegionLargest"] = "{0} takes {1} of the region's students, {2} reports per 100.",
        ["pointTables"] = "The region sits at {0} table(s): {1}.",
        ["above998"] = "above the 99.8% limit",
        ["above95"] = "above the 95% limit",
        ["below95"] = "below the 95% limit",
        ["below998"] = "below the 99.8% limit",
        ["under18"] = "under 18",
        ["18plus"] = "18 and over",
        ["all"] = "all ages",
    };

    private readonly Dictionary<string, string> _texts;

    private PackTexts(string language, Dictionary<string, string> texts) => (Language, _texts) = (language, texts);

    public string Language { get; }

    public static PackTexts For(string? language) => language?.Trim().ToLowerInvariant() == "en" ? new("en", En) : new("nl", Nl);

    public static bool IsKnown(string? language) => language is null || language.Trim().ToLowerInvariant() is "nl" or "en";

    public string this[string key] => _texts[key];

    public string Format(string key, params object[] values) => string.Format(System.Globalization.CultureInfo.InvariantCulture, _texts[key], values);

    /// <summary>
    /// Numbers in the pack's language. The service may run with invariant globalization (no ICU), so the Dutch
    /// separators are set here rather than taken from a culture.
    /// </summary>
    public string Number(double value, int decimals = 0)
    {
        var text = value.ToString("N" + decimals, System.Globalization.CultureInfo.InvariantCulture);
        return Language == "nl" ? text.Replace(',', '\u0001').Replace('.', ',').Replace('\u0001', '.') : text;
    }

    public string Percent(double share) => Number(100 * share, 1) + "%";
}
