import { createHash } from 'node:crypto';
import type { ExpectationResult, RunReport } from './reportModel';

// What the editor knows of one `expect` line: nothing yet, a run going, or the last result and whether the
// spec changed since. The Testing panel records it; the gutter and the hover read it.

export type ExpectationStatus = 'notRun' | 'running' | 'holds' | 'fails' | 'stale';

export type StoredExpectation =
  | { kind: 'running' }
  | {
    kind: 'result';
    result: ExpectationResult;
    report: RunReport;
    reportPath: string;
    /** The spec's text when the result was recorded: any other text makes the result stale. */
    specHash: string;
    recordedAt: Date;
  };

export function specHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function statusOf(stored: StoredExpectation | undefined, currentSpecHash: string): ExpectationStatus {
  if (!stored) return 'notRun';
  if (stored.kind === 'running') return 'running';
  if (stored.specHash !== currentSpecHash) return 'stale';
  return stored.result.passed ? 'holds' : 'fails';
}

const statusWords: Record<ExpectationStatus, string> = {
  notRun: 'not run yet',
  running: 'running',
  holds: 'holds',
  fails: 'fails',
  stale: 'stale: the spec changed since this result',
};

export function statusWord(status: ExpectationStatus): string {
  return statusWords[status];
}

/** The environments an expectation is about: those of the report it names after `on`. */
function environmentsOf(expectText: string, report: RunReport): string[] {
  const names = new Set(report.points.flatMap((p) => p.evaluations.map((e) => e.environment)));
  return [...names].filter((name) => new RegExp(`\\bon\\s+${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(expectText));
}

/**
 * The hover of an `expect` line, as markdown: its status, what the last run measured (the checker's own words,
 * with the metric's 95% interval), and for the environment it names the report's explanation of its verdict.
 */
export function hoverMarkdown(stored: StoredExpectation | undefined, status: ExpectationStatus): string {
  const lines = [`**MesaSpec expectation: ${statusWord(status)}**`];
  if (!stored || stored.kind === 'running') {
    lines.push('', stored ? 'A run of this experiment is going.' : 'Run the experiment to measure it.');
    return lines.join('\n');
  }
  const { result, report } = stored;
  const inconclusive = result.inconclusive ? ' (inconclusive: the data cannot decide it)' : '';
  lines.push('', `Last measured: ${result.detail ?? (result.passed ? 'holds' : 'does not hold')}${inconclusive}`);
  for (const point of report.points) {
    const label = Object.entries(point.parameters ?? {}).map(([k, v]) => `${k} = ${String(v)}`).join(', ');
    for (const e of point.evaluations.filter((x) => environmentsOf(result.text, report).includes(x.environment))) {
      // The report's own explanation (verdict, headline scores with their intervals and the episodes they are on),
      // as mesaspec wrote it: the editor does not derive scores a second time.
      lines.push('', `${label ? `${label}: ` : ''}${e.environment}: ${e.explanation ?? e.verdict}`);
    }
  }
  lines.push('', `Run of ${stored.recordedAt.toLocaleString()}, ${report.status}: \`${stored.reportPath}\``);
  return lines.join('\n');
}
