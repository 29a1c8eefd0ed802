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
