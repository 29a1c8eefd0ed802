import * as vscode from 'vscode';
import { listArguments, parseRunList, type RecordedRun } from '../core/runHistory';
import type { ExperimentRunner } from '../run/experimentRunner';
import { ComparisonPanel } from './comparisonPanel';
import { registerHistoryCommands, type HistoryActions } from './runHistoryCommands';
import { type HistoryLoad, type HistoryNode, RunHistoryTree } from './runHistoryTree';

/** Asks `mesaspec runs list --json` in every workspace folder; in an untrusted folder runs nothing. */
export async function loadHistory(runner: ExperimentRunner): Promise<HistoryLoad> {
  if (!vscode.workspace.isTrusted) return { problem: 'The run history is read by the mesaspec program, which runs only in a trusted workspace.' };
  const runs: RecordedRun[] = [];
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const listed = await runner.capture(listArguments(), folder.uri.fsPath);
    if (!listed) return { problem: 'The mesaspec program could not be started (see the MesaSpec Runs output).' };
    if (listed.exitCode !== 0) return { problem: `mesaspec runs list failed: ${listed.errors.trim().split('\n').pop() ?? `exit code ${listed.exitCode}`}` };
    try {
      runs.push(...parseRunList(listed.output, folder.uri.fsPath));
    } catch (error) {
      return { problem: `mesaspec runs list --json: ${(error as Error).message}` };
    }
  }
  return { runs };
}

/**
 * The MesaSpec view container's run history: the tree, its commands, and when it refreshes: after every run
 * the editor started, and when a run started elsewhere (a terminal) writes the history.
 */
export function createRunHistoryView(runner: ExperimentRunner, actions: Pick<HistoryActions, 'showReport' | 'run'>): vscode.Disposable[] {
  const tree = new RunHistoryTree(() => loadHistory(runner));
  const view = vscode.window.createTreeView<HistoryNode>('mesaspec.history', { treeDataProvider: tree, canSelectMany: true, showCollapseAll: true });
  tree.onProblem = (message) => { view.message = message; };
  const comparison = new ComparisonPanel();
  // Not runs.db-shm: a reader (this view's own `runs list`) writes that one, which would refresh the view forever.
  const watcher = vscode.workspace.createFileSystemWatcher('**/.mesaspec/{runs.db,runs.db-wal}');
  let pending: NodeJS.Timeout | undefined;
  const refreshSoon = () => {
    // A run writes the history after every seed: one refresh per burst of writes.
    if (pending) clearTimeout(pending);
    pending = setTimeout(() => tree.refresh(), 1000);
  };
  return [
    view, tree, comparison, watcher,
    watcher.onDidChange(refreshSoon), watcher.onDidCreate(refreshSoon), watcher.onDidDelete(refreshSoon),
    runner.onRunEnded(() => tree.refresh()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => tree.refresh()),
    vscode.workspace.onDidChangeWorkspaceFolders(() => tree.refresh()),
    { dispose: () => { if (pending) clearTimeout(pending); } },
    ...registerHistoryCommands({ ...actions, tree, comparison, capture: (args, cwd) => runner.capture(args, cwd, { logCommand: true }) }),
  ];
}
