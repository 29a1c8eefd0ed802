import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { specHash } from '../core/expectationStatus';
import { parseReport, type RunReport } from '../core/reportModel';
import type { LastReport } from '../core/runHistory';
import { snapshotDiff } from '../core/snapshotFiles';
import { outlineSpec } from '../core/specOutline';
import type { ExperimentRunner, RunOutcome } from '../run/experimentRunner';
import type { ExpectationAt, ExpectationStatusStore } from './expectationStatusStore';

/**
 * The Testing panel: every spec file, its experiments, and each experiment's `expect` lines as
 * tests. Running a test runs its experiment (once for all its expectations) and reports each
 * expectation's result from report.json; a failure carries the detail and, when `mesaspec test`
 * left a received snapshot beside the spec, the diff against the verified one. What it learns of each
 * expectation (running, its last result) goes to the status store, which the gutter and the hover read.
 */
export class ExpectationTests implements vscode.Disposable {
  readonly controller = vscode.tests.createTestController('mesaspec', 'MesaSpec Expectations');
  private readonly disposables: vscode.Disposable[] = [];
  /** What each item stands for: a spec file, an experiment, or one expectation. */
  private readonly kinds = new WeakMap<vscode.TestItem, 'file' | 'experiment' | 'expectation'>();
  /**
   * Where each expectation is. Not the item's `range`: VS Code draws one glyph per gutter line, and its Testing
   * glyph for a ranged item would hide the expectation's status icon (ExpectationGutter) on that very line. The
   * experiment items keep their range, so the experiment line keeps VS Code's run button.
   */
  private readonly expectRanges = new WeakMap<vscode.TestItem, vscode.Range>();
  private readonly fileUpdated = new vscode.EventEmitter<vscode.Uri>();
  /** A spec's `expect` lines were read again (opened, edited, changed on disk): where they are may have moved. */
  readonly onDidUpdateFile = this.fileUpdated.event;

  constructor(private readonly runner: ExperimentRunner, private readonly status: ExpectationStatusStore) {
    this.controller.resolveHandler = async (item) => {
      if (!item) await this.discoverWorkspace();
    };
    this.controller.refreshHandler = () => this.discoverWorkspace();
    this.controller.createRunProfile('Run Experiment', vscode.TestRunProfileKind.Run, (request, token) => this.runTests(request, token), true);
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.updateFromDocument(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.updateFromDocument(e.document)),
      vscode.workspace.onDidSaveTextDocument((d) => this.updateFromDocument(d)),
      // Every run, wherever it started (Run Experiment, a code lens, this panel): its expectations are running.
      runner.onRunStarted(({ request }) => this.markRunning(request.uri, request.experiment)),
    );
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.mesa');
    watcher.onDidCreate((uri) => void this.updateFromDisk(uri));
    watcher.onDidChange((uri) => void this.updateFromDisk(uri));
    watcher.onDidDelete((uri) => this.controller.items.delete(uri.toString()));
    this.disposables.push(watcher);
    for (const document of vscode.workspace.textDocuments) this.updateFromDocument(document);
  }

  async discoverWorkspace(): Promise<void> {
    const files = await vscode.workspace.findFiles('**/*.mesa', '{**/node_modules/**,**/bin/**,**/obj/**}');
    await Promise.all(files.map((uri) => this.updateFromDisk(uri)));
  }

  private async updateFromDisk(uri: vscode.Uri): Promise<void> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return this.updateFromDocument(open);
    try {
      const bytes = await vscode.workspace.fs.readFile(uri);
      this.updateFile(uri, Buffer.from(bytes).toString('utf8'));
    } catch {
      this.controller.items.delete(uri.toString());
    }
  }

  private updateFromDocument(document: vscode.TextDocument): void {
    if (document.languageId !== 'mesaspec' || document.uri.scheme !== 'file') return;
    this.updateFile(document.uri, document.getText());
  }

  /** Rebuilds one file's items: file → experiments → expectations, ids stable across edits. */
  updateFile(uri: vscode.Uri, text: string): void {
    this.rebuild(uri, text);
    this.fileUpdated.fire(uri);
  }

  private rebuild(uri: vscode.Uri, text: string): void {
    const experiments = outlineSpec(text).filter((e) => e.expectations.length > 0);
    if (experiments.length === 0) {
      this.controller.items.delete(uri.toString());
      return;
    }
    const fileItem = this.controller.items.get(uri.toString()) ?? this.controller.createTestItem(uri.toString(), path.basename(uri.fsPath), uri);
    this.controller.items.add(fileItem);
    this.kinds.set(fileItem, 'file');
    const experimentItems = experiments.map((experiment) => {
      const id = `${uri.toString()}#${experiment.name}`;
      const item = fileItem.children.get(id) ?? this.controller.createTestItem(id, experiment.name, uri);
      item.range = new vscode.Range(experiment.line, 0, experiment.line, 0);
      item.description = 'experiment';
      this.kinds.set(item, 'experiment');
      const seen = new Map<string, number>();
      item.children.replace(experiment.expectations.map((expectation) => {
        const count = (seen.get(expectation.text) ?? 0) + 1;
        seen.set(expectation.text, count);
        const childId = `${id}/${expectation.text}${count > 1 ? ` #${count}` : ''}`;
        const child = item.children.get(childId) ?? this.controller.createTestItem(childId, expectation.text.replace(/^expect\s+/, ''), uri);
        this.expectRanges.set(child, new vscode.Range(expectation.line, 0, expectation.line, expectation.text.length));
        child.sortText = String(expectation.line).padStart(6, '0');
        this.kinds.set(child, 'expectation');
        return child;
      }));
      return item;
    });
    fileItem.children.replace(experimentItems);
  }

  /** The `expect` lines of a spec as the panel has them now (ids stable across edits, lines current). */
  expectationsIn(uri: vscode.Uri): ExpectationAt[] {
    const found: ExpectationAt[] = [];
    this.controller.items.get(uri.toString())?.children.forEach((experiment) => experiment.children.forEach((e) => {
      const range = this.expectRanges.get(e);
      if (range) found.push({ id: e.id, line: range.start.line });
    }));
    return found;
  }

  private expectationItems(uri: vscode.Uri, experimentName: string | undefined): vscode.TestItem[] {
    const items: vscode.TestItem[] = [];
    this.controller.items.get(uri.toString())?.children.forEach((experiment) => {
      if (!experimentName || experiment.label === experimentName) experiment.children.forEach((e) => items.push(e));
    });
    return items;
  }

  private markRunning(uri: vscode.Uri, experimentName: string | undefined): void {
    this.status.markRunning(uri, this.expectationItems(uri, experimentName).map((e) => e.id));
  }

  /** The experiments a request covers, each with the expectation items to report on. */
  private collect(request: vscode.TestRunRequest): Map<vscode.TestItem, vscode.TestItem[]> {
    const experiments = new Map<vscode.TestItem, vscode.TestItem[]>();
    const excluded = new Set((request.exclude ?? []).map((i) => i.id));
    const addExperiment = (experiment: vscode.TestItem) => {
      const children: vscode.TestItem[] = [];
      experiment.children.forEach((c) => { if (!excluded.has(c.id)) children.push(c); });
      experiments.set(experiment, children);
    };
    const visit = (item: vscode.TestItem) => {
      if (excluded.has(item.id)) return;
      const kind = this.kinds.get(item);
      if (kind === 'experiment') addExperiment(item);
      else if (kind === 'expectation' && item.parent) {
        const list = experiments.get(item.parent) ?? [];
        if (!list.includes(item)) list.push(item);
        experiments.set(item.parent, list);
      } else item.children.forEach(visit);
    };
    if (request.include) request.include.forEach(visit);
    else this.controller.items.forEach(visit);
    return experiments;
  }

  async runTests(request: vscode.TestRunRequest, token: vscode.CancellationToken): Promise<void> {
    const run = this.controller.createTestRun(request, 'MesaSpec expectations');
    try {
      for (const [experiment, expectations] of this.collect(request)) {
        if (token.isCancellationRequested) {
          expectations.forEach((e) => run.skipped(e));
          continue;
        }
        expectations.forEach((e) => run.started(e));
        const cancel = token.onCancellationRequested(() => this.runner.cancel());
        const started = Date.now();
        const outcome = await this.runner.run({ uri: experiment.uri!, experiment: experiment.label });
        cancel.dispose();
        this.report(run, experiment, expectations, outcome, Date.now() - started);
      }
    } finally {
      run.end();
    }
  }

  /**
   * After a window reload: each experiment's last recorded report (`lastReports` of the run history) shown again as
   * its expectations' results, in the gutter, the hover and this panel. Only where this session knows nothing yet
   * of the experiment, and only reports that are still on disk; results measured on another text of the spec show
   * as stale (the report's hash of the spec against the text now).
   */
  async restore(reports: LastReport[]): Promise<void> {
    for (const last of reports) {
      const uri = vscode.Uri.file(last.specPath);
      if (!this.controller.items.get(uri.toString())) await this.updateFromDisk(uri);
      const expectations = this.expectationItems(uri, last.experiment);
      if (expectations.length === 0 || expectations.some((e) => this.status.get(e.id)) || !fs.existsSync(last.reportPath)) continue;
      this.recordReport(uri, last.experiment, last.reportPath);
    }
  }

  /** Records the expectations of an existing report (Check Expectations) as a test run. */
  recordReport(uri: vscode.Uri, experimentName: string, reportPath: string): void {
    this.recordOutcome(uri, experimentName, { finished: [], outDir: path.dirname(reportPath), exitCode: 0, cancelled: false, errorOutput: '' });
  }

  /** Records a run that did not start from the Testing panel (Run Experiment, the code lens). */
  recordOutcome(uri: vscode.Uri, experimentName: string | undefined, outcome: RunOutcome): void {
    const fileItem = this.controller.items.get(uri.toString());
    if (!fileItem) return;
    const experiments: vscode.TestItem[] = [];
    fileItem.children.forEach((e) => { if (!experimentName || e.label === experimentName) experiments.push(e); });
    if (experiments.length === 0) return;
    const run = this.controller.createTestRun(new vscode.TestRunRequest(experiments), 'MesaSpec run', false);
    for (const experiment of experiments) {
      const expectations: vscode.TestItem[] = [];
      experiment.children.forEach((c) => expectations.push(c));
      this.report(run, experiment, expectations, outcome, undefined);
    }
    run.end();
  }

  private report(run: vscode.TestRun, experiment: vscode.TestItem, expectations: vscode.TestItem[], outcome: RunOutcome | undefined, duration: number | undefined): void {
    const uri = experiment.uri!;
    if (!outcome) {
      expectations.forEach((e) => run.skipped(e));
      this.status.forget(uri, expectations.map((e) => e.id));
      return;
    }
    const finished = outcome.finished.find((f) => f.experiment === experiment.label);
    const reportPath = finished?.report ?? path.join(outcome.outDir, 'report.json');
    const report = readReport(reportPath);
    if (!report || report.experiment !== experiment.label) {
      const message = new vscode.TestMessage(outcome.cancelled
        ? 'The run was cancelled before this experiment finished.'
        : `The run did not produce a report: ${outcome.errorOutput.trim() || `mesaspec exited with ${outcome.exitCode}`}`);
      expectations.forEach((e) => (outcome.cancelled ? run.skipped(e) : run.errored(e, message, duration)));
      this.status.forget(uri, expectations.map((e) => e.id));
      return;
    }
    // The text the run measured: report.json's hash of the spec, so an edit made while it ran is already stale.
    const measuredHash = report.spec?.sha256 ?? specHash(vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.getText() ?? '');
    const recordedAt = new Date();
    const snapshot = snapshotDiff(experiment.uri!.fsPath, experiment.label);
    for (const item of expectations) {
      const range = this.expectRanges.get(item);
      const line = range?.start.line;
      const result = report.expectations.find((x) => x.line - 1 === line);
      if (result && report.status !== 'cancelled' && report.status !== 'failed') {
        this.status.record(uri, item.id, { kind: 'result', result, report, reportPath, specHash: measuredHash, recordedAt });
      } else {
        this.status.forget(uri, [item.id]);
      }
      if (!result) {
        run.errored(item, new vscode.TestMessage(report.status === 'finished'
          ? 'The report has no result for this expectation (was the file edited during the run?).'
          : `The run stopped early (${report.status}${report.statusDetail ? `: ${report.statusDetail}` : ''}).`), duration);
        continue;
      }
      if (result.passed) {
        run.passed(item, duration);
        continue;
      }
      // A run that stopped early says nothing against an expectation it never evaluated.
      if (report.status === 'cancelled') {
        run.skipped(item);
        continue;
      }
      if (report.status === 'failed') {
        run.errored(item, new vscode.TestMessage(`The run failed: ${report.statusDetail ?? 'see the MesaSpec Runs output'}`), duration);
        continue;
      }
      const message = new vscode.TestMessage(`${result.text}: ${result.detail ?? 'does not hold'}`);
      if (range) message.location = new vscode.Location(item.uri!, range);
      const messages = [message];
      if (snapshot) {
        const diff = vscode.TestMessage.diff(`Outcome differs from the verified snapshot ${path.basename(snapshot.verified)}`, snapshot.expected, snapshot.actual);
        diff.location = message.location;
        messages.push(diff);
      }
      run.failed(item, messages, duration);
    }
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
    this.fileUpdated.dispose();
    this.controller.dispose();
  }
}

function readReport(file: string): RunReport | undefined {
  try {
    return parseReport(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}
