import * as path from 'node:path';

// The run history as `mesaspec runs list --json` prints it (MesaSpec.History.RunSummary), grouped the way
// the history view shows it, and the `mesaspec runs` command lines the view runs. The extension never
// reads .mesaspec/runs.db itself: the CLI owns the store and its schema.

export interface RecordedRun {
  id: number;
  experiment: string;
  specPath: string;
  status: string;
  /** Null while running, or when the run stopped before its expectations were checked. */
  passed: boolean | null;
  startedAt: string;
  durationSeconds: number | null;
  /** "Room: indistinguishable; RoomAnywhere: pseudo_aligned(GoToCorner)", empty before the first seed finished. */
  verdicts: string;
  outputDirectory: string | null;
  /** The folder the list was asked in: the runs commands about this run run there, on the same history. */
  folder: string;
}

export interface ExperimentRuns {
  experiment: string;
  runs: RecordedRun[];
}

export interface SpecRuns {
  specPath: string;
  experiments: ExperimentRuns[];
}

/** How many runs the view lists, newest first. */
export const historyLimit = 200;

export function listArguments(): string[] {
  return ['runs', 'list', '--json', '--limit', String(historyLimit)];
}

/** The older run first, so the comparison reads as "before → after" whichever was picked first. */
export function compareArguments(a: RecordedRun, b: RecordedRun, outFile: string): string[] {
  const [before, after] = a.id <= b.id ? [a, b] : [b, a];
  return ['runs', 'compare', String(before.id), String(after.id), '--out', outFile];
}

export function deleteArguments(run: RecordedRun): string[] {
  return ['runs', 'delete', String(run.id)];
}

/** Parses `runs list --json` output; throws with a reason when it is not the list. */
export function parseRunList(text: string, folder: string): RecordedRun[] {
  const value: unknown = JSON.parse(text);
  if (!Array.isArray(value)) throw new Error('mesaspec runs list --json did not print a list');
  return value.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null && typeof v.id === 'number').map((v) => ({
    id: v.id as number,
    experiment: typeof v.experiment === 'string' ? v.experiment : '?',
    specPath: typeof v.specPath === 'string' ? path.resolve(folder, v.specPath) : '',
    status: typeof v.status === 'string' ? v.status : 'unknown',
    passed: typeof v.passed === 'boolean' ? v.passed : null,
    startedAt: typeof v.startedAt === 'string' ? v.startedAt : '',
    durationSeconds: typeof v.durationSeconds === 'number' ? v.durationSeconds : null,
    verdicts: typeof v.verdicts === 'string' ? v.verdicts : '',
    outputDirectory: typeof v.outputDirectory === 'string' ? path.resolve(folder, v.outputDirectory) : null,
    folder,
  }));
}

/** Specs by path, their experiments by name, runs newest first; the same run listed by two folders once. */
export function groupRuns(runs: RecordedRun[]): SpecRuns[] {
  const seen = new Set<string>();
  const specs = new Map<string, Map<string, RecordedRun[]>>();
  for (const run of [...runs].sort((a, b) => b.startedAt.localeCompare(a.startedAt) || b.id - a.id)) {
    const key = `${run.specPath}\n${run.id}\n${run.startedAt}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const experiments = specs.get(run.specPath) ?? new Map<string, RecordedRun[]>();
    specs.set(run.specPath, experiments);
    experiments.set(run.experiment, [...(experiments.get(run.experiment) ?? []), run]);
  }
  return [...specs].sort(([a], [b]) => a.localeCompare(b)).map(([specPath, experiments]) => ({
    specPath,
    experiments: [...experiments].sort(([a], [b]) => a.localeCompare(b)).map(([experiment, list]) => ({ experiment, runs: list })),
  }));
}

/** "expectations hold", "expectation failed", else the status word (running, cancelled, failed, interrupted). */
export function runOutcome(run: RecordedRun): string {
  if (run.status === 'finished' && run.passed === true) return 'expectations hold';
  if (run.status === 'finished' && run.passed === false) return 'expectation failed';
  return run.status;
}

/** The start as local "YYYY-MM-DD HH:mm", as `mesaspec runs list` prints it. */
export function startedText(run: RecordedRun): string {
  const date = new Date(run.startedAt);
  if (Number.isNaN(date.getTime())) return run.startedAt;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`;
}

/** Where the results view reads the run: its report.json, when it had an output folder. */
export function reportJsonOf(run: RecordedRun): string | undefined {
  return run.outputDirectory ? path.join(run.outputDirectory, 'report.json') : undefined;
}

/** A spec's experiment and the report of its newest finished run: what the editor shows as each expectation's last result. */
export interface LastReport {
  specPath: string;
  experiment: string;
  reportPath: string;
}

/**
 * Per spec and experiment, the report of the newest run that finished (a cancelled, failed or interrupted run
 * checked no expectation) and wrote an output folder: what a reloaded window restores into the gutter and the
 * Testing panel. Whether its results still hold is the store's business (the report's hash of the spec against
 * the spec's text now), not this list's.
 */
export function lastReports(runs: RecordedRun[]): LastReport[] {
  return groupRuns(runs).flatMap((spec) => spec.experiments.flatMap(({ experiment, runs: newestFirst }) => {
    const last = newestFirst.find((run) => run.status === 'finished' && run.outputDirectory);
    const reportPath = last && reportJsonOf(last);
    return reportPath ? [{ specPath: spec.specPath, experiment, reportPath }] : [];
  }));
}
