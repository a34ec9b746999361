// View 5: the change in absence rate between two school years per region or institution, against the national
// change ("yours fell, but everyone else's fell more").
import { api, type TrendUnit } from "../api";
import type { ViewContext } from "../context";
import { formatNumber, formatPercent, t, type TextKey } from "../i18n";
import { cssColor, type AreaFeature, type PointFeature } from "../map";
import { escapeHtml, h, legend, rate, shown, table } from "../ui";
import { choice } from "./hotspots";

const verdictColors: Record<string, string> = {
  WorseThanNational: "--hot-2",
  InLineWithNational: "--not-significant",
  BetterThanNational: "--cold-2",
  InsufficientData: "--no-data",
};

export async function renderTrends(ctx: ViewContext): Promise<void> {
  const { state, panel, map, selection } = ctx;
  const level = state.trendLevel === "institution" ? "institution" : "region";
  panel.append(choice("trend-level", "trendLevel", ["region", "institution"], level, (v) => ctx.update({ trendLevel: v, pick: "" })));
  const [answer, regions, campuses] = await Promise.all([api.trends(level, selection), ctx.regions(), ctx.campuses()]);
  const byCode = new Map(answer.items.map((u) => [u.code, u]));
  const picked = byCode.get(state.pick);
  const color = (u: TrendUnit | undefined): string => cssColor(verdictColors[u?.verdict ?? "InsufficientData"] ?? "--no-data");

  map.setFlows([]);
  map.setAreas(regions.features.map((f) => {
    const code = String(f.id);
    const name = (f.properties as { name: string }).name;
    const u = level === "region" ? byCode.get(code) : undefined;
    return { ...f, properties: { code, name, color: level === "region" ? color(u) : cssColor("--no-data"), highlight: code === state.pick,
      tip: `<strong>${escapeHtml(name)}</strong>${u ? `<br>${t(`verdict.${u.verdict}` as TextKey)}` : ""}` } } as AreaFeature;
  }));
  map.setCampuses(level === "institution" ? campuses.features.map((f) => {
    const p = f.properties as { brinVest: string; brin: string; name: string; institution: string };
    const u = byCode.get(p.brin);
    return { ...f, properties: { code: p.brinVest, brin: p.brin, name: p.name, color: color(u), radius: p.brin === state.pick ? 7 : 4,
      tip: `${escapeHtml(p.institution)}${u ? `<br>${t(`verdict.${u.verdict}` as TextKey)}` : ""}` } } as PointFeature;
  }) : []);
  map.onAreaClick = (code) => level === "region" && ctx.update({ pick: code });
  map.onCampusClick = (code) => level === "institution" && ctx.update({ pick: code.slice(0, 4) });
  map.fitTo([]);

  const n = answer.national;
  const sorted = [...answer.items].sort((a, b) => (b.differenceFromNational ?? -Infinity) - (a.differenceFromNational ?? -Infinity));
  panel.append(...[
    h("h2", {}, `${t("view.trends")}: ${answer.from} → ${answer.to}`),
    h("p", { id: "national-trend" }, `${t("trendNational")}: ${rate(n.ratePer100From)} → ${rate(n.ratePer100To)} ${t("rate").toLowerCase()} (${signed(n.relativeChange)})`),
    picked ? slope(picked, answer.national, answer.from, answer.to) : null,
    legend(t("verdict"), Object.entries(verdictColors).map(([v, c]) => ({ color: cssColor(c), label: t(`verdict.${v}` as TextKey),
      count: answer.items.filter((u) => u.verdict === v).length }))),
    table<TrendUnit>(t(`trendLevel.${level}` as TextKey), [
      { head: "region", cell: (u) => h("button", { type: "button", class: "link", "data-code": u.code }, `${u.name} (${u.code})`) },
      { head: "trendChange", cell: (u) => shown(u.changePer100, u.suppressed, (v) => formatNumber(v, 2)), numeric: true },
      { head: "trendDiff", cell: (u) => shown(u.differenceFromNational, u.suppressed, signed), numeric: true },
      { head: "verdict", cell: (u) => t(`verdict.${u.verdict}` as TextKey) },
    ], sorted, { id: "trends-table" }),
  ].filter((n) => n !== null));
  panel.querySelectorAll<HTMLButtonElement>("button.link[data-code]").forEach((b) => b.addEventListener("click", () => ctx.update({ pick: b.dataset.code ?? "" })));
}

function signed(v: number): string {
  return `${v > 0 ? "+" : ""}${formatPercent(v)}`;
}

/** The picked unit's rate in both years next to the national rate: two lines, one chart. */
function slope(u: TrendUnit, n: { ratePer100From: number; ratePer100To: number }, from: string, to: string): HTMLElement {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", "0 0 300 160");
  svg.setAttribute("id", "trend-chart");
  svg.setAttribute("role", "img");
  const lines: [string, number | null, number | null, string][] = [
    [t("trendNational"), n.ratePer100From, n.ratePer100To, "national"],
    [u.name, u.from.reportsPer100, u.to.reportsPer100, "unit"],
  ];
  const values = lines.flatMap(([, a, b]) => [a, b]).filter((v): v is number => v !== null);
  const [lo, hi] = [Math.min(...values) * 0.9, Math.max(...values) * 1.1];
  const y = (v: number): number => 140 - ((v - lo) / (hi - lo || 1)) * 120;
  const add = (tag: string, attrs: Record<string, string | number>, text?: string): void => {
    const el = document.createElementNS(ns, tag);
    Object.entries(attrs).forEach(([k, v]) => el.setAttribute(k, String(v)));
    if (text) {
      el.textContent = text;
    }
    svg.append(el);
  };
  add("text", { x: 40, y: 155, class: "tick" }, from);
  add("text", { x: 200, y: 155, class: "tick" }, to);
  for (const [label, a, b, cls] of lines) {
    if (a !== null && b !== null) {
      add("line", { x1: 60, y1: y(a), x2: 220, y2: y(b), class: `trend-${cls}` });
      add("text", { x: 226, y: y(b) + 4, class: "tick" }, `${label} ${rate(b)}`);
      add("text", { x: 4, y: y(a) + 4, class: "tick" }, rate(a));
    }
  }
  return h("figure", { class: "chart" }, svg as unknown as Node, h("figcaption", {}, `${u.name}: ${t(`verdict.${u.verdict}` as TextKey)}`));
}
