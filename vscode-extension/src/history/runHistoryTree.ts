import * as path from 'node:path';
import * as vscode from 'vscode';
import { groupRuns, type RecordedRun, runOutcome, startedText } from '../core/runHistory';

export type HistoryNode =
  | { kind: 'spec'; specPath: string; experiments: { experiment: string; runs: RecordedRun[] }[] }
  | { kind: 'experiment'; specPath: string; experiment: string; runs: RecordedRun[] }
  | { kind: 'run'; run: RecordedRun };

/** What the view lists, or why it lists nothing. */
export type HistoryLoad = { runs: RecordedRun[] } | { problem: string };

function statusIcon(run: RecordedRun): vscode.ThemeIcon {
  switch (runOutcome(run)) {
    case 'expectations hold': return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
    case 'expectation failed': return new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed'));
    case 'running': return new vscode.ThemeIcon('loading~spin');
    case 'cancelled': return new vscode.ThemeIcon('circle-slash');
    case 'interrupted': return new vscode.ThemeIcon('debug-disconnect');
    default: return new vscode.ThemeIcon('warning', new vscode.ThemeColor('testing.iconErrored'));
  }
}

/**
 * The MesaSpec activity-bar view: the workspace's recorded runs (`mesaspec runs list --json`) by spec, then
 * experiment, newest first; each run with its status, date and verdicts. Clicking a run opens its report.
 */
export class RunHistoryTree implements vscode.TreeDataProvider<HistoryNode> {
  private readonly changed = new vscode.EventEmitter<HistoryNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private loading: Promise<HistoryLoad> | undefined;
  /** Set by the owner of the TreeView, to say why the list is empty. */
  onProblem: (message: string | undefined) => void = () => undefined;

  constructor(private readonly load: () => Promise<HistoryLoad>) {}

  refresh(): void {
    this.loading = undefined;
    this.changed.fire(undefined);
  }

  /** Every run the view lists now (for picking the other run of a comparison). */
  async runs(): Promise<RecordedRun[]> {
    const loaded = await (this.loading ??= this.load());
    return 'runs' in loaded ? loaded.runs : [];
  }

  async getChildren(node?: HistoryNode): Promise<HistoryNode[]> {
    if (node?.kind === 'spec') return node.experiments.map((e) => ({ kind: 'experiment', specPath: node.specPath, ...e }));
    if (node?.kind === 'experiment') return node.runs.map((run) => ({ kind: 'run', run }));
    if (node) return [];
    this.loading ??= this.load();
    const loaded = await this.loading;
    if ('problem' in loaded) {
      this.onProblem(loaded.problem);
      return [];
    }
    this.onProblem(loaded.runs.length === 0 ? 'No runs recorded yet: every run of an experiment is listed here.' : undefined);
    return groupRuns(loaded.runs).map((spec) => ({ kind: 'spec', ...spec }));
  }

  getTreeItem(node: HistoryNode): vscode.TreeItem {
    if (node.kind === 'spec') {
      const item = new vscode.TreeItem(path.basename(node.specPath), vscode.TreeItemCollapsibleState.Expanded);
      item.resourceUri = vscode.Uri.file(node.specPath);
      // The folder within the workspace; nothing for a spec at its top (asRelativePath gives a folder itself back whole).
      const folder = path.dirname(vscode.workspace.asRelativePath(node.specPath));
      item.description = folder === '.' ? '' : folder;
      item.iconPath = vscode.ThemeIcon.File;
      item.contextValue = 'mesaspec.history.spec';
      return item;
    }
    if (node.kind === 'experiment') {
      const item = new vscode.TreeItem(node.experiment, vscode.TreeItemCollapsibleState.Expanded);
      item.description = `${node.runs.length} run${node.runs.length === 1 ? '' : 's'}`;
      item.iconPath = new vscode.ThemeIcon('beaker');
      item.contextValue = 'mesaspec.history.experiment';
      return item;
    }
    const { run } = node;
    const item = new vscode.TreeItem(`Run ${run.id}`, vscode.TreeItemCollapsibleState.None);
    item.id = `${run.folder}#${run.id}`;
    item.description = [runOutcome(run), startedText(run), run.verdicts].filter((t) => t).join(' · ');
    item.iconPath = statusIcon(run);
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown(`**Run ${run.id}**: ${run.experiment}, ${runOutcome(run)}\n\n`);
    tooltip.appendMarkdown(`started ${startedText(run)}${run.durationSeconds === null ? '' : `, ${run.durationSeconds.toFixed(0)} s`}\n\n`);
    for (const verdict of run.verdicts.split('; ').filter((v) => v)) tooltip.appendText(`${verdict}\n`);
    item.tooltip = tooltip;
    item.contextValue = run.outputDirectory ? 'mesaspec.history.run.withReport' : 'mesaspec.history.run';
    item.command = { command: 'mesaspec.history.openReport', title: 'Open Report', arguments: [node] };
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
