// Command lines for the `mesaspec` program. Pure, so the exact arguments are unit-tested.

export interface RunRequest {
  /** Absolute path of the spec. */
  file: string;
  /** The experiment to run; all experiments of the file when absent. */
  experiment?: string;
  /** Seeds 0..N-1 instead of the spec's own seeds. */
  seeds?: number | null;
  threads?: number;
  /** Output folder of the run (report.json is written there). */
  outDir: string;
  /** Where the tasks run: this machine (default), or a scheduler (`--on slurm`) with its `run` options. */
  on?: 'local' | 'slurm';
  schedulerArguments?: string[];
}

export function runArguments(request: RunRequest): string[] {
  const args = ['run', request.file];
  if (request.experiment) args.push('--experiment', request.experiment);
  if (request.seeds !== undefined && request.seeds !== null) args.push('--seeds', String(request.seeds));
  if (request.threads !== undefined) args.push('--threads', String(request.threads));
  if (request.on === 'slurm') args.push('--on', 'slurm', ...(request.schedulerArguments ?? []));
  args.push('--out', request.outDir, '--progress', 'jsonl');
  return args;
}

/** `mesaspec test --accept <file>`: promotes the received snapshots of a spec to verified. */
export function acceptSnapshotArguments(file: string): string[] {
  return ['test', '--accept', file];
}

/** runs/<Experiment>-20261129-171500 under the workspace folder. */
export function runFolderName(experiment: string, now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  return `${experiment.replace(/[^A-Za-z0-9_.-]/g, '_')}-${stamp}`;
}
