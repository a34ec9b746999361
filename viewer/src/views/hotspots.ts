// View 3: hot and cold spots (Gi*) or local Moran clusters of the absence rate, on municipalities or PC4 areas,
// with a legend that gives the number of areas in each class.
import { api } from "../api";
import type { ViewContext } from "../context";
import { t, type TextKey } from "../i18n";
import { cssColor, type AreaFeature } from "../map";
import { escapeHtml, h, legend, rate, shown, table } from "../ui";
import { tipValue } from "./institution";

// Diverging ColorBrewer RdBu classes (colour-blind safe), read from --hot-* / --cold-* in style.css.
const classColors: Record<string, string> = {
  Hot99: "--hot-3", Hot95: "--hot-2", Hot90: "--hot-1",
  Cold99: "--cold-3", Cold95: "--cold-2", Cold90: "--cold-1",
  HighHigh: "--hot-3", HighLow: "--hot-1", LowLow: "--cold-3", LowHigh: "--cold-1",
  NotSignificant: "--not-significant", NoData: "--no-data", NoNeighbours: "--no-data",
};
const order = ["Hot99", "Hot95", "Hot90", "HighHigh", "HighLow", "NotSignificant", "LowHigh", "LowLow", "Cold90", "Cold95", "Cold99", "NoNeighbours", "NoData"];

export async function renderHotspots(ctx: ViewContext): Promise<void> {
  const { state, panel, map, selection } = ctx;
  const level = state.level === "pc4" ? "pc4" : "municipality";
  const method = state.method === "moran" ? "moran" : "gistar";
  panel.append(
    choice("hotspot-level", "level", ["municipality", "pc4"], level, (v) => ctx.update({ level: v })),
    choice("hotspot-method", "method", ["gistar", "moran"], method, (v) => ctx.update({ method: v })),
  );
  map.onAreaClick = () => {};
  map.onCampusClick = () => {};
  map.setFlows([]);
  map.setCampuses([]);

  const answer = await api.hotspots(level, method, selection);
  map.setAreas(answer.features.filter((f) => f.geometry !== null).map((f) => {
    const p = f.properties;
    return { type: "Feature", id: f.id, geometry: f.geometry!, properties: { code: p.code, name: p.name,
      color: cssColor(classColors[p.class] ?? "--no-data"), highlight: false,
      tip: `<strong>${escapeHtml(p.name)}</strong> (${p.code})<br>${escapeHtml(p.class)}<br>${t("rate")}: ${tipValue(p.reportsPer100, p.suppressed, 1)}` } } as AreaFeature;
  }));
  map.fitTo([]);

  const classes = Object.entries(answer.summary.classes).sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]));
  const notable = answer.features.filter((f) => f.properties.class.startsWith("Hot") || f.properties.class === "HighHigh")
    .sort((a, b) => (b.properties.z ?? 0) - (a.properties.z ?? 0)).slice(0, 25);
  panel.append(
    legend(`${t("classCounts")} (${t(`method.${method}` as TextKey)})`, classes.map(([name, count]) => ({
      color: cssColor(classColors[name] ?? "--no-data"), label: name, count }))),
    table(t("view.hotspots"), [
      { head: "region", cell: (f) => `${f.properties.name} (${f.properties.code})` },
      { head: "students", cell: (f) => shown(f.properties.students, f.properties.suppressed), numeric: true },
      { head: "rate", cell: (f) => shown(f.properties.reportsPer100, f.properties.suppressed, rate), numeric: true },
      { head: "z", cell: (f) => (f.properties.z === null ? "–" : f.properties.z.toFixed(2)), numeric: true },
    ], notable, { id: "hotspots-table" }),
  );
}

export function choice(id: string, labelKey: TextKey, values: string[], current: string, change: (value: string) => void): HTMLElement {
  const select = h("select", { id },
    ...values.map((v) => {
      const option = h("option", { value: v }, t(`${labelKey}.${v}` as TextKey));
      option.selected = v === current;
      return option;
    }));
  select.addEventListener("change", () => change(select.value));
  return h("label", { for: id, class: "inline-choice" }, `${t(labelKey)} `, select);
}
