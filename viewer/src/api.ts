// The typed client of the Verzuim.Hotspot API. The shapes mirror the API's response records (src/Verzuim.Hotspot.Api);
// a renamed field there shows up as a failing browser test here. Every request goes through request(), so an access
// key header can be added in one place once access roles exist.
import type { FeatureCollection, Geometry } from "geojson";

export interface Provenance {
  schoolYear: string;
  ageBand: string;
  dataset: string;
  synthetic: boolean;
  dataVersion: number;
  disclosure: string;
  notice: string | null;
}

export interface Counts {
  students: number | null;
  absenceReports: number | null;
  reportsPer100: number | null;
  /** The students are hidden, and with them the reports. */
  suppressed: boolean;
  /** The reports (and the rate) are hidden, while the students may be shown: a small count of reports, or one protecting another. */
  reportsSuppressed?: boolean;
}

export interface ContactMunicipality {
  code: string;
  name: string;
  assumed: boolean;
}

export interface CodeName {
  code: string;
  name: string;
}

export interface InstitutionSummary {
  brin: string;
  name: string;
  campusCount: number;
}

export interface Dataset {
  schoolYear: string;
  dataset: string;
  synthetic: boolean;
}

export interface PartnerCampus {
  brinVest: string;
  name: string;
  counts: Counts;
}

export interface AgendaPartner {
  code: string;
  name: string;
  contactMunicipality: ContactMunicipality;
  rank: number | null;
  reason: string;
  counts: Counts;
  share: number | null;
  cumulativeShare: number | null;
  campuses: PartnerCampus[] | null;
}

export interface AgendaPartnersResponse {
  provenance: Provenance;
  code: string;
  name: string;
  brin: string;
  region: CodeName | null;
  coverage: number;
  minShare: number;
  rule: string;
  total: Counts;
  unplaced: Counts;
  coverageReached: boolean;
  partners: AgendaPartner[];
}

export interface RankedFlow {
  code: string;
  name: string;
  rank: number | null;
  counts: Counts;
  share: number | null;
  cumulativeShare: number | null;
  region: CodeName | null;
}

export interface RegionInstitutionsResponse {
  provenance: Provenance;
  code: string;
  name: string;
  contactMunicipality: ContactMunicipality | null;
  rule: string;
  total: Counts;
  institutions: RankedFlow[];
  campuses: RankedFlow[];
}

export interface AgendaTablesResponse {
  provenance: Provenance;
  rule: string;
  regions: { code: string; name: string; tableCount: number; institutions: string[] }[];
  institutions: { brin: string; name: string; partners: { code: string }[] }[];
}

export interface HotspotProperties {
  code: string;
  name: string;
  students: number | null;
  absenceReports: number | null;
  suppressed: boolean;
  reportsPer100: number | null;
  z: number | null;
  class: string;
}

export interface HotspotCollection {
  type: "FeatureCollection";
  summary: { areas: number; noData: number; noNeighbours: number; classes: Record<string, number> };
  provenance: Provenance;
  features: { type: "Feature"; id: string; geometry: Geometry | null; properties: HotspotProperties }[];
}

export interface OutlierUnit {
  id: string;
  name: string;
  brin: string;
  brinVest: string | null;
  rmcCode: string | null;
  rmcName: string | null;
  students: number | null;
  observed: number | null;
  suppressed: boolean;
  expected: number | null;
  ratio: number | null;
  z: number;
  adjustedZ: number;
  limits: { lower95: number; upper95: number; lower998: number; upper998: number } | null;
  flag95: string;
  flag998: string;
}

export interface OutliersResponse {
  level: string;
  units: number;
  phi: number;
  tau2: number;
  items: OutlierUnit[];
  provenance: Provenance;
}

export interface TrendUnit {
  code: string;
  name: string;
  from: Counts;
  to: Counts;
  suppressed: boolean;
  changePer100: number | null;
  relativeChange: number | null;
  differenceFromNational: number | null;
  z: number | null;
  verdict: string;
}

export interface TrendsResponse {
  level: string;
  from: string;
  to: string;
  national: { ratePer100From: number; ratePer100To: number; changePer100: number; relativeChange: number };
  items: TrendUnit[];
  toProvenance: Provenance;
}

export interface LayerCollection extends FeatureCollection {
  provenance?: Provenance;
}

export interface ViewerConfig {
  basemapTiles: string;
  basemapAttribution: string;
}

/** Headers sent with every request, including the access key (X-Api-Key) when the user gave one. */
export const requestHeaders: Record<string, string> = { Accept: "application/json" };

export interface Me {
  role: string;
  kind: string;
  scope: string | null;
  authenticated: boolean;
  sees: string;
}

/**
 * The access key lives in sessionStorage only: never in the URL (links are meant to be shared) and gone when the
 * tab closes. Without one the API answers with the public view.
 */
export function setAccessKey(key: string): void {
  if (key) {
    sessionStorage.setItem("hotspot-api-key", key);
    requestHeaders["X-Api-Key"] = key;
  } else {
    sessionStorage.removeItem("hotspot-api-key");
    delete requestHeaders["X-Api-Key"];
  }
}

setAccessKey(sessionStorage.getItem("hotspot-api-key") ?? "");

export class ApiError extends Error {
  constructor(readonly status: number, readonly title: string, readonly detail: string | undefined) {
    super(detail ? `${title} ${detail}` : title);
  }
}

/** The API's root: the page lives at {root}/viewer/. */
const root = new URL("..", window.location.href);

export function apiUrl(path: string, query: Record<string, string | number | undefined> = {}): string {
  const url = new URL(path.replace(/^\//, ""), root);
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== "") {
      url.searchParams.set(key, String(value));
    }
  }
  return url.toString();
}

export async function request<T>(path: string, query: Record<string, string | number | undefined> = {}): Promise<T> {
  let response = await fetch(apiUrl(path, query), { headers: requestHeaders });
  // A busy server sheds load with 503 and Retry-After: wait as it asks, a few times, before giving up.
  for (let attempt = 0; response.status === 503 && attempt < 4; attempt++) {
    const seconds = Number(response.headers.get('Retry-After') ?? '1');
    await new Promise((resolve) => setTimeout(resolve, 1000 * Math.min(Number.isFinite(seconds) ? seconds : 1, 5)));
    response = await fetch(apiUrl(path, query), { headers: requestHeaders });
  }
  if (!response.ok) {
    // Every error of the API is RFC 7807 problem+json.
    const problem = (await response.json().catch(() => ({}))) as { title?: string; detail?: string };
    throw new ApiError(response.status, problem.title ?? response.statusText, problem.detail);
  }
  return (await response.json()) as T;
}

export interface Selection {
  schoolYear: string;
  ageBand: string;
}

export interface Rule {
  coverage?: number;
  minShare?: number;
}

/**
 * Every region that sends at least 5 students: the agenda rule with full coverage and no minimum share lists them all,
 * with the same published (suppressed) cells as /flows, at a fraction of the whole matrix's size.
 */
export const everyRegion: Rule = { coverage: 1, minShare: 0 };

export const api = {
  config: () => request<ViewerConfig>("/viewer/config.json"),
  me: () => request<Me>("/me"),
  datasets: () => request<Dataset[]>("/counts/datasets"),
  institutions: () => request<InstitutionSummary[]>("/institutions"),
  layer: (collection: string, s: Selection, extra: Record<string, string | number> = {}) =>
    request<LayerCollection>(`/collections/${collection}/items`, { limit: 10000, ...s, ...extra }),
  institutionPartners: (brin: string, s: Selection, rule: Rule = {}) =>
    request<AgendaPartnersResponse>(`/institutions/${brin}/agenda-partners`, { ...s, ...rule }),
  campusPartners: (brinVest: string, s: Selection, rule: Rule = {}) =>
    request<AgendaPartnersResponse>(`/campuses/${brinVest}/agenda-partners`, { ...s, ...rule }),
  regionInstitutions: (code: string, s: Selection) => request<RegionInstitutionsResponse>(`/rmc-regions/${code}/institutions`, { ...s }),
  agendaTables: (s: Selection) => request<AgendaTablesResponse>("/agenda-tables", { ...s }),
  hotspots: (level: string, method: string, s: Selection) => request<HotspotCollection>("/hotspots", { level, method, ...s }),
  outliers: (level: string, s: Selection) => request<OutliersResponse>("/outliers", { level, ...s }),
  trends: (level: string, s: Selection) => request<TrendsResponse>("/trends", { level, to: s.schoolYear, ageBand: s.ageBand }),
};
