import { escapeHtml, formatNumber } from './html';
import type { ReportPoint } from './reportModel';
import { lineChart } from './svgChart';

/** Where a cell's arrow points and how decided the policy is there, from its action probabilities (report-format.md). */
export interface CellArrow {
  /** One of eight arrow glyphs, or a dot where the moves cancel out. */
  glyph: string;
  /** 1 (barely decided) to 3 (one move nearly certain): the arrow's emphasis class. */
  strength: 1 | 2 | 3;
  /** The probabilities and the value, for the cell's tooltip. */
  title: string;
}

const glyphs = ['→', '↘', '↓', '↙', '←', '↖', '↑', '↗'];

/**
 * The probability-weighted sum of the four moves (up, right, down, left; y grows downwards), as report.html draws
 * it: its direction quantised to eight glyphs, its length to three strengths. Null when the cell has no
 * distribution (walls, items, reference policies, older reports) or the numbers are not numbers.
 */
export function cellArrow(probabilities: unknown, value: unknown): CellArrow | null {
  if (!Array.isArray(probabilities) || probabilities.length < 4 || !probabilities.slice(0, 4).every((p) => typeof p === 'number' && Number.isFinite(p))) {
    return null;
  }
  const [up, right, down, left] = probabilities as number[];
  const dx = right - left;
  const dy = down - up;
  const magnitude = Math.hypot(dx, dy);
  const valueText = typeof value === 'number' && Number.isFinite(value) ? `, value ${formatNumber(value, 3)}` : '';
  const title = `up ${formatNumber(up, 2)}, right ${formatNumber(right, 2)}, down ${formatNumber(down, 2)}, left ${formatNumber(left, 2)}${valueText}`;
  if (magnitude < 0.08) {
    return { glyph: '·', strength: 1, title };
  }
  const octant = ((Math.round(Math.atan2(dy, dx) / (Math.PI / 4)) % 8) + 8) % 8;
  return { glyph: glyphs[octant], strength: magnitude >= 0.66 ? 3 : magnitude >= 0.33 ? 2 : 1, title };
}

/**
 * Scores over training (`mesaspec run --scores-every`): per evaluation environment, each candidate's mean
 * `scoreAll` over seeds against the training step, as report.html draws it. Empty when the run recorded none.
 */
export function scoresOverTraining(point: ReportPoint): string {
  const recorded = (point.training ?? []).filter((t) => Array.isArray(t.scoresOverTraining) && t.scoresOverTraining.length > 0);
  if (recorded.length === 0) return '';
  const all = recorded.flatMap((t) => t.scoresOverTraining ?? []);
  const environments = [...new Set(all.map((p) => String(p.environment)))];
  return environments.map((environment) => {
    const here = all.filter((p) => String(p.environment) === environment);
    const names = [...new Set(here.flatMap((p) => (p.objectives ?? []).map((o) => String(o.name))))];
    const steps = [...new Set(here.map((p) => p.step))].filter((s) => typeof s === 'number').sort((a, b) => a - b);
    const series = names.map((name) => ({
      label: name,
      points: steps.flatMap((step) => {
        const scores = here.filter((p) => p.step === step)
          .map((p) => (p.objectives ?? []).find((o) => String(o.name) === name)?.scoreAll)
          .filter((s): s is number => typeof s === 'number' && Number.isFinite(s));
        return scores.length === 0 ? [] : [{ x: step, y: scores.reduce((a, b) => a + b, 0) / scores.length }];
      }),
    }));
    return lineChart(series, {
      title: `Scores over training on ${environment}`,
      xLabel: 'training steps',
      yLabel: `score_all (mean of ${recorded.length} seed(s))`,
    });
  }).join('') + `<p class="note">${escapeHtml('Each point: the model at that step evaluated on the environment\'s evaluation levels (mesaspec run --scores-every).')}</p>`;
}
