// All user-facing text, one dictionary per language. Dutch is the default: the users are Dutch RMC and mbo staff.
const nl = {
  title: "Hotspotviewer verzuim",
  schoolYear: "Schooljaar",
  ageBand: "Leeftijd",
  "ageBand.18plus": "18 jaar en ouder",
  "ageBand.under18": "jonger dan 18",
  "ageBand.all": "alle leeftijden",
  language: "English",
  synthetic: "Let op: dit zijn SYNTHETISCHE gegevens (dataset {dataset}), geen echte leerlingen of verzuimmeldingen.",
  "view.institution": "Instelling",
  "view.region": "RMC-regio",
  "view.hotspots": "Hotspots",
  "view.outliers": "Uitschieters",
  "view.trends": "Trends",
  map: "Kaart",
  loading: "Laden…",
  error: "Er ging iets mis: {message}",
  findInstitution: "Zoek een instelling of vestiging (naam of BRIN)",
  chooseInstitution: "Kies een instelling in het zoekveld of klik op een vestiging op de kaart.",
  chooseRegion: "Klik op een RMC-regio op de kaart.",
  region: "Regio",
  contact: "Contactgemeente",
  assumed: "aangenomen",
  assumedHint: "Niet gepubliceerd: de grootste gemeente van de regio is aangenomen.",
  students: "Studenten",
  share: "Aandeel",
  reports: "Meldingen",
  rate: "Per 100",
  campuses: "Vestigingen",
  institutions: "Instellingen",
  partners: "Agendapartners",
  rule: "Regel",
  rank: "#",
  total: "Totaal",
  unplaced: "Woonplaats onbekend",
  hiddenSmall: "< 5",
  hidden: "verborgen",
  hiddenSmallWhy: "Minder dan 5: niet getoond om de privacy van studenten te beschermen.",
  hiddenWhy: "Verborgen zodat een verborgen kleine waarde niet uit een totaal terug te rekenen is.",
  tables: "Aan tafel bij",
  tablesHint: "Instellingen waarvan deze regio agendapartner is.",
  none: "geen",
  legend: "Legenda",
  "legend.rate": "Meldingen per 100 studenten",
  "legend.partner": "Agendapartner",
  level: "Niveau",
  "level.municipality": "Gemeenten",
  "level.pc4": "Postcodegebieden (PC4)",
  method: "Methode",
  "method.gistar": "Getis-Ord Gi*",
  "method.moran": "Lokale Moran's I",
  classCounts: "Aantal gebieden per klasse",
  funnelTitle: "Trechterdiagram: meldingen ten opzichte van verwacht",
  funnelX: "Studenten",
  funnelY: "Verhouding waargenomen / verwacht",
  funnelHint: "Lijnen: 95% en 99,8% grenzen. Klik op een punt om het op de kaart te kiezen.",
  "unitLevel.cell": "Instelling × regio",
  "unitLevel.campus": "Vestigingen",
  "unitLevel.institution": "Instellingen",
  unitLevel: "Eenheden",
  units: "eenheden",
  trendLevel: "Eenheid",
  "trendLevel.region": "RMC-regio's",
  "trendLevel.institution": "Instellingen",
  trendNational: "Landelijk",
  trendChange: "Verandering per 100",
  trendDiff: "Verschil met landelijk",
  verdict: "Oordeel",
  "verdict.WorseThanNational": "slechter dan landelijk",
  "verdict.BetterThanNational": "beter dan landelijk",
  "verdict.InLineWithNational": "zoals landelijk",
  "verdict.InsufficientData": "te weinig gegevens",
  pack: "Sessiepakket (printbaar)",
  selected: "Gekozen",
} as const;

export type TextKey = keyof typeof nl;
export type Language = "nl" | "en";

const en: Record<TextKey, string> = {
  title: "Absence hotspot viewer",
  schoolYear: "School year",
  ageBand: "Age",
  "ageBand.18plus": "18 and over",
  "ageBand.under18": "under 18",
  "ageBand.all": "all ages",
  language: "Nederlands",
  synthetic: "Note: this is SYNTHETIC data (dataset {dataset}), not real students or absence reports.",
  "view.institution": "Institution",
  "view.region": "RMC region",
  "view.hotspots": "Hotspots",
  "view.outliers": "Outliers",
  "view.trends": "Trends",
  map: "Map",
  loading: "Loading…",
  error: "Something went wrong: {message}",
  findInstitution: "Find an institution or campus (name or BRIN)",
  chooseInstitution: "Choose an institution in the search box or click a campus on the map.",
  chooseRegion: "Click an RMC region on the map.",
  region: "Region",
  contact: "Contact municipality",
  assumed: "assumed",
  assumedHint: "Not published: the region's most populous municipality is assumed.",
  students: "Students",
  share: "Share",
  reports: "Reports",
  rate: "Per 100",
  campuses: "Campuses",
  institutions: "Institutions",
  partners: "Agenda partners",
  rule: "Rule",
  rank: "#",
  total: "Total",
  unplaced: "Residence unknown",
  hiddenSmall: "< 5",
  hidden: "hidden",
  hiddenSmallWhy: "Fewer than 5: not shown to protect students' privacy.",
  hiddenWhy: "Hidden so that a hidden small value cannot be worked out from a total.",
  tables: "At the table of",
  tablesHint: "Institutions this region is an agenda partner of.",
  none: "none",
  legend: "Legend",
  "legend.rate": "Absence reports per 100 students",
  "legend.partner": "Agenda partner",
  level: "Level",
  "level.municipality": "Municipalities",
  "level.pc4": "Postcode areas (PC4)",
  method: "Method",
  "method.gistar": "Getis-Ord Gi*",
  "method.moran": "Local Moran's I",
  classCounts: "Areas per class",
  funnelTitle: "Funnel plot: reports against expected",
  funnelX: "Students",
  funnelY: "Ratio observed / expected",
  funnelHint: "Lines: 95% and 99.8% limits. Click a point to select it on the map.",
  "unitLevel.cell": "Institution × region",
  "unitLevel.campus": "Campuses",
  "unitLevel.institution": "Institutions",
  unitLevel: "Units",
  units: "units",
  trendLevel: "Unit",
  "trendLevel.region": "RMC regions",
  "trendLevel.institution": "Institutions",
  trendNational: "National",
  trendChange: "Change per 100",
  trendDiff: "Difference from national",
  verdict: "Verdict",
  "verdict.WorseThanNational": "worse than national",
  "verdict.BetterThanNational": "better than national",
  "verdict.InLineWithNational": "in line with national",
  "verdict.InsufficientData": "insufficient data",
  pack: "Session pack (printable)",
  selected: "Selected",
};

const dictionaries: Record<Language, Record<TextKey, string>> = { nl, en };
let current: Language = "nl";

export function setLanguage(language: Language): void {
  current = language;
  document.documentElement.lang = language;
}

export function language(): Language {
  return current;
}

/** The text for key in the current language, with {name} placeholders filled in. */
export function t(key: TextKey, values: Record<string, string | number> = {}): string {
  return dictionaries[current][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ""));
}

/** Numbers in the Dutch (or English) way; Intl does the grouping and decimal separators. */
export function formatNumber(value: number, fractionDigits = 0): string {
  return new Intl.NumberFormat(current === "nl" ? "nl-NL" : "en-GB", {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(value);
}

export function formatPercent(share: number): string {
  return new Intl.NumberFormat(current === "nl" ? "nl-NL" : "en-GB", { style: "percent", maximumFractionDigits: 1 }).format(share);
}
