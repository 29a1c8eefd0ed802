// A distributed run (`mesaspec run --on slurm`) as the editor follows it: the document
// `mesaspec runs show ID --json` prints (src/MesaSpec.Cli/Cluster/ClusterRunView.cs), polled until no
// task is queued, then `mesaspec collect ID --json`. Pure, so it is unit-tested.

export interface ClusterTask {
  index: number;
  point: number;
  seed: number;
  /** unknown: the scheduler's queue could not be read (it is asked again on the next poll). */
  state: 'pending' | 'running' | 'done' | 'failed' | 'missing' | 'unknown';
  failure: string | null;
}

export interface ClusterRunState {
  clusterRun: string;
  experiment: string;
  backend: string;
  cancelled: boolean;
  tasks: ClusterTask[];
}

/** The document, or undefined when the text is not one (a warning, an error message). */
export function parseClusterRunState(text: string): ClusterRunState | undefined {
  try {
    const value = JSON.parse(text.trim()) as Partial<ClusterRunState>;
    return typeof value.clusterRun === 'string' && Array.isArray(value.tasks) ? value as ClusterRunState : undefined;
  } catch {
    return undefined;
  }
}

/** Fraction of tasks done, whether any is still queued, and a one-line message. */
export function clusterProgress(state: ClusterRunState): { fraction: number; queued: boolean; message: string } {
  const count = (s: ClusterTask['state']) => state.tasks.filter((t) => t.state === s).length;
  const total = state.tasks.length;
  const queued = count('pending') + count('running') + count('unknown') > 0;
  const parts = [`${count('done')}/${total} tasks done`];
  if (count('running')) parts.push(`${count('running')} running`);
  if (count('pending')) parts.push(`${count('pending')} pending`);
  if (count('failed')) parts.push(`${count('failed')} failed`);
  if (count('unknown')) parts.push(`${count('unknown')} unknown (queue unreadable)`);
  return { fraction: total === 0 ? 1 : count('done') / total, queued, message: `${state.backend} ${state.clusterRun}: ${parts.join(' · ')}` };
}

export const clusterShowArguments = (id: string): string[] => ['runs', 'show', id, '--json'];
export const collectArguments = (id: string): string[] => ['collect', id, '--json'];
export const cancelArguments = (id: string): string[] => ['cancel', id];
