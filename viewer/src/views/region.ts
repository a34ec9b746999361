// View 2: one RMC region. The institutions and campuses that take its students, ranked, and the agenda tables the
// region sits at (the institutions that count it among their partners under the default rule).
import { api, apiUrl, type RankedFlow } from "../api";
import type { ViewContext } from "../context";
import { t } from "../i18n";
import { cssColor, type AreaFeature, type LineFeature, type PointFeature } from "../map";
import { escapeHtml, h, percent, rate, shown, table } from "../ui";
import { tipValue } from "./institution";

export async function renderRegion(ctx: ViewContext): Promise<void> {
  const { state, panel, map, selection } = ctx;
  const [regions, campuses] = await Promise.all([ctx.regions(), ctx.campuses()]);
  const code = state.region.toUpperCase();

  // Keyboard users choose from the list; mouse users may click the map.
  const select = h("select", { id: "region-select" }, h("option", { value: "" }, "—"),
    ...regions.features.map((f) => {
      const option = h("option", { value: String(f.id) }, `${(f.properties as { name: string }).name} (${String(f.id)})`);
      option.selected = String(f.id) === code;
      return option;
    }));
  select.addEventListener("change", () => ctx.update({ region: select.value }));
  panel.append(h("label", { for: "region-select", class: "search-label" }, t("region")), select);
  map.onAreaClick = (clicked) => ctx.update({ region: clicked });
  map.onCampusClick = (clicked) => ctx.update({ view: "institution", unit: clicked });

  const base = cssColor("--no-data");
  const selectedColor = cssColor("--seq-5");
  map.setAreas(regions.features.map((f) => {
    const name = (f.properties as { name: string }).name;
    const students = (f.properties as { students: number | null; suppressed: boolean });
    return { ...f, properties: { code: String(f.id), name, color: String(f.id) === code ? selectedColor : base, highlight: String(f.id) === code,
      tip: `<strong>${escapeHtml(name)}</strong><br>${t("students")}: ${tipValue(students.students, students.suppressed)}` } } as AreaFeature;
  }));
  if (!code) {
    panel.append(h("p", {}, t("chooseRegion")));
    map.setFlows([]);
    setCampuses(ctx, campuses.features, new Set());
    map.fitTo([]);
    return;
  }

  const [answer, tables, lines] = await Promise.all([
    api.regionInstitutions(code, selection),
    api.agendaTables(selection),
    api.layer("flow-lines", selection, { rmc: code }),
  ]);
  const taking = new Set(answer.campuses.map((c) => c.code));
  setCampuses(ctx, campuses.features, taking);
  const maxStudents = Math.max(1, ...lines.features.map((f) => (f.properties as { students: number | null }).students ?? 0));
  const flowColor = cssColor("--flow");
  map.setFlows(lines.features.map((f) => {
    const p = f.properties as { students: number | null; campusName: string; brinVest: string; suppressed: boolean };
    return { ...f, properties: { color: flowColor, width: 1 + (7 * (p.students ?? 0)) / maxStudents,
      tip: `${escapeHtml(p.campusName)} (${p.brinVest}): ${tipValue(p.students, p.suppressed)}` } } as LineFeature;
  }));
  map.fitTo(regions.features.filter((f) => String(f.id) === code));

  const seats = tables.regions.find((r) => r.code === code)?.institutions ?? [];
  const names = new Map(tables.institutions.map((i) => [i.brin, i.name]));
  const ranked = (caption: string, rows: RankedFlow[], id: string): HTMLTableElement => table<RankedFlow>(caption, [
    { head: "rank", cell: (r) => (r.rank === null ? "" : String(r.rank)), numeric: true },
    { head: caption, cell: (r) => `${r.name} (${r.code})` },
    { head: "students", cell: (r) => shown(r.counts.students, r.counts.suppressed), numeric: true },
    { head: "share", cell: (r) => shown(r.share, r.counts.suppressed, percent), numeric: true },
    { head: "reports", cell: (r) => shown(r.counts.absenceReports, r.counts.reportsSuppressed ?? r.counts.suppressed), numeric: true },
    { head: "rate", cell: (r) => shown(r.counts.reportsPer100, r.counts.reportsSuppressed ?? r.counts.suppressed, rate), numeric: true },
  ], rows, { id, "data-count": String(rows.length) });

  panel.append(...[
    h("h2", { id: "region-title" }, `${answer.name} (${answer.code})`),
    answer.contactMunicipality
      ? h("p", {}, `${t("contact")}: ${answer.contactMunicipality.name}`,
        answer.contactMunicipality.assumed ? h("abbr", { title: t("assumedHint") }, ` (${t("assumed")})`) : "")
      : null,
    h("p", {}, `${t("students")}: `, shown(answer.total.students, answer.total.suppressed), ` · ${t("rate")}: `,
      shown(answer.total.reportsPer100, answer.total.reportsSuppressed ?? answer.total.suppressed, rate)),
    h("p", {}, h("a", { href: apiUrl(`/packs/rmc-regions/${code}`, { ...selection, lang: state.lang }), id: "pack-link" }, t("pack"))),
    h("h3", {}, t("tables")),
    h("p", { class: "hint" }, t("tablesHint")),
    h("ul", { id: "tables-list" }, ...(seats.length ? seats.map((b) => h("li", {}, `${names.get(b) ?? b} (${b})`)) : [h("li", {}, t("none"))])),
    ranked(t("institutions"), answer.institutions, "institutions-table"),
    ranked(t("campuses"), answer.campuses, "campuses-table"),
    h("details", { class: "rule" }, h("summary", {}, t("rule")), h("p", {}, answer.rule), h("p", {}, tables.rule)),
  ].filter((n) => n !== null));
}

function setCampuses(ctx: ViewContext, features: GeoJSON.Feature[], taking: Set<string>): void {
  const campusColor = cssColor("--campus");
  const takingColor = cssColor("--campus-selected");
  ctx.map.setCampuses(features.map((f) => {
    const p = f.properties as { brinVest: string; brin: string; name: string; institution: string };
    const on = taking.has(p.brinVest);
    return { ...f, properties: { code: p.brinVest, brin: p.brin, name: p.name, color: on ? takingColor : campusColor, radius: on ? 6 : 3,
      tip: `${escapeHtml(p.institution)}<br>${escapeHtml(p.name)} (${p.brinVest})` } } as PointFeature;
  }));
}
