// View 4: the funnel plot. Each unit (institution, campus, or institution x region cell) is a point: students
// against the ratio of observed to expected absence reports, with its 95% and 99.8% control limits. A click on a
// point selects the unit on the map. Suppressed units have no students or ratio to plot; they are counted below it.
import { api, type OutlierUnit } from "../api";
import type { ViewContext } from "../context";
import { formatNumber, t, type TextKey } from "../i18n";
import { cssColor, type AreaFeature, type PointFeature } from "../map";
import { escapeHtml, h, shown, table } from "../ui";
import { choice } from "./hotspots";

const svgNs = "http://www.w3.org/2000/svg";

export async function renderOutliers(ctx: ViewContext): Promise<void> {
  const { state, panel, map, selection } = ctx;
  const level = ["cell", "campus", "institution"].includes(state.outlierLevel) ? state.outlierLevel : "institution";
  panel.append(choice("outlier-level", "unitLevel", ["institution", "campus", "cell"], level, (v) => ctx.update({ outlierLevel: v, pick: "" })));
  const [answer, regions, campuses] = await Promise.all([api.outliers(level, selection), ctx.regions(), ctx.campuses()]);
  const picked = answer.items.find((u) => u.id === state.pick);

  const base = cssColor("--no-data");
  map.setAreas(regions.features.map((f) => ({ ...f, properties: { code: String(f.id), name: (f.properties as { name: string }).name,
    color: picked?.rmcCode === String(f.id) ? cssColor("--seq-5") : base, highlight: picked?.rmcCode === String(f.id),
    tip: escapeHtml((f.properties as { name: string }).name) } }) as AreaFeature));
  map.setFlows([]);
  const on = (p: { brin: string; brinVest: string }): boolean => picked !== undefined && (picked.brinVest ? p.brinVest === picked.brinVest : p.brin === picked.brin);
  map.setCampuses(campuses.features.map((f) => {
    const p = f.properties as { brinVest: string; brin: string; name: string; institution: string };
    return { ...f, properties: { code: p.brinVest, brin: p.brin, name: p.name, color: cssColor(on(p) ? "--campus-selected" : "--campus"),
      radius: on(p) ? 7 : 3, tip: `${escapeHtml(p.institution)}<br>${escapeHtml(p.name)}` } } as PointFeature;
  }));
  map.onAreaClick = () => {};
  map.onCampusClick = (code) => {
    const unit = answer.items.find((u) => (level === "campus" ? u.brinVest === code : u.brin === code.slice(0, 4)));
    if (unit) {
      ctx.update({ pick: unit.id });
    }
  };
  map.fitTo(picked ? campuses.features.filter((f) => on(f.properties as { brin: string; brinVest: string })) : []);

  const plotted = answer.items.filter((u) => u.students !== null && u.ratio !== null && u.limits !== null);
  panel.append(...[
    h("h2", {}, t("funnelTitle")),
    funnel(plotted, state.pick, (id) => ctx.update({ pick: id })),
    h("p", { class: "hint" }, t("funnelHint")),
    h("p", { id: "funnel-counts" }, `${formatNumber(plotted.length)} / ${formatNumber(answer.items.length)} ${t("units")}`),
    picked ? h("p", { id: "picked" }, `${t("selected")}: ${picked.name}`) : null,
    table<OutlierUnit>(t(`unitLevel.${level}` as TextKey), [
      { head: "region", cell: (u) => u.name },
      { head: "students", cell: (u) => shown(u.students, u.suppressed), numeric: true },
      { head: "reports", cell: (u) => shown(u.observed, u.suppressed), numeric: true },
      { head: "O/E", cell: (u) => shown(u.ratio, u.suppressed, (v) => formatNumber(v, 2)), numeric: true },
      { head: "z", cell: (u) => formatNumber(u.adjustedZ, 2), numeric: true },
      { head: "95%", cell: (u) => u.flag95 },
    ], answer.items.filter((u) => u.flag95 !== "Normal"), { id: "outliers-table" }),
  ].filter((n) => n !== null));
}

function funnel(units: OutlierUnit[], pick: string, select: (id: string) => void): SVGSVGElement {
  const width = 460;
  const height = 300;
  const pad = { left: 48, right: 12, top: 12, bottom: 36 };
  const xs = units.map((u) => Math.log10(u.students!));
  const ys = units.flatMap((u) => [u.ratio!, u.limits!.lower998, u.limits!.upper998]);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const [y0, y1] = [Math.max(0, Math.min(...ys)), Math.min(3, Math.max(...ys))];
  const sx = (students: number): number => pad.left + ((Math.log10(students) - x0) / (x1 - x0 || 1)) * (width - pad.left - pad.right);
  const sy = (ratio: number): number => height - pad.bottom - ((Math.min(y1, Math.max(y0, ratio)) - y0) / (y1 - y0 || 1)) * (height - pad.top - pad.bottom);

  const svg = document.createElementNS(svgNs, "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("id", "funnel");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", t("funnelTitle"));
  const add = (tag: string, attrs: Record<string, string | number>, text?: string): SVGElement => {
    const el = document.createElementNS(svgNs, tag);
    for (const [k, v] of Object.entries(attrs)) {
      el.setAttribute(k, String(v));
    }
    if (text) {
      el.textContent = text;
    }
    svg.append(el);
    return el;
  };
  const sorted = [...units].sort((a, b) => a.students! - b.students!);
  const limit = (pick: (u: OutlierUnit) => number, cls: string): void => {
    add("polyline", { class: cls, points: sorted.map((u) => `${sx(u.students!).toFixed(1)},${sy(pick(u)).toFixed(1)}`).join(" ") });
  };
  add("line", { class: "axis", x1: pad.left, y1: sy(1), x2: width - pad.right, y2: sy(1) });
  limit((u) => u.limits!.upper95, "limit95");
  limit((u) => u.limits!.lower95, "limit95");
  limit((u) => u.limits!.upper998, "limit998");
  limit((u) => u.limits!.lower998, "limit998");
  add("text", { x: width / 2, y: height - 6, class: "axis-label" }, `${t("funnelX")} (log)`);
  add("text", { x: 12, y: height / 2, class: "axis-label", transform: `rotate(-90 12 ${height / 2})` }, t("funnelY"));
  add("text", { x: pad.left - 4, y: sy(1) + 4, class: "tick" }, "1");
  for (const u of units) {
    const point = add("circle", {
      cx: sx(u.students!).toFixed(1), cy: sy(u.ratio!).toFixed(1), r: u.id === pick ? 6 : 3.5,
      class: `point flag-${u.flag95.toLowerCase()}${u.id === pick ? " picked" : ""}`, tabindex: 0, "data-id": u.id,
    });
    const title = document.createElementNS(svgNs, "title");
    title.textContent = `${u.name}: ${formatNumber(u.students!)} · O/E ${formatNumber(u.ratio!, 2)}`;
    point.append(title);
    point.addEventListener("click", () => select(u.id));
    point.addEventListener("keydown", (e) => {
      if ((e as KeyboardEvent).key === "Enter" || (e as KeyboardEvent).key === " ") {
        select(u.id);
      }
    });
  }
  return svg;
}
