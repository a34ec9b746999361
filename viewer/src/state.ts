// One small state object, mirrored in the URL, so that every view is a link a facilitator can send.
import type { Language } from "./i18n";

export type ViewName = "institution" | "region" | "hotspots" | "outliers" | "trends";
export const viewNames: ViewName[] = ["institution", "region", "hotspots", "outliers", "trends"];

export interface State {
  view: ViewName;
  lang: Language;
  schoolYear: string;
  ageBand: string;
  /** The chosen institution (BRIN) or campus (BRIN + vestiging) in the institution view. */
  unit: string;
  /** The chosen RMC region in the region view. */
  region: string;
  level: string;
  method: string;
  outlierLevel: string;
  trendLevel: string;
  /** The selected unit of the outliers or trends view. */
  pick: string;
}

const defaults: State = {
  view: "institution",
  lang: "nl",
  schoolYear: "",
  ageBand: "18plus",
  unit: "",
  region: "",
  level: "municipality",
  method: "gistar",
  outlierLevel: "institution",
  trendLevel: "region",
  pick: "",
};

export function readState(search: string): State {
  const params = new URLSearchParams(search);
  const state = { ...defaults };
  for (const key of Object.keys(defaults) as (keyof State)[]) {
    const value = params.get(key);
    if (value !== null) {
      (state as Record<keyof State, string>)[key] = value;
    }
  }
  if (!viewNames.includes(state.view)) {
    state.view = defaults.view;
  }
  if (state.lang !== "en") {
    state.lang = "nl";
  }
  return state;
}

/** Only what differs from the defaults goes into the URL, so links stay short. */
export function writeState(state: State): void {
  const params = new URLSearchParams();
  for (const key of Object.keys(defaults) as (keyof State)[]) {
    if (state[key] !== defaults[key]) {
      params.set(key, state[key]);
    }
  }
  const query = params.toString();
  const url = `${window.location.pathname}${query ? `?${query}` : ""}`;
  if (url !== `${window.location.pathname}${window.location.search}`) {
    window.history.pushState(null, "", url);
  }
}
