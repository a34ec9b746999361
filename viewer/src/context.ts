import type { Selection } from "./api";
import type { MapView } from "./map";
import type { State } from "./state";

/** What a view gets: the state, the map, its side panel, and a way to change the state (which re-renders). */
export interface ViewContext {
  state: State;
  map: MapView;
  panel: HTMLElement;
  selection: Selection;
  update: (change: Partial<State>) => void;
  /** Geometry of the 40 RMC regions (simplified, WGS84), loaded once per school year and age band. */
  regions: () => Promise<import("./api").LayerCollection>;
  /** The campuses with their students, loaded once per school year and age band. */
  campuses: () => Promise<import("./api").LayerCollection>;
}
