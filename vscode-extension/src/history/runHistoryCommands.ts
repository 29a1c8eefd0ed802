import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { compareArguments, deleteArguments, type RecordedRun, reportJsonOf, runOutcome, startedText } from '../core/runHistory';
import type { RunRequest } from '../run/experimentRunner';
import type { ComparisonPanel } from './comparisonPanel';
import type { HistoryNode, RunHistoryTree } from './runHistoryTree';

/** What the history's commands need from the rest of the extension. */
export interface HistoryActions {
  tree: RunHistoryTree;
  comparison: ComparisonPanel;
  /** `mesaspec <args>` in a folder, stdout captured; undefined when it could not start (the reason was shown). */
  capture: (args: string[], cwd: string) => Promise<{ exitCode: number | null; output: string; errors: string } | undefined>;
  showReport: (reportJson: string) => void;
  run: (request: RunRequest) => Promise<void>;
}

function runOf(node: unknown): RecordedRun | undefined {
  const n = node as HistoryNode | undefined;
  return n?.kind === 'run' ? n.run : undefined;
}

function describe(run: RecordedRun): string {
  return `run ${run.id} (${run.experiment}, ${startedText(run)})`;
}

function lastLines(text: string): string {
  return text.trim().split('\n').slice(-2).join(' ');
}

async function openReport(actions: HistoryActions, run: RecordedRun): Promise<void> {
  const report = reportJsonOf(run);
  if (!report || !fs.existsSync(report)) {
    void vscode.window.showWarningMessage(`MesaSpec: ${describe(run)} has no report.json${report ? ` at ${report}` : ''} (${runOutcome(run)}).`);
    return;
  }
  actions.showReport(report);
}

/** The other run of a comparison: the second one selected, else one picked (the same experiment's listed first). */
async function otherRun(actions: HistoryActions, run: RecordedRun): Promise<RecordedRun | undefined> {
  const others = (await actions.tree.runs()).filter((r) => r.id !== run.id && r.folder === run.folder);
  others.sort((a, b) => Number(b.experiment === run.experiment) - Number(a.experiment === run.experiment));
  if (others.length === 0) {
    void vscode.window.showInformationMessage('MesaSpec: there is no other run to compare with.');
    return undefined;
  }
  const choice = await vscode.window.showQuickPick(others.map((r) => ({ label: `Run ${r.id}`, description: `${r.experiment} · ${runOutcome(r)} · ${startedText(r)}`, detail: r.verdicts, run: r })),
    { placeHolder: `Compare run ${run.id} with which run?` });
  return choice?.run;
}

async function compare(actions: HistoryActions, first: RecordedRun, second: RecordedRun): Promise<void> {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mesaspec-compare-')), `runs-${first.id}-${second.id}.html`);
  const result = await actions.capture(compareArguments(first, second, out), first.folder);
  if (!result) return;
  if (result.exitCode !== 0 || !fs.existsSync(out)) {
    void vscode.window.showErrorMessage(`MesaSpec: comparing runs ${first.id} and ${second.id} failed: ${lastLines(result.errors) || `exit code ${result.exitCode}`}`);
    return;
  }
  const [before, after] = first.id <= second.id ? [first, second] : [second, first];
  actions.comparison.show(`Run ${before.id} against run ${after.id}`, fs.readFileSync(out, 'utf8'));
}

async function remove(actions: HistoryActions, run: RecordedRun): Promise<void> {
  const choice = await vscode.window.showWarningMessage(`Delete ${describe(run)} from the run history?`,
    { modal: true, detail: 'Its report files stay on disk; only the history forgets it.' }, 'Delete');
  if (choice !== 'Delete') return;
  const result = await actions.capture(deleteArguments(run), run.folder);
  if (!result) return;
  if (result.exitCode !== 0) void vscode.window.showErrorMessage(`MesaSpec: ${lastLines(result.errors) || `deleting run ${run.id} failed (exit code ${result.exitCode})`}`);
  actions.tree.refresh();
}

/** The history view's commands: refresh, open a run's report, compare two runs, run one again, delete one. */
export function registerHistoryCommands(actions: HistoryActions): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('mesaspec.history.refresh', () => actions.tree.refresh()),
    vscode.commands.registerCommand('mesaspec.history.openReport', (node: unknown) => {
      const run = runOf(node);
      if (run) return openReport(actions, run);
    }),
    vscode.commands.registerCommand('mesaspec.history.compare', async (node: unknown, selected?: unknown[]) => {
      const picked = (selected ?? []).map(runOf).filter((r): r is RecordedRun => r !== undefined);
      const run = runOf(node) ?? picked[0];
      if (!run) return;
      // The tree may have been refreshed since the selection was made: runs are told apart by id, not object.
      const other = picked.length === 2 ? picked.find((r) => r.id !== run.id || r.folder !== run.folder) : await otherRun(actions, run);
      if (other) await compare(actions, run, other);
    }),
    vscode.commands.registerCommand('mesaspec.history.rerun', (node: unknown) => {
      const run = runOf(node);
      if (run) return actions.run({ uri: vscode.Uri.file(run.specPath), experiment: run.experiment });
    }),
    vscode.commands.registerCommand('mesaspec.history.delete', (node: unknown) => {
      const run = runOf(node);
      if (run) return remove(actions, run);
    }),
  ];
}
