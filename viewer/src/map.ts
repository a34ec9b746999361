// The one module that owns the MapLibre map: its sources, its layers and what a click on it means. Views hand it
// GeoJSON whose features carry a precomputed `color` (from the palette in style.css) and `highlight` flag, so the
// legend and the map are drawn from the same numbers. No symbol layers, so the map needs no glyphs or sprites.
import maplibregl, { type GeoJSONSource, type MapGeoJSONFeature, type StyleSpecification } from "maplibre-gl";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import type { ViewerConfig } from "./api";

export type AreaFeature = Feature<Geometry, { code: string; name: string; color: string; highlight: boolean; tip: string }>;
export type LineFeature = Feature<Geometry, { width: number; color: string; tip: string }>;
export type PointFeature = Feature<Geometry, { code: string; brin: string; name: string; color: string; radius: number; tip: string }>;

export const layerIds = {
  areasFill: "areas-fill",
  areasLine: "areas-line",
  areasHighlight: "areas-highlight",
  flows: "flows-line",
  campuses: "campuses-circle",
} as const;

const empty: FeatureCollection = { type: "FeatureCollection", features: [] };

export function cssColor(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

export class MapView {
  readonly map: maplibregl.Map;
  readonly loaded: Promise<void>;
  private readonly popup = new maplibregl.Popup({ closeButton: false, closeOnClick: false, className: "map-tip" });
  onAreaClick: (code: string) => void = () => {};
  onCampusClick: (code: string) => void = () => {};

  constructor(container: HTMLElement, config: ViewerConfig, label: string) {
    const style: StyleSpecification = {
      version: 8,
      sources: {},
      layers: [{ id: "background", type: "background", paint: { "background-color": cssColor("--map-background") } }],
    };
    // An outside background map only when configured: by default the page loads nothing from another host.
    if (config.basemapTiles) {
      style.sources.basemap = { type: "raster", tiles: [config.basemapTiles], tileSize: 256, attribution: config.basemapAttribution };
      style.layers.push({ id: "basemap", type: "raster", source: "basemap", paint: { "raster-opacity": 0.6 } });
    }
    this.map = new maplibregl.Map({
      container,
      style,
      center: [5.3, 52.2],
      zoom: 6.4,
      minZoom: 5,
      maxZoom: 15,
      attributionControl: config.basemapTiles ? { compact: true } : false,
      fadeDuration: 0,
    });
    container.setAttribute("aria-label", label);
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), "top-left");
    this.loaded = new Promise((resolve) => this.map.once("load", () => {
      this.addLayers();
      resolve();
    }));
  }

  private addLayers(): void {
    const m = this.map;
    for (const id of ["areas", "flows", "campuses"]) {
      m.addSource(id, { type: "geojson", data: empty });
    }
    m.addLayer({ id: layerIds.areasFill, type: "fill", source: "areas", paint: { "fill-color": ["get", "color"], "fill-opacity": 0.85 } });
    m.addLayer({ id: layerIds.areasLine, type: "line", source: "areas", paint: { "line-color": cssColor("--map-outline"), "line-width": 0.5 } });
    m.addLayer({
      id: layerIds.areasHighlight, type: "line", source: "areas", filter: ["==", ["get", "highlight"], true],
      paint: { "line-color": cssColor("--map-highlight"), "line-width": 3 },
    });
    m.addLayer({
      id: layerIds.flows, type: "line", source: "flows", layout: { "line-cap": "round" },
      paint: { "line-color": ["get", "color"], "line-width": ["get", "width"], "line-opacity": 0.8 },
    });
    m.addLayer({
      id: layerIds.campuses, type: "circle", source: "campuses",
      paint: {
        "circle-color": ["get", "color"], "circle-radius": ["get", "radius"],
        "circle-stroke-color": cssColor("--map-outline"), "circle-stroke-width": 1,
      },
    });
    m.on("click", layerIds.campuses, (e) => this.clicked(e.features, this.onCampusClick));
    m.on("click", layerIds.areasFill, (e) => {
      // A campus on top of an area wins.
      if (m.queryRenderedFeatures(e.point, { layers: [layerIds.campuses] }).length === 0) {
        this.clicked(e.features, this.onAreaClick);
      }
    });
    for (const layer of [layerIds.areasFill, layerIds.flows, layerIds.campuses]) {
      m.on("mousemove", layer, (e) => {
        const tip = e.features?.[0]?.properties?.tip as string | undefined;
        m.getCanvas().style.cursor = layer === layerIds.flows ? "" : "pointer";
        if (tip) {
          this.popup.setLngLat(e.lngLat).setHTML(tip).addTo(m);
        }
      });
      m.on("mouseleave", layer, () => {
        m.getCanvas().style.cursor = "";
        this.popup.remove();
      });
    }
  }

  private clicked(features: MapGeoJSONFeature[] | undefined, then: (code: string) => void): void {
    const code = features?.[0]?.properties?.code as string | undefined;
    if (code) {
      then(code);
    }
  }

  setAreas(features: AreaFeature[]): void {
    this.source("areas").setData({ type: "FeatureCollection", features });
  }

  setFlows(features: LineFeature[]): void {
    this.source("flows").setData({ type: "FeatureCollection", features });
  }

  setCampuses(features: PointFeature[]): void {
    this.source("campuses").setData({ type: "FeatureCollection", features });
  }

  /** Zooms to the given features, or to the whole country when there are none. */
  fitTo(features: Feature[]): void {
    const bounds = new maplibregl.LngLatBounds();
    const visit = (c: unknown): void => {
      if (Array.isArray(c) && typeof c[0] === "number") {
        bounds.extend([c[0] as number, c[1] as number]);
      } else if (Array.isArray(c)) {
        c.forEach(visit);
      }
    };
    for (const f of features) {
      if (f.geometry && "coordinates" in f.geometry) {
        visit(f.geometry.coordinates);
      }
    }
    if (bounds.isEmpty()) {
      this.map.fitBounds([[3.3, 50.7], [7.3, 53.6]], { padding: 20, duration: 0 });
    } else {
      this.map.fitBounds(bounds, { padding: 40, duration: 0, maxZoom: 11 });
    }
  }

  private source(id: string): GeoJSONSource {
    return this.map.getSource(id) as GeoJSONSource;
  }
}
