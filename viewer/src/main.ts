import "maplibre-gl/dist/maplibre-gl.css";
import type maplibregl from "maplibre-gl";
import "./style.css";
import { api, setAccessKey, type LayerCollection, type Me, type Selection } from "./api";
import type { ViewContext } from "./context";
import { setLanguage, t, type TextKey } from "./i18n";
import { MapView } from "./map";
import { readState, viewNames, writeState, type State, type ViewName } from "./state";
import { h, paintSwatches } from "./ui";
import { renderHotspots } from "./views/hotspots";
import { renderInstitution } from "./views/institution";
import { renderOutliers } from "./views/outliers";
import { renderRegion } from "./views/region";
import { renderTrends } from "./views/trends";

const views: Record<ViewName, (ctx: ViewContext) => Promise<void>> = {
  institution: renderInstitution,
  region: renderRegion,
  hotspots: renderHotspots,
  outliers: renderOutliers,
  trends: renderTrends,
};

const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

async function start(): Promise<void> {
  let state = readState(window.location.search);
  setLanguage(state.lang);
  const [config, datasets] = await Promise.all([api.config(), api.datasets()]);
  let me: Me | null = await api.me().catch(() => null);
  const years = [...new Set(datasets.map((d) => d.schoolYear))].sort().reverse();
  if (!years.includes(state.schoolYear)) {
    state.schoolYear = years[0] ?? "";
  }
  // Geometry and campus layers are shared by the views; they are fetched once per school year and age band.
  const cache = new Map<string, Promise<LayerCollection>>();
  const layer = (collection: string, s: Selection, extra: Record<string, string | number>): Promise<LayerCollection> => {
    const key = `${collection}|${s.schoolYear}|${s.ageBand}`;
    if (!cache.has(key)) {
      cache.set(key, api.layer(collection, s, extra));
    }
    return cache.get(key)!;
  };
  const regionsOf = (s: Selection): Promise<LayerCollection> => layer("rmc-regions", s, { simplify: 250, precision: 4 });
  const campusesOf = (s: Selection): Promise<LayerCollection> =>
    layer("campuses", s, { properties: "brinVest,brin,name,institution,place,students,suppressed" });
  // Start the shared downloads while MapLibre sets up its canvas and worker.
  const first: Selection = { schoolYear: state.schoolYear, ageBand: state.ageBand };
  void regionsOf(first).catch(() => undefined);
  void campusesOf(first).catch(() => undefined);
  const map = new MapView(byId("map"), config, t("map"));
  await map.loaded;
  // Marks for bench/viewer.sh, which reports where the time to first idle goes.
  performance.mark("viewer-map-load");

  const viewer: { map: maplibregl.Map; state: () => State; readyAt?: number } = { map: map.map, state: () => state };
  (window as unknown as { hotspotViewer: typeof viewer }).hotspotViewer = viewer;
  let generation = 0;
  const render = async (): Promise<void> => {
    const mine = ++generation;
    document.body.dataset.state = "loading";
    setLanguage(state.lang);
    chrome(state, years, datasets.find((d) => d.schoolYear === state.schoolYear), update);
    byId("key-summary").textContent = me?.authenticated ? t("keyView", { role: me.role }) : t("publicView");
    const panel = byId("panel");
    panel.replaceChildren(h("p", { class: "hint" }, t("loading")));
    const content = h("div", { id: `view-${state.view}` });
    const selection: Selection = { schoolYear: state.schoolYear, ageBand: state.ageBand };
    const ctx: ViewContext = {
      state, map, panel: content, selection, update,
      regions: () => regionsOf(selection),
      campuses: () => campusesOf(selection),
    };
    try {
      await views[state.view](ctx);
      if (mine !== generation) {
        return;
      }
      if (performance.getEntriesByName("viewer-view-data").length === 0) {
        performance.mark("viewer-view-data");
      }
      panel.replaceChildren(content);
      paintSwatches(panel);
      // Tests and the page-load benchmark wait for this: the data is on the map and the map has drawn it.
      map.map.once("idle", () => {
        if (mine === generation) {
          // Milliseconds since navigation start, read by bench/viewer.sh.
          viewer.readyAt ??= performance.now();
          document.body.dataset.state = "ready";
        }
      });
      map.map.triggerRepaint();
    } catch (error) {
      if (mine === generation) {
        panel.replaceChildren(h("p", { class: "error", role: "alert" }, t("error", { message: (error as Error).message })));
        document.body.dataset.state = "error";
      }
    }
  };

  function update(change: Partial<State>): void {
    state = { ...state, ...change };
    writeState(state);
    void render();
  }

  // A key changes what the API shows (the disclosure view), so the shared layers are fetched again.
  byId<HTMLFormElement>("key-form").addEventListener("submit", (event) => {
    event.preventDefault();
    setAccessKey(byId<HTMLInputElement>("access-key").value.trim());
    byId<HTMLInputElement>("access-key").value = "";
    cache.clear();
    void api.me().catch(() => null).then((answer) => {
      me = answer;
      void render();
    });
  });

  window.addEventListener("popstate", () => {
    state = readState(window.location.search);
    state.schoolYear ||= years[0] ?? "";
    void render();
  });
  await render();
}

/** The parts outside the view: title, tabs, selectors, language switch and the synthetic-data banner. */
function chrome(state: State, years: string[], dataset: { dataset: string; synthetic: boolean } | undefined, update: (c: Partial<State>) => void): void {
  document.title = t("title");
  byId("app-title").textContent = t("title");
  byId("label-school-year").textContent = t("schoolYear");
  byId("label-age-band").textContent = t("ageBand");
  byId("label-key").textContent = t("accessKey");
  byId("key-apply").textContent = t("apply");
  const banner = byId("synthetic-banner");
  banner.hidden = !dataset?.synthetic;
  banner.textContent = dataset?.synthetic ? t("synthetic", { dataset: dataset.dataset }) : "";

  const yearSelect = byId<HTMLSelectElement>("school-year");
  yearSelect.replaceChildren(...years.map((y) => h("option", { value: y }, y)));
  yearSelect.value = state.schoolYear;
  yearSelect.onchange = () => update({ schoolYear: yearSelect.value });
  const bandSelect = byId<HTMLSelectElement>("age-band");
  bandSelect.replaceChildren(...["18plus", "under18", "all"].map((b) => h("option", { value: b }, t(`ageBand.${b}` as TextKey))));
  bandSelect.value = state.ageBand;
  bandSelect.onchange = () => update({ ageBand: bandSelect.value });
  const language = byId<HTMLButtonElement>("language");
  language.textContent = t("language");
  language.lang = state.lang === "nl" ? "en" : "nl";
  language.onclick = () => update({ lang: state.lang === "nl" ? "en" : "nl" });

  const tabs = byId("view-tabs");
  tabs.setAttribute("aria-label", t("title"));
  tabs.replaceChildren(...viewNames.map((v) => {
    const tab = h("button", { type: "button", role: "tab", id: `tab-${v}`, "aria-selected": String(v === state.view) }, t(`view.${v}` as TextKey));
    tab.onclick = () => update({ view: v, pick: "" });
    return tab;
  }));
}

void start().catch((error: unknown) => {
  document.body.dataset.state = "error";
  byId("panel").textContent = String(error);
});
