// The results view of an experiment trained on a task (docs/report-format.md, "TaskEvaluation"): per evaluation
// task, the verdict, the model's error, and how well each reference learner's predictions agree with the model's.
import { escapeHtml, formatInterval, formatNumber, scrollingTable } from './html';
import type { TaskEvaluation } from './reportModel';
import { verdictClassOf, verdictText } from './verdicts';

export const taskNote = 'Errors are mean squared errors of the query\'s prediction. Agreement with a reference learner: the cosine of the model\'s and the learner\'s predictions over the prompts, and the mean cosine of their sensitivities to the query (as in von Oswald et al. 2023); margin: the best learner\'s sensitivity cosine minus this one\'s. Means with 95% intervals from a bootstrap over seeds and prompts.';

function referenceTable(task: TaskEvaluation): string {
  const header = ['Reference learner', 'Learning rate', 'Error', 'Prediction cosine', 'Sensitivity cosine', 'Margin'];
  const rows = (task.references ?? []).map((r) => `<tr>${[
    `<td>${escapeHtml(r.learner)}</td>`,
    `<td class="num">${r.learningRate === null || r.learningRate === undefined ? '–' : escapeHtml(formatNumber(r.learningRate))}</td>`,
    `<td class="num">${escapeHtml(formatInterval(r.error))}</td>`,
    `<td class="num">${escapeHtml(formatInterval(r.predictionCosine))}</td>`,
    `<td class="num">${escapeHtml(formatInterval(r.sensitivityCosine))}</td>`,
    `<td class="num">${r.margin ? escapeHtml(formatInterval(r.margin)) : 'best'}</td>`,
  ].join('')}</tr>`);
  return scrollingTable(`<table class="verdicts references"><thead><tr>${header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`);
}

function taskBlock(task: TaskEvaluation): string {
  const verdict = `<span class="verdict ${verdictClassOf(task.verdict)}">${escapeHtml(verdictText(task))}</span>`;
  const facts = [
    `${task.distribution ?? ''}${task.trainingDistribution === true ? ' (the training distribution)' : ''}`,
    `${task.prompts} prompts per seed`,
    `model error ${formatInterval(task.modelError)}`,
    task.threshold !== undefined && task.threshold !== null ? `agreement threshold ${formatNumber(task.threshold)}` : '',
  ].filter(Boolean).join('; ');
  const seeds = (task.perSeed ?? []).map((s) => `${s.seed}: ${verdictText(s)}`).join(', ');
  return `<h3>${escapeHtml(task.task)}: ${verdict}</h3><p>${escapeHtml(facts)}.</p>${referenceTable(task)}`
    + (seeds || task.explanation ? `<p class="note">${seeds ? `Per seed: ${escapeHtml(seeds)}. ` : ''}${escapeHtml(task.explanation ?? '')}</p>` : '');
}

/** The task verdicts of one point, in place of the environment verdict table. */
export function taskSection(tasks: TaskEvaluation[], label: string): string {
  const body = tasks.length === 0 ? '<p class="empty">No evaluation task finished yet.</p>' : tasks.map(taskBlock).join('');
  return `<h2>Tasks${label ? ` (${escapeHtml(label)})` : ''}</h2><p class="note">${escapeHtml(taskNote)}</p>${body}`;
}
