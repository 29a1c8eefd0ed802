// The results view's probe and steering sections (docs/report-format.md, "Probe" and "Steering"): what a
// model's layers represent, against chance, and how adding a probe's direction moves each objective's score.
import { escapeHtml, formatInterval, formatNumber, scrollingTable } from './html';
import type { ProbeResult, SteeringResult } from './reportModel';

export const probeNote = 'Linear probes of the model\'s layers, fitted on some evaluation levels and scored on held-out ones: accuracy (classes, yes/no) or R² (values), against chance (the majority class of the training levels for accuracy, 0 for R²). Means with 95% t intervals over seeds; a score − chance interval above 0 says the layer holds the feature better than chance.';

export const steeringNote = 'Each objective\'s score (every scored episode) on the same levels without and with the probe\'s unit direction times the scale added to its layer, and the change, steered minus unsteered, with a 95% paired bootstrap interval over seeds and levels.';

const measureWords: Record<string, string> = { accuracy: 'accuracy', r2: 'R²' };

/** "accuracy", "R²", or an unknown measure as written (escaped by the caller). */
function measureText(measure: unknown): string {
  return typeof measure === 'string' && Object.prototype.hasOwnProperty.call(measureWords, measure) ? measureWords[measure] : String(measure ?? '');
}

function probeSeeds(probe: ProbeResult): string {
  const seeds = (probe.perSeed ?? []).map((s) => {
    const rows = s.trainRows !== undefined && s.testRows !== undefined ? `, ${s.trainRows}/${s.testRows} rows` : '';
    const score = s.score === null || s.score === undefined ? 'not measured' : `${formatNumber(s.score)} vs ${formatNumber(s.chance)}`;
    return escapeHtml(`${s.seed}: ${score}${rows}`);
  });
  return seeds.join('<br>') || '–';
}

/** The probe table of one point, or nothing when it has no probes. */
export function probeSection(probes: ProbeResult[] | undefined, label: string): string {
  if (!probes || probes.length === 0) return '';
  const header = ['Environment', 'Probe', 'Feature', 'Layer', 'Measure', 'Score', 'Chance', 'Score − chance', 'Seeds (score vs chance, fitted/held-out rows)'];
  const rows = probes.map((p) => `<tr>${[
    `<td>${escapeHtml(p.environment)}</td>`,
    `<td>${escapeHtml(p.probe)}</td>`,
    `<td><code>${escapeHtml(p.feature)}</code></td>`,
    `<td class="num">${escapeHtml(p.layer)}</td>`,
    `<td>${escapeHtml(measureText(p.measure))}</td>`,
    `<td class="num">${escapeHtml(formatInterval(p.score))}</td>`,
    `<td class="num">${escapeHtml(formatInterval(p.chance))}</td>`,
    `<td class="num">${escapeHtml(formatInterval(p.gain))}</td>`,
    `<td class="seeds">${probeSeeds(p)}</td>`,
  ].join('')}</tr>`);
  const table = `<table class="verdicts probes"><thead><tr>${header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
  return `<h2>Probes${label ? ` (${escapeHtml(label)})` : ''}</h2><p class="note">${escapeHtml(probeNote)}</p>${scrollingTable(table)}`;
}

/** The steering table of one point (a row per steered objective), or nothing when it steers nothing. */
export function steeringSection(steering: SteeringResult[] | undefined, label: string): string {
  if (!steering || steering.length === 0) return '';
  const header = ['Environment', 'Probe', 'Layer', 'Scale', 'Objective', 'Unsteered', 'Steered', 'Change'];
  const rows = steering.flatMap((s) => {
    const objectives = s.objectives ?? [];
    const span = Math.max(1, objectives.length);
    const shared = [
      `<td rowspan="${span}">${escapeHtml(s.environment)}</td>`,
      `<td rowspan="${span}">${escapeHtml(s.probe)}</td>`,
      `<td rowspan="${span}" class="num">${escapeHtml(s.layer)}</td>`,
      `<td rowspan="${span}" class="num">${escapeHtml(typeof s.scale === 'number' ? formatNumber(s.scale) : s.scale)}</td>`,
    ].join('');
    if (objectives.length === 0) return [`<tr>${shared}<td colspan="4" class="empty">no objective scored</td></tr>`];
    return objectives.map((o, i) => `<tr>${i === 0 ? shared : ''}${[
      `<td>${escapeHtml(o.name)}</td>`,
      `<td class="num">${escapeHtml(formatInterval(o.unsteered))}</td>`,
      `<td class="num">${escapeHtml(formatInterval(o.steered))}</td>`,
      `<td class="num">${escapeHtml(formatInterval(o.change))}</td>`,
    ].join('')}</tr>`);
  });
  const table = `<table class="verdicts steering"><thead><tr>${header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
  return `<h2>Steering${label ? ` (${escapeHtml(label)})` : ''}</h2><p class="note">${escapeHtml(steeringNote)}</p>${scrollingTable(table)}`;
}
