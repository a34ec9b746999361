using System.Net;
using System.Text;

namespace Verzuim.Hotspot.Api.Packs;

/// <summary>
/// Writes one pack as a standalone HTML page: print styles for A4, no scripts, no outside resources. Text is
/// encoded on the way in; methods that take "html" take markup built here.
/// </summary>
internal sealed class PackHtml(PackTexts texts)
{
    private const string Css = """
        @page { size: A4; margin: 14mm 12mm; }
        body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10pt; color: #1b1b1b; margin: 0 auto; max-width: 186mm; }
        /* No ligatures: text copied from the PDF (and searched in it) keeps "fi" as two letters. */
        body { font-variant-ligatures: none; }
        h1 { font-size: 16pt; margin: 0 0 2mm; } h2 { font-size: 12pt; margin: 6mm 0 2mm; break-after: avoid; }
        .synthetic { border: 2px solid #c9b200; background: #fff3b0; padding: 2mm 3mm; font-weight: bold; }
        dl.provenance { display: grid; grid-template-columns: max-content 1fr; gap: 0.5mm 4mm; margin: 2mm 0; }
        dl.provenance dt { font-weight: bold; } dl.provenance dd { margin: 0; }
        table { border-collapse: collapse; width: 100%; margin: 2mm 0; break-inside: auto; }
        tr { break-inside: avoid; } thead { display: table-header-group; }
        th, td { border-bottom: 0.3mm solid #ccc; padding: 0.8mm 1.5mm; text-align: left; vertical-align: top; }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        abbr { text-decoration: underline dotted; }
        svg.map { width: 100%; max-height: 150mm; display: block; margin: 2mm 0; }
        .legend span { display: inline-block; margin-right: 4mm; } .legend i { display: inline-block; width: 4mm; height: 3mm; border: 0.2mm solid #555; margin-right: 1mm; vertical-align: middle; }
        .hint { color: #555; font-size: 9pt; }
        ol.agenda li { margin-bottom: 1.5mm; }
        @media print { .noprint { display: none; } }
        """;

    private readonly StringBuilder _html = new();

    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    public PackHtml Begin(string title, CountsProvenance provenance, string? rule)
    {
        _html.Append($"<!doctype html><html lang=\"{texts.Language}\"><head><meta charset=\"utf-8\"><title>{E(title)}</title><style>{Css}</style></head><body>");
        _html.Append($"<h1>{E(title)}</h1>");
        if (provenance.Synthetic)
        {
            _html.Append($"<p class=\"synthetic\">{E(texts["synthetic"])}</p>");
        }
        _html.Append("<dl class=\"provenance\">");
        Term("date", DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Term("schoolYear", provenance.SchoolYear);
        Term("ageBand", texts[provenance.AgeBand]);
        Term("dataset", $"{provenance.Dataset}{(provenance.Synthetic ? " (synthetic)" : "")}");
        Term("dataVersion", provenance.DataVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Term("disclosure", provenance.Disclosure);
        if (rule is not null)
        {
            Term("rule", rule);
        }
        _html.Append("</dl>");
        _html.Append($"<p class=\"hint noprint\">{E(texts["print"])}</p>");
        return this;
    }

    private void Term(string key, string value) => _html.Append($"<dt>{E(texts[key])}</dt><dd>{E(value)}</dd>");

    public PackHtml Heading(string text)
    {
        _html.Append($"<h2>{E(text)}</h2>");
        return this;
    }

    public PackHtml Paragraph(string text, string? cssClass = null)
    {
        _html.Append(cssClass is null ? $"<p>{E(text)}</p>" : $"<p class=\"{cssClass}\">{E(text)}</p>");
        return this;
    }

    public PackHtml Raw(string html)
    {
        _html.Append(html);
        return this;
    }

    /// <summary>A table; columns whose header starts with '#' are numeric (right-aligned), cells are markup.</summary>
    public PackHtml Table(string id, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        _html.Append($"<table id=\"{id}\"><thead><tr>");
        foreach (var header in headers)
        {
            var numeric = header.StartsWith('#');
            _html.Append($"<th{(numeric ? " class=\"num\"" : "")}>{E(numeric ? header[1..] : header)}</th>");
        }
        _html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            _html.Append("<tr>");
            for (var i = 0; i < row.Count; i++)
            {
                _html.Append(headers[i].StartsWith('#') ? $"<td class=\"num\">{row[i]}</td>" : $"<td>{row[i]}</td>");
            }
            _html.Append("</tr>");
        }
        _html.Append("</tbody></table>");
        return this;
    }

    public PackHtml List(string id, IEnumerable<string> items, bool ordered = false)
    {
        var tag = ordered ? "ol" : "ul";
        _html.Append($"<{tag} id=\"{id}\" class=\"{id}\">");
        foreach (var item in items)
        {
            _html.Append($"<li>{E(item)}</li>");
        }
        _html.Append($"</{tag}>");
        return this;
    }

    public PackHtml Legend(IEnumerable<(string Color, string Label)> entries)
    {
        _html.Append("<p class=\"legend\">");
        foreach (var (color, label) in entries)
        {
            _html.Append($"<span><i style=\"background:{color}\"></i>{E(label)}</span>");
        }
        _html.Append("</p>");
        return this;
    }

    /// <summary>A count or rate as published: the number, or "hidden" with the reason on hover.</summary>
    public string Value(double? value, bool suppressed, int decimals = 0) => value is { } v
        ? texts.Number(v, decimals)
        : suppressed ? $"<abbr title=\"{E(texts["hiddenWhy"])}\">{E(texts["hidden"])}</abbr>" : "–";

    public string Share(double? share, bool suppressed) => share is { } s ? texts.Percent(s) : Value(null, suppressed);

    public string End()
    {
        _html.Append("</body></html>");
        return _html.ToString();
    }
}
