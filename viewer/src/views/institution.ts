// View 1: one institution or campus. Where its students come from (choropleth of the share per RMC region), flow
// lines to its campuses, absence reports per 100, and the agenda partners outlined, with the rule; the side table
// shows the same numbers.
import { api, apiUrl, everyRegion, type AgendaPartner } from "../api";
import type { ViewContext } from "../context";
import { formatNumber, t } from "../i18n";
import { cssColor, type AreaFeature, type LineFeature, type PointFeature } from "../map";
import { breaks, classOf, escapeHtml, h, legend, percent, rate, sequential, shown, table } from "../ui";

export async function renderInstitution(ctx: ViewContext): Promise<void> {
  const { state, panel, map, selection } = ctx;
  const unit = state.unit.toUpperCase();
  const isCampus = unit.length === 6;
  const brin = unit.slice(0, 4);
  // The unit's own numbers are asked for at once, beside the shared layers, not after them.
  const partnersOf = isCampus ? api.campusPartners : api.institutionPartners;
  const detail = unit
    ? Promise.all([
      partnersOf(unit, selection),
      partnersOf(unit, selection, everyRegion),
      api.layer("flow-lines", selection, { ...(isCampus ? { brinVest: unit } : { brin }), properties: "rmc,regionName,brinVest,campusName,students,suppressed" }),
    ])
    : null;
  const [institutions, campuses, regions] = await Promise.all([api.institutions(), ctx.campuses(), ctx.regions()]);

  const options = h("datalist", { id: "units" },
    ...institutions.map((i) => h("option", { value: `${i.name} (${i.brin})` })),
    ...campuses.features.map((f) => {
      const p = f.properties as { brinVest: string; institution: string; name: string; place: string | null };
      return h("option", { value: `${p.institution}, ${p.name}${p.place ? `, ${p.place}` : ""} (${p.brinVest})` });
    }));
  const search = h("input", { id: "unit-search", type: "search", list: "units", autocomplete: "off", value: state.unit });
  search.addEventListener("change", () => {
    const code = /\(([0-9A-Z]{4}(?:[0-9]{2})?)\)\s*$/i.exec(search.value)?.[1] ?? search.value.trim().toUpperCase();
    if (/^[0-9A-Z]{4}([0-9]{2})?$/.test(code)) {
      ctx.update({ unit: code });
    }
  });
  panel.append(h("label", { for: "unit-search", class: "search-label" }, t("findInstitution")), search, options);
  map.onCampusClick = (code) => ctx.update({ unit: code });
  map.onAreaClick = (code) => ctx.update({ view: "region", region: code });

  const campusColor = cssColor("--campus");
  const mineColor = cssColor("--campus-selected");
  map.setCampuses(campuses.features.map((f) => {
    const p = f.properties as { brinVest: string; brin: string; name: string; institution: string };
    const mine = unit !== "" && (isCampus ? p.brinVest === unit : p.brin === brin);
    return { ...f, properties: { code: p.brinVest, brin: p.brin, name: p.name, color: mine ? mineColor : campusColor, radius: mine ? 7 : 3,
      tip: `${escapeHtml(p.institution)}<br>${escapeHtml(p.name)} (${p.brinVest})` } } as PointFeature;
  }));
  if (!detail) {
    panel.append(h("p", {}, t("chooseInstitution")));
    map.setAreas(regions.features.map((f) => area(f, cssColor("--no-data"), false, "")));
    map.setFlows([]);
    map.fitTo([]);
    return;
  }

  const [partners, all, lines] = await detail;
  const cells = new Map<string, AgendaPartner>(all.partners.map((c) => [c.code, c]));
  const partnerCodes = new Set(partners.partners.map((p) => p.code));

  // Choropleth: share of this institution's students per region of residence.
  const palette = sequential();
  const shares = [...cells.values()].map((c) => c.share).filter((s): s is number => s !== null && s > 0);
  const cuts = breaks(shares, palette.length);
  map.setAreas(regions.features.map((f) => {
    const code = String(f.id);
    const cell = cells.get(code);
    const share = cell?.share ?? null;
    const color = share !== null && share > 0 ? palette[classOf(share, cuts)]! : cssColor(cell?.counts.suppressed ? "--suppressed" : "--no-data");
    const name = (f.properties as { name: string }).name;
    const tip = `<strong>${escapeHtml(name)}</strong><br>${t("students")}: ${tipValue(cell?.counts.students, cell?.counts.suppressed)}` +
      `<br>${t("share")}: ${share !== null ? percent(share) : "–"}<br>${t("rate")}: ${tipValue(cell?.counts.reportsPer100, cell?.counts.suppressed, 1)}`;
    return area(f, color, partnerCodes.has(code), tip);
  }));
  const maxStudents = Math.max(1, ...lines.features.map((f) => (f.properties as { students: number | null }).students ?? 0));
  const flowColor = cssColor("--flow");
  map.setFlows(lines.features.map((f) => {
    const p = f.properties as { students: number | null; regionName: string; campusName: string; suppressed: boolean };
    return { ...f, properties: { color: flowColor, width: 1 + (7 * (p.students ?? 0)) / maxStudents,
      tip: `${escapeHtml(p.regionName)} → ${escapeHtml(p.campusName)}: ${tipValue(p.students, p.suppressed)}` } } as LineFeature;
  }));
  map.fitTo(regions.features.filter((f) => partnerCodes.has(String(f.id))));

  // Side panel: title, rule, partners, then every other region with students.
  panel.append(
    h("h2", { id: "unit-title" }, `${partners.name} (${partners.code})`),
    h("p", {}, `${t("students")}: `, shown(partners.total.students, partners.total.suppressed), ` · ${t("reports")}: `,
      shown(partners.total.absenceReports, partners.total.reportsSuppressed ?? partners.total.suppressed), ` · ${t("rate")}: `, shown(partners.total.reportsPer100, partners.total.reportsSuppressed ?? partners.total.suppressed, rate)),
    h("p", {}, h("a", { href: apiUrl(isCampus ? `/packs/institutions/${brin}` : `/packs/institutions/${unit}`, { ...selection, lang: state.lang }), id: "pack-link" }, t("pack"))),
    legend(t("share"), [
      ...palette.slice(0, cuts.length + 1).map((c, i) => ({ color: c, label: shareRange(cuts, i) })),
      { color: cssColor("--map-highlight"), label: t("legend.partner") },
    ]),
    table<AgendaPartner>(t("partners"), [
      { head: "rank", cell: (p) => (p.rank === null ? "" : String(p.rank)), numeric: true },
      { head: "region", cell: (p) => `${p.name} (${p.code})` },
      { head: "contact", cell: (p) => contact(p) },
      { head: "students", cell: (p) => shown(p.counts.students, p.counts.suppressed), numeric: true },
      { head: "share", cell: (p) => shown(p.share, p.counts.suppressed, percent), numeric: true },
      { head: "reports", cell: (p) => shown(p.counts.absenceReports, p.counts.reportsSuppressed ?? p.counts.suppressed), numeric: true },
      { head: "rate", cell: (p) => shown(p.counts.reportsPer100, p.counts.reportsSuppressed ?? p.counts.suppressed, rate), numeric: true },
      { head: "campuses", cell: (p) => (p.campuses ?? []).map((c) => c.name).join(", ") },
    ], partners.partners, { id: "partners-table", "data-count": String(partners.partners.length) }),
    h("details", { class: "rule" }, h("summary", {}, t("rule")), h("p", {}, partners.rule)),
    table<AgendaPartner>(t("otherRegions"), [
      { head: "region", cell: (c) => `${c.name} (${c.code})` },
      { head: "students", cell: (c) => shown(c.counts.students, c.counts.suppressed), numeric: true },
      { head: "share", cell: (c) => shown(c.share, c.counts.suppressed, percent), numeric: true },
      { head: "reports", cell: (c) => shown(c.counts.absenceReports, c.counts.reportsSuppressed ?? c.counts.suppressed), numeric: true },
      { head: "rate", cell: (c) => shown(c.counts.reportsPer100, c.counts.reportsSuppressed ?? c.counts.suppressed, rate), numeric: true },
    ], [...cells.values()].filter((c) => !partnerCodes.has(c.code)), { id: "regions-table" }),
  );
}

function area(f: GeoJSON.Feature, color: string, highlight: boolean, tip: string): AreaFeature {
  const name = (f.properties as { name: string }).name;
  return { ...f, properties: { code: String(f.id), name, color, highlight, tip: tip || escapeHtml(name) } } as AreaFeature;
}

function contact(p: AgendaPartner): Node {
  const c = p.contactMunicipality;
  return c.assumed ? h("span", {}, `${c.name} `, h("abbr", { title: t("assumedHint") }, `(${t("assumed")})`)) : document.createTextNode(c.name);
}

function shareRange(cuts: number[], i: number): string {
  const low = i === 0 ? 0 : cuts[i - 1];
  const high = cuts[i];
  if (low === undefined) {
    return "";
  }
  return high === undefined ? `≥ ${percent(low)}` : `${percent(low)} – ${percent(high)}`;
}

export function tipValue(value: number | null | undefined, suppressed: boolean | undefined, digits = 0): string {
  if (value !== null && value !== undefined) {
    return formatNumber(value, digits);
  }
  return suppressed ? t("hidden") : "–";
}
