import { escapeHtml, formatNumber, formatScoreInterval, formatSteps, scrollingTable } from './html';
import { policyScore, randomScore, scoredOn } from './headlineScores';
import { cellArrow, scoresOverTraining } from './renderEvidence';
import { probeSection, steeringSection } from './renderProbes';
import { taskSection } from './renderTasks';
import type { BehaviourSample, Evaluation, Interval, ReportPoint, RunReport, TrainingRun } from './reportModel';
import { lineChart } from './svgChart';
import { verdictClassOf, verdictText } from './verdicts';

export interface RenderOptions {
  /** Nonce for the one inline style sheet; the page runs no script at all. */
  nonce: string;
  /** Where the report was read from, shown in the header. */
  reportPath?: string;
  /** True while the run is still going: the page says it follows the run. */
  live?: boolean;
}

/**
 * The content security policy of the results view: nothing may load from anywhere, no script
 * runs, and only the page's own nonce'd style sheet applies. Images may only be inline data.
 */
export function contentSecurityPolicy(nonce: string): string {
  return `default-src 'none'; style-src 'nonce-${nonce}'; img-src data:; script-src 'none'; font-src 'none'; connect-src 'none'; frame-src 'none'; form-action 'none'; base-uri 'none'`;
}

/** The experiment-level verdict of a point (schema 2), or nothing for older reports. */
function experimentVerdict(point: ReportPoint): string {
  if (!point.verdict) {
    return '';
  }
  const kind = point.misgeneralisation === 'goal' || point.misgeneralisation === 'capability' ? ` (${point.misgeneralisation} misgeneralisation)` : '';
  return `<p class="experiment-verdict">Experiment: <span class="verdict ${verdictClassOf(point.verdict)}">${escapeHtml(verdictText({ verdict: point.verdict, proxy: point.proxy, learner: point.learner }))}</span>${escapeHtml(kind)} <span class="muted">${escapeHtml(point.explanation ?? '')}</span></p>`;
}

function pointLabel(point: ReportPoint): string {
  const entries = Object.entries(point.parameters ?? {});
  return entries.length === 0 ? '' : entries.map(([k, v]) => `${k} = ${String(v)}`).join(', ');
}

function verdictTable(evaluations: Evaluation[]): string {
  if (evaluations.length === 0) return '<p class="empty">No evaluation finished yet.</p>';
  const objectiveNames: string[] = [];
  for (const e of evaluations) for (const o of e.objectives ?? []) if (!objectiveNames.includes(o.name)) objectiveNames.push(o.name);
  const roleOf = (name: string) => evaluations.flatMap((e) => e.objectives ?? []).find((o) => o.name === name)?.role ?? '';
  const header = ['Environment', 'Verdict', 'Capability', 'Scored on', ...objectiveNames.map((n) => `score(${escapeHtml(n)})<span class="role">${escapeHtml(roleOf(n))}</span>`), 'Seeds'];
  const rows = evaluations.map((e) => {
    const headline = (score: Interval | null | undefined) => (score === null ? 'not testable here' : formatScoreInterval(score));
    const seeds = (e.perSeed ?? []).map((s) => `${escapeHtml(s.seed)}: ${escapeHtml(verdictText(s))}`).join('<br>');
    const cells = [
      `<td>${escapeHtml(e.environment)}</td>`,
      `<td><span class="verdict ${verdictClassOf(e.verdict)}">${escapeHtml(verdictText(e))}</span></td>`,
      `<td class="num">${escapeHtml(formatScoreInterval(e.capability))}</td>`,
      `<td>${escapeHtml(scoredOn(e))}</td>`,
      ...objectiveNames.map((n) => {
        // The random policy on the same episodes as the policy's score, with its interval (headlineScores).
        const r = randomScore(e, n);
        const baseline = r === undefined ? '' : `<div class="baseline">random ${escapeHtml(headline(r))}</div>`;
        return `<td class="num">${escapeHtml(headline(policyScore(e, n)))}${baseline}</td>`;
      }),
      `<td class="seeds">${seeds || '–'}</td>`,
    ];
    return `<tr>${cells.join('')}</tr>`;
  });
  // The explanations below the table, as report.html has them: prose wraps to the view, never inside the table's scrolling box.
  const explanations = evaluations.filter((e) => e.explanation)
    .map((e) => `<li><span class="environment">${escapeHtml(e.environment)}</span>: ${escapeHtml(e.explanation)}</li>`).join('');
  return scrollingTable(`<table class="verdicts"><thead><tr>${header.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`)
    + (explanations ? `<ul class="explanations">${explanations}</ul>` : '');
}

/**
 * The budget, and the steps trained when the learning curve ran past it ("300k steps (301.1k trained)"), as
 * report.md says it: an algorithm trains whole rollouts, so the curve's axis may end a little after the budget.
 */
export function trainedSteps(t: TrainingRun): string {
  const last = (t.learningCurve ?? []).at(-1)?.step;
  return `${formatSteps(t.steps)} steps${last !== undefined && last > t.steps ? ` (${formatSteps(last)} trained)` : ''}`;
}

/** Experiments on a task record the training loss where environments record the episode return. */
function learningCurves(point: ReportPoint): string {
  const training = point.training ?? [];
  if (training.length === 0) return '<p class="empty">No training in this run (a reference policy, or no seed finished yet).</p>';
  const series = training.map((t) => ({
    label: `seed ${t.seed}`,
    points: (t.learningCurve ?? []).filter((p) => p.meanReturn !== null).map((p) => ({ x: p.step, y: p.meanReturn as number })),
  }));
  const speed = training
    .filter((t) => t.stepsPerSecond)
    .map((t) => `seed ${t.seed}: ${trainedSteps(t)}, ${formatNumber(t.stepsPerSecond ?? 0, 0)} steps/s`)
    .join(' · ');
  const onTask = Array.isArray(point.tasks);
  return lineChart(series, { title: 'Learning curves', xLabel: onTask ? 'training steps' : 'environment steps', yLabel: onTask ? 'mean training loss (squared error)' : 'mean episode return' })
    + (speed ? `<p class="note">${escapeHtml(speed)}</p>` : '') + scoresOverTraining(point);
}

/**
 * The ASCII legend line ("legend: A agent, # wall, . floor, C cheese") in the drawn grid's terms, as report.html
 * words it: the letters it draws, and walls as the dark cells they are (no '#' or '.' is drawn).
 */
export function pictureLegend(legend: string): string {
  const entries = legend.slice('legend:'.length).split(',').map((e) => e.trim()).filter(Boolean);
  const letters = entries.filter((e) => e.length > 2 && e[0] !== '#' && e[0] !== '.' && e[1] === ' ');
  return letters.join(', ') + (entries.some((e) => e.startsWith('#')) ? '; dark cells are walls' : '');
}

/** The steps of a sample's episode: its trajectory holds the start cell and one cell per step. */
export function sampleSteps(sample: BehaviourSample): number {
  return Math.max(0, (sample.trajectory ?? []).length - 1);
}

/** One sample level: the grid with the agent's path and a visitation heat map (classes, not inline styles). */
export function renderSample(sample: BehaviourSample): string {
  // The grid's rows; mesaspec appends a "legend: ..." line, shown (in the picture's terms) as the caption instead.
  const grid = (sample.grid ?? []).filter((row) => !row.startsWith('legend:'));
  const legend = (sample.grid ?? []).find((row) => row.startsWith('legend:'));
  const visited = new Set((sample.trajectory ?? []).map(([x, y]) => `${x},${y}`));
  const visits = sample.visits ?? [];
  const maxVisit = Math.max(1, ...visits.flat().filter((v) => typeof v === 'number'));
  const rows = grid.map((row, y) => {
    const cells = [...row].map((ch, x) => {
      const count = typeof visits[y]?.[x] === 'number' ? visits[y][x] : visited.has(`${x},${y}`) ? maxVisit : 0;
      const heat = count > 0 ? Math.max(1, Math.round((count / maxVisit) * 5)) : 0;
      // Where the policy tends to go from this floor cell (report.html's vector field), with the numbers on hover.
      const arrow = ch === '.' ? cellArrow(sample.actionProbabilities?.[y]?.[x], sample.values?.[y]?.[x]) : null;
      const classes = [ch === '#' ? 'wall' : 'cell', heat ? `heat-${heat}` : '', visited.has(`${x},${y}`) ? 'path' : '', arrow ? `arrow-${arrow.strength}` : ''].filter(Boolean).join(' ');
      const title = arrow ? ` title="${escapeHtml(arrow.title)}"` : '';
      const content = arrow ? arrow.glyph : ch === '#' || ch === ' ' || ch === '.' ? '' : escapeHtml(ch);
      return `<td class="${classes}"${title}>${content}</td>`;
    });
    return `<tr>${cells.join('')}</tr>`;
  });
  const caption = `seed ${sample.seed}, level ${sample.level}${sample.conflict ? ', a conflict level' : ''}, ${sampleSteps(sample)} steps`;
  return `<figure class="sample"><table class="level">${rows.join('')}</table><figcaption>${escapeHtml(caption)}${legend ? `<br>${escapeHtml(pictureLegend(legend))}` : ''}</figcaption></figure>`;
}

function behaviour(evaluations: Evaluation[]): string {
  const withSamples = evaluations.filter((e) => (e.samples ?? []).length > 0);
  if (withSamples.length === 0) return '<p class="empty">No behaviour samples in this report.</p>';
  return withSamples
    .map((e) => `<h4>${escapeHtml(e.environment)}</h4><div class="samples">${(e.samples ?? []).slice(0, 6).map(renderSample).join('')}</div>`)
    .join('');
}

function expectations(report: RunReport): string {
  if (report.expectations.length === 0) return '<p class="empty">The experiment states no expectation.</p>';
  const items = report.expectations.map((x) => {
    const mark = x.passed ? '<span class="pass">✓</span>' : '<span class="fail">✗</span>';
    const detail = x.detail ? ` <span class="detail">${escapeHtml(x.detail)}</span>` : '';
    return `<li>${mark} <code>${escapeHtml(x.text)}</code> <span class="line">line ${escapeHtml(x.line)}</span>${detail}</li>`;
  });
  return `<ul class="expectations">${items.join('')}</ul>`;
}

const styles = `
body { font-family: var(--vscode-font-family, sans-serif); font-size: var(--vscode-font-size, 13px); color: var(--vscode-foreground, #ccc); background: var(--vscode-editor-background, #1e1e1e); padding: 0 16px 24px; }
h1 { font-size: 1.5em; margin-bottom: 0.2em; } h2 { font-size: 1.2em; margin-top: 1.6em; border-bottom: 1px solid var(--vscode-panel-border, #444); } h3 { font-size: 1.05em; }
.meta { color: var(--vscode-descriptionForeground, #999); }
.status { display: inline-block; padding: 1px 8px; border-radius: 8px; font-weight: 600; }
.status.finished.passed, .verdict.good, .pass { color: #89d185; } .status.finished.failed, .verdict.bad, .fail { color: #f14c4c; }
.status.running, .status.cancelled, .verdict.warn { color: #cca700; } .verdict.muted, .status.failed-run { color: #999; }
table.verdicts { border-collapse: collapse; margin: 8px 0; } table.verdicts th, table.verdicts td { border: 1px solid var(--vscode-panel-border, #444); padding: 4px 8px; vertical-align: top; text-align: left; }
table.verdicts td.num { font-variant-numeric: tabular-nums; white-space: nowrap; } .verdict { font-weight: 600; }
.role { display: block; font-weight: normal; font-size: 0.85em; color: var(--vscode-descriptionForeground, #999); }
.baseline { font-size: 0.85em; color: var(--vscode-descriptionForeground, #999); }
ul.explanations { font-size: 0.9em; color: var(--vscode-descriptionForeground, #aaa); padding-left: 1.2em; } ul.explanations li { margin: 4px 0; } ul.explanations .environment { font-weight: 600; }
.expectations { list-style: none; padding-left: 0; } .expectations li { margin: 4px 0; } .line, .detail { color: var(--vscode-descriptionForeground, #999); }
svg.chart { background: transparent; } svg .grid { stroke: #8884; } svg .axis { stroke: #888; } svg text { fill: var(--vscode-foreground, #ccc); font-size: 11px; } svg .chart-title { font-weight: 600; font-size: 12px; }
.samples { display: flex; flex-wrap: wrap; gap: 16px; } figure.sample { margin: 0; }
table.level { border-collapse: collapse; } table.level td { width: 18px; height: 18px; text-align: center; font-family: var(--vscode-editor-font-family, monospace); font-size: 12px; border: 1px solid #8883; padding: 0; }
table.level td.wall { background: #555; } table.level td.path { outline: 1px solid #3794ff; }
.arrow-1 { opacity: 0.45; } .arrow-2 { opacity: 0.75; } .arrow-3 { font-weight: 700; }
.heat-1 { background: #3794ff22; } .heat-2 { background: #3794ff44; } .heat-3 { background: #3794ff66; } .heat-4 { background: #3794ff88; } .heat-5 { background: #3794ffaa; }
figcaption, .note, .empty { color: var(--vscode-descriptionForeground, #999); font-size: 0.9em; }
.banner { padding: 6px 10px; border-left: 3px solid #cca700; background: #cca70018; margin: 8px 0; }
body { overflow-wrap: break-word; } .table-scroll { max-width: 100%; overflow-x: auto; } svg.chart { max-width: 100%; height: auto; } figure.sample { max-width: 100%; overflow-x: auto; }
table.verdicts td.seeds { font-size: 0.9em; white-space: nowrap; }
@media (max-width: 900px) { body { padding: 0 8px 16px; } table.verdicts { font-size: 0.85em; } table.verdicts th, table.verdicts td { padding: 2px 4px; } }
`;

/** The whole results page for one report. Pure: the same report gives the same page. */
export function renderReportHtml(report: RunReport, options: RenderOptions): string {
  const passed = report.status === 'finished' && report.passed;
  const statusClass = report.status === 'finished' ? `finished ${passed ? 'passed' : 'failed'}` : report.status === 'failed' ? 'failed-run' : report.status;
  const statusText = report.status === 'finished' ? (passed ? 'finished · every expectation holds' : 'finished · an expectation failed') : report.status;
  const points = report.points.length > 0 ? report.points : [{ parameters: {}, completedSeeds: [], training: [], evaluations: report.evaluations }];
  const sections = points.map((point) => {
    const label = pointLabel(point);
    const curves = `<h2>Learning curves${label ? ` (${escapeHtml(label)})` : ''}</h2>${learningCurves(point)}`;
    if (Array.isArray(point.tasks)) {
      // Trained on a task: no environment, so no verdict table, probes or sample levels.
      return `${label ? `<h3>${escapeHtml(label)}</h3>` : ''}${experimentVerdict(point)}${taskSection(point.tasks, label)}
      ${curves}`;
    }
    return `${label ? `<h3>${escapeHtml(label)}</h3>` : ''}
      <h2>Verdicts${label ? ` (${escapeHtml(label)})` : ''}</h2>${experimentVerdict(point)}${verdictTable(point.evaluations ?? [])}
      ${probeSection(point.probes, label)}${steeringSection(point.steering, label)}
      ${curves}
      <h2>Behaviour on sample levels${label ? ` (${escapeHtml(label)})` : ''}</h2>${behaviour(point.evaluations ?? [])}`;
  });
  const banner = report.status === 'running'
    ? '<div class="banner">Following the run: this view updates after every completed seed.</div>'
    : report.statusDetail ? `<div class="banner">${escapeHtml(report.statusDetail)}</div>` : '';
  const meta = [
    report.spec?.path ? `spec ${escapeHtml(report.spec.path)}` : '',
    report.spec?.policySource ? `policy ${escapeHtml(report.spec.policySource)}` : '',
    `seeds ${escapeHtml(report.seeds.join(', '))}`,
    report.durationSeconds !== undefined ? `${escapeHtml(formatNumber(report.durationSeconds, 1))} s` : '',
    report.engineVersion ? `mesaspec ${escapeHtml(report.engineVersion)}` : '',
  ].filter(Boolean).join(' · ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(options.nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(report.experiment)} results</title>
<style nonce="${escapeHtml(options.nonce)}">${styles}</style>
</head>
<body>
<h1 id="experiment">${escapeHtml(report.experiment)}</h1>
<div><span class="status ${escapeHtml(statusClass)}" id="status">${escapeHtml(statusText)}</span></div>
<p class="meta">${meta}</p>
${options.reportPath ? `<p class="meta">report ${escapeHtml(options.reportPath)}</p>` : ''}
${banner}
<h2>Expectations</h2>${expectations(report)}
${sections.join('\n')}
</body>
</html>`;
}

/** A page for a report that cannot be shown, saying why. */
export function renderErrorHtml(message: string, nonce: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(nonce)}"><style nonce="${escapeHtml(nonce)}">${styles}</style></head><body><h1>MesaSpec results</h1><div class="banner">${escapeHtml(message)}</div></body></html>`;
}

/** A page for a run that has started but has written no report yet. */
export function renderWaitingHtml(experiment: string, nonce: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(nonce)}"><style nonce="${escapeHtml(nonce)}">${styles}</style></head><body><h1 id="experiment">${escapeHtml(experiment)}</h1><div><span class="status running" id="status">running</span></div><div class="banner">Training the first seed. The verdicts appear here when it finishes.</div></body></html>`;
}
