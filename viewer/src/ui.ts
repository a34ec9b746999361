// Small DOM helpers shared by the views: elements, tables, suppressed values, legends and the palettes.
import { cssColor } from "./map";
import { formatNumber, formatPercent, t, type TextKey } from "./i18n";

type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    el.setAttribute(key, value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined && child !== false) {
      el.append(child);
    }
  }
  return el;
}

/**
 * A value that may be suppressed. The API publishes a hidden count as null with `suppressed: true`, whether it was
 * below 5 itself or hidden to protect another cell; it does not say which, so the hover text gives both reasons.
 */
export function shown(value: number | null | undefined, suppressed: boolean, format: (v: number) => string = (v) => formatNumber(v)): Node {
  if (value !== null && value !== undefined) {
    return document.createTextNode(format(value));
  }
  if (!suppressed) {
    return document.createTextNode("–");
  }
  return h("abbr", { class: "suppressed", title: `${t("hiddenSmallWhy")} ${t("hiddenWhy")}`, tabindex: "0" }, t("hidden"));
}

export const rate = (v: number): string => formatNumber(v, 1);
export const percent = (v: number): string => formatPercent(v);

export interface Column<T> {
  head: TextKey | string;
  cell: (row: T) => Child;
  numeric?: boolean;
}

export function table<T>(caption: string, columns: Column<T>[], rows: T[], attrs: Record<string, string> = {}): HTMLTableElement {
  const head = h("tr", {}, ...columns.map((c) => h("th", { scope: "col", class: c.numeric ? "num" : "" }, label(c.head))));
  const body = rows.map((row) => h("tr", {}, ...columns.map((c) => h("td", { class: c.numeric ? "num" : "" }, c.cell(row)))));
  return h("table", attrs, h("caption", {}, caption), h("thead", {}, head), h("tbody", {}, ...body));
}

function label(head: string): string {
  try {
    return t(head as TextKey);
  } catch {
    return head;
  }
}

/** Sequential palette (viridis, colour-blind safe), read from the CSS custom properties --seq-0 … --seq-6. */
export function sequential(): string[] {
  return [0, 1, 2, 3, 4, 5, 6].map((i) => cssColor(`--seq-${i}`));
}

/** Class breaks at quantiles of the shown values, so each colour holds about as many areas. */
export function breaks(values: number[], classes: number): number[] {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) {
    return [];
  }
  const result: number[] = [];
  for (let i = 1; i < classes; i++) {
    result.push(sorted[Math.min(sorted.length - 1, Math.floor((i * sorted.length) / classes))]!);
  }
  return [...new Set(result)];
}

export function classOf(value: number, cuts: number[]): number {
  let i = 0;
  while (i < cuts.length && value >= cuts[i]!) {
    i++;
  }
  return i;
}

export function legend(title: string, entries: { color: string; label: string; count?: number }[]): HTMLElement {
  return h("figure", { class: "legend" }, h("figcaption", {}, title),
    h("ul", {}, ...entries.map((e) => h("li", {},
      h("span", { class: "swatch", "data-color": e.color }),
      `${e.label}${e.count !== undefined ? ` (${formatNumber(e.count)})` : ""}`))));
}

/** Legend swatches get their colour from data-color here, since the house style forbids inline style attributes in markup. */
export function paintSwatches(root: HTMLElement): void {
  root.querySelectorAll<HTMLElement>(".swatch[data-color]").forEach((s) => s.style.setProperty("--swatch", s.dataset.color ?? ""));
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
