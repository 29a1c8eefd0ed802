import { escapeHtml, formatNumber, formatSteps } from './html';

export interface Series {
  label: string;
  points: { x: number; y: number }[];
}

export interface ChartOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  width?: number;
  height?: number;
}

const palette = ['#3794ff', '#f14c4c', '#89d185', '#cca700', '#b180d7', '#4ec9b0', '#d18616', '#e0e0e0'];

/**
 * A line chart as inline SVG (no script, no external resource, so it renders under the
 * results view's strict content security policy and offline). Axes carry labels and ticks.
 */
export function lineChart(series: Series[], options: ChartOptions): string {
  const width = options.width ?? 520;
  const height = options.height ?? 260;
  const margin = { left: 56, right: 16, top: 28, bottom: 44 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const all = series.flatMap((s) => s.points).filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  if (all.length === 0) {
    return `<p class="empty">${escapeHtml(options.title)}: no data yet.</p>`;
  }
  let [xMin, xMax] = [Math.min(...all.map((p) => p.x)), Math.max(...all.map((p) => p.x))];
  let [yMin, yMax] = [Math.min(...all.map((p) => p.y)), Math.max(...all.map((p) => p.y))];
  if (xMin === xMax) { xMin -= 1; xMax += 1; }
  if (yMin === yMax) { yMin -= 1; yMax += 1; }
  const sx = (x: number) => margin.left + ((x - xMin) / (xMax - xMin)) * plotW;
  const sy = (y: number) => margin.top + plotH - ((y - yMin) / (yMax - yMin)) * plotH;
  const ticks = (lo: number, hi: number, n: number) => Array.from({ length: n + 1 }, (_, i) => lo + ((hi - lo) * i) / n);

  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(options.title)}">`);
  parts.push(`<text class="chart-title" x="${width / 2}" y="16" text-anchor="middle">${escapeHtml(options.title)}</text>`);
  for (const y of ticks(yMin, yMax, 4)) {
    parts.push(`<line class="grid" x1="${margin.left}" x2="${margin.left + plotW}" y1="${sy(y).toFixed(1)}" y2="${sy(y).toFixed(1)}"/>`);
    parts.push(`<text class="tick" x="${margin.left - 6}" y="${(sy(y) + 4).toFixed(1)}" text-anchor="end">${formatNumber(y, 2)}</text>`);
  }
  for (const x of ticks(xMin, xMax, 4)) {
    parts.push(`<text class="tick" x="${sx(x).toFixed(1)}" y="${margin.top + plotH + 16}" text-anchor="middle">${formatSteps(Math.round(x))}</text>`);
  }
  parts.push(`<line class="axis" x1="${margin.left}" x2="${margin.left}" y1="${margin.top}" y2="${margin.top + plotH}"/>`);
  parts.push(`<line class="axis" x1="${margin.left}" x2="${margin.left + plotW}" y1="${margin.top + plotH}" y2="${margin.top + plotH}"/>`);
  parts.push(`<text class="axis-label" x="${margin.left + plotW / 2}" y="${height - 6}" text-anchor="middle">${escapeHtml(options.xLabel)}</text>`);
  parts.push(`<text class="axis-label" transform="translate(14 ${margin.top + plotH / 2}) rotate(-90)" text-anchor="middle">${escapeHtml(options.yLabel)}</text>`);
  series.forEach((s, index) => {
    const pts = s.points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
    if (pts.length === 0) return;
    const colour = palette[index % palette.length];
    const d = pts.map((p, i) => `${i === 0 ? 'M' : 'L'}${sx(p.x).toFixed(1)} ${sy(p.y).toFixed(1)}`).join(' ');
    parts.push(`<path class="series" d="${d}" stroke="${colour}" fill="none" stroke-width="2"><title>${escapeHtml(s.label)}</title></path>`);
    parts.push(`<text class="legend" x="${margin.left + 8}" y="${margin.top + 14 + index * 14}" fill="${colour}">${escapeHtml(s.label)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('');
}
