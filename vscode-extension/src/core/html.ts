import type { Interval } from './reportModel';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: unknown): string {
  return String(text ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A number for people: three significant decimals at most, no trailing zeros. */
export function formatNumber(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return Number(value.toFixed(digits)).toString();
}

/** A step count the way specs write it: 1500 → 1.5k, 2000000 → 2M. */
export function formatSteps(value: number): string {
  if (Math.abs(value) >= 1e6) return `${Number((value / 1e6).toFixed(2))}M`;
  if (Math.abs(value) >= 1e3) return `${Number((value / 1e3).toFixed(1))}k`;
  return String(value);
}

/** A mean with its 95% confidence interval, e.g. "0.823 [0.71, 0.93]"; the interval is omitted with one seed. */
export function formatInterval(value: Interval | null | undefined): string {
  if (!value) return '–';
  const mean = formatNumber(value.mean);
  if (value.ciLow === null || value.ciLow === undefined || value.ciHigh === null || value.ciHigh === undefined) return mean;
  return `${mean} [${formatNumber(value.ciLow)}, ${formatNumber(value.ciHigh)}]`;
}

/**
 * A normalised score with its interval as mesaspec's explanations, report.md and report.html write it, two
 * decimals ("0.47 [0.36, 0.57]"), so the verdict table reads as the explanation under it.
 */
export function formatScoreInterval(value: Interval | null | undefined): string {
  if (!value) return '–';
  const fixed = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(2));
  if (value.ciLow === null || value.ciLow === undefined || value.ciHigh === null || value.ciHigh === undefined) return fixed(value.mean);
  return `${fixed(value.mean)} [${fixed(value.ciLow)}, ${fixed(value.ciHigh)}]`;
}

/** A table that scrolls inside itself when the view is narrower than it, so the page never scrolls sideways. */
export function scrollingTable(tableHtml: string): string {
  return `<div class="table-scroll">${tableHtml}</div>`;
}
