import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { experimentTarget } from './core/commandArguments';
import { previewText } from './core/previewText';
import { acceptSnapshotArguments } from './core/runArgs';
import { lastReports } from './core/runHistory';
import { outlineSpec } from './core/specOutline';
import { ExpectationGutter } from './editor/expectationGutter';
import { registerExpectationHover } from './editor/expectationHover';
import { createRunHistoryView, loadHistory } from './history/runHistoryView';
import { findReports, ResultsPanel } from './results/resultsPanel';
import { ExperimentRunner, type RunRequest } from './run/experimentRunner';
import { LastRun } from './run/lastRun';
import { LanguageServer } from './server/languageServer';
import { settings } from './settings';
import { ExpectationStatusStore } from './testing/expectationStatusStore';
import { ExpectationTests } from './testing/expectationTests';

/** Commands the language server advertises (its code lenses use them) and that the editor handles itself. */
const serverCommands = {
  run: 'mesaspec.run',
  checkExpectations: 'mesaspec.checkExpectations',
  openReport: 'mesaspec.openReport',
  previewEnvironment: 'mesaspec.previewEnvironment',
};

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverLog = vscode.window.createOutputChannel('MesaSpec', { log: true });
  const runLog = vscode.window.createOutputChannel('MesaSpec Runs');
  const runner = new ExperimentRunner(runLog);
  const results = new ResultsPanel(context.workspaceState);
  const expectationStatus = new ExpectationStatusStore();
  const tests = new ExpectationTests(runner, expectationStatus);
  const lastRun = new LastRun(context.workspaceState);
  context.subscriptions.push(serverLog, runLog, runner, results, expectationStatus, tests,
    new ExpectationGutter(context, tests, expectationStatus), registerExpectationHover(tests, expectationStatus));

  // A reloaded window shows each expectation's last result again, from the run history (stale where the spec changed).
  void loadHistory(runner).then((loaded) => ('runs' in loaded ? tests.restore(lastReports(loaded.runs)) : undefined));

  runner.onRunStarted(({ request, outDir, label }) => {
    // Every run, from any of its buttons, is the one "Run Last Again" repeats.
    lastRun.remember(request);
    if (settings().openResults) results.follow(outDir, label);
  });

  /** Runs an experiment (or every experiment of a file), then shows the outcome everywhere. */
  async function runExperiment(request: RunRequest): Promise<void> {
    const outcome = await runner.run(request);
    if (!outcome) return;
    tests.recordOutcome(request.uri, request.experiment, outcome);
    const first = outcome.finished[0];
    results.finish(first?.report);
    if (outcome.cancelled) {
      void vscode.window.showInformationMessage(`MesaSpec: ${request.experiment ?? 'the run'} was cancelled; the finished seeds are in the report.`);
    } else if (outcome.finished.length === 0) {
      const detail = outcome.errorOutput.trim().split('\n').slice(-3).join(' ');
      void vscode.window.showErrorMessage(`MesaSpec: the run failed${detail ? `: ${detail}` : ` (exit code ${outcome.exitCode})`}`, 'Show Log').then((c) => { if (c) runLog.show(); });
    } else {
      const passed = outcome.finished.every((f) => f.passed);
      const summary = outcome.finished.map((f) => `${f.experiment}: ${f.summary}`).join(' | ');
      const show = passed ? vscode.window.showInformationMessage : vscode.window.showWarningMessage;
      void show(`MesaSpec: ${passed ? 'every expectation holds' : 'an expectation failed'}. ${summary}`, 'Open Results').then((c) => {
        if (c) results.show(first.report);
      });
    }
  }

  /** The spec and experiment a command is about: its arguments, else the active editor and cursor. */
  async function resolveTarget(args: unknown[], pick: boolean): Promise<RunRequest | undefined> {
    const target = experimentTarget(args);
    const editor = vscode.window.activeTextEditor;
    const uri = target.uri ? (target.uri.includes(':') && !/^[A-Za-z]:[\\/]/.test(target.uri) ? vscode.Uri.parse(target.uri) : vscode.Uri.file(target.uri)) : editor?.document.uri;
    if (!uri || !uri.fsPath.endsWith('.mesa')) {
      void vscode.window.showWarningMessage('Open a .mesa spec first.');
      return undefined;
    }
    if (target.experiment || !pick) return { uri, experiment: target.experiment };
    const document = await vscode.workspace.openTextDocument(uri);
    const experiments = outlineSpec(document.getText());
    if (experiments.length <= 1) return { uri, experiment: experiments[0]?.name };
    const cursor = editor?.document.uri.toString() === uri.toString() ? editor.selection.active.line : -1;
    const containing = [...experiments].reverse().find((e) => e.line <= cursor);
    if (containing) return { uri, experiment: containing.name };
    const choice = await vscode.window.showQuickPick(['(every experiment)', ...experiments.map((e) => e.name)], { placeHolder: 'Which experiment?' });
    if (!choice) return undefined;
    return { uri, experiment: choice === '(every experiment)' ? undefined : choice };
  }

  /** Sends one of the server's commands: through the middleware's `next` when it is at hand. */
  async function serverCommand(command: string, args: unknown[], next?: (args: unknown[]) => Promise<unknown>): Promise<unknown> {
    if (next) return next(args);
    const client = server.languageClient;
    if (!client?.isRunning()) return undefined;
    return client.sendRequest('workspace/executeCommand', { command, arguments: args });
  }

  /**
   * Checks the expectations against the latest report without running (the server reads it and
   * publishes the failures as diagnostics), and shows the result in the Testing panel. Without a
   * report, offers to run the experiment.
   */
  async function checkExpectations(args: unknown[], next?: (args: unknown[]) => Promise<unknown>): Promise<void> {
    const target = await resolveTarget(args, true);
    if (!target) return;
    const document = await vscode.workspace.openTextDocument(target.uri);
    tests.updateFile(target.uri, document.getText());
    const experiments = target.experiment ? [target.experiment] : outlineSpec(document.getText()).map((e) => e.name);
    for (const experiment of experiments) {
      const result = (await serverCommand(serverCommands.checkExpectations, [target.uri.toString(), experiment], next)) as CheckResult | null | undefined;
      const reportPath = result?.reportPath ?? latestReportFor(target.uri.fsPath, experiment);
      if (!reportPath) {
        const choice = await vscode.window.showInformationMessage(`MesaSpec: ${experiment} has no report yet.`, 'Run Experiment');
        if (choice) await runExperiment({ uri: target.uri, experiment });
        continue;
      }
      tests.recordReport(target.uri, experiment, reportPath);
      const expectations = result?.expectations ?? [];
      const held = expectations.filter((x) => x.passed).length;
      const text = result ? `${experiment}: ${held} of ${expectations.length} expectations hold in the latest report.` : `${experiment}: see the latest report.`;
      void (result && held < expectations.length ? vscode.window.showWarningMessage : vscode.window.showInformationMessage)(`MesaSpec: ${text}`, 'Open Results')
        .then((c) => { if (c) results.show(reportPath); });
    }
  }

  function latestReportFor(spec: string, experiment?: string): string | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(spec))?.uri.fsPath ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    if (!folder) return undefined;
    return findReports(path.join(folder, settings().outputFolder)).find((r) => reportSpecPath(r) === spec && (!experiment || path.basename(path.dirname(r)).startsWith(`${experiment}-`) || reportExperiment(r) === experiment));
  }

  async function openReport(args: unknown[], next?: (args: unknown[]) => Promise<unknown>): Promise<void> {
    const explicit = args.find((a): a is string => typeof a === 'string' && a.endsWith('.json'));
    if (explicit) return results.show(explicit.startsWith('file:') ? vscode.Uri.parse(explicit).fsPath : explicit);
    if (next) {
      const answer = (await next(args)) as { reportPath?: string | null } | null | undefined;
      if (answer?.reportPath) return results.show(answer.reportPath);
      const target = experimentTarget(args);
      const spec = target.uri ? vscode.Uri.parse(target.uri).fsPath : undefined;
      const local = spec ? latestReportFor(spec, target.experiment) : undefined;
      if (local) return results.show(local);
      void vscode.window.showInformationMessage(`MesaSpec: ${target.experiment ?? 'this experiment'} has no report yet; run it first.`);
      return;
    }
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    const reports = folder ? findReports(path.join(folder, settings().outputFolder)) : [];
    const spec = vscode.window.activeTextEditor?.document.uri.fsPath;
    const forSpec = spec ? reports.filter((r) => reportSpecPath(r) === spec) : [];
    const candidates = forSpec.length > 0 ? forSpec : reports;
    if (candidates.length === 0 && results.lastReport) return results.show(results.lastReport);
    if (candidates.length === 0) {
      const picked = await vscode.window.showOpenDialog({ filters: { 'MesaSpec report': ['json'] }, canSelectMany: false, title: 'Open a report.json' });
      if (picked?.[0]) results.show(picked[0].fsPath);
      return;
    }
    if (args.length > 0 || candidates.length === 1) return results.show(candidates[0]);
    const choice = await vscode.window.showQuickPick(candidates.map((r) => ({ label: path.basename(path.dirname(r)), description: vscode.workspace.asRelativePath(r), report: r })), { placeHolder: 'Which run?' });
    if (choice) results.show(choice.report);
  }

  async function acceptSnapshot(args: unknown[]): Promise<void> {
    const target = await resolveTarget(args, false);
    if (!target) return;
    const folder = vscode.workspace.getWorkspaceFolder(target.uri)?.uri.fsPath ?? path.dirname(target.uri.fsPath);
    const outcome = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `MesaSpec: accepting the snapshots of ${path.basename(target.uri.fsPath)}` },
      () => runner.runTool(acceptSnapshotArguments(target.uri.fsPath), folder));
    if (!outcome) return;
    if (outcome.exitCode === 0) void vscode.window.showInformationMessage(`MesaSpec: snapshots of ${path.basename(target.uri.fsPath)} accepted.`);
    else void vscode.window.showErrorMessage(`MesaSpec: accepting failed (exit code ${outcome.exitCode}). ${outcome.output.trim().split('\n').slice(-2).join(' ')}`, 'Show Log').then((c) => { if (c) runLog.show(); });
  }

  async function previewEnvironment(args: unknown[], viaServer?: (args: unknown[]) => Promise<unknown>): Promise<void> {
    const client = server.languageClient;
    let commandArgs = args;
    if (args.length === 0) {
      const editor = vscode.window.activeTextEditor;
      const word = editor ? editor.document.getText(editor.document.getWordRangeAtPosition(editor.selection.active)) : '';
      if (!editor || !word) {
        void vscode.window.showWarningMessage('Put the cursor on an environment name to preview it.');
        return;
      }
      commandArgs = [editor.document.uri.toString(), word];
    }
    if (!client && !viaServer) {
      void vscode.window.showWarningMessage('The language server is not running, and it draws the previews.');
      return;
    }
    const result = viaServer
      ? await viaServer(commandArgs)
      : await serverCommand(serverCommands.previewEnvironment, commandArgs);
    const text = previewText(result);
    if (!text) {
      void vscode.window.showInformationMessage('The language server returned no preview.');
      return;
    }
    const document = await vscode.workspace.openTextDocument({ content: text, language: 'plaintext' });
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }

  // The server's code lenses call its own commands; the editor runs experiments itself (progress
  // notification, status bar, results view, Testing panel) and leaves previews to the server.
  const middleware: Middleware = {
    executeCommand: async (command, args, next) => {
      switch (command) {
        case serverCommands.run: {
          const target = await resolveTarget(args, false);
          if (target) await runExperiment(target);
          return undefined;
        }
        case serverCommands.checkExpectations:
          return checkExpectations(args, (a) => Promise.resolve(next(command, a)));
        case serverCommands.openReport:
          return openReport(args, (a) => Promise.resolve(next(command, a)));
        case serverCommands.previewEnvironment:
          return previewEnvironment(args, (a) => Promise.resolve(next(command, a)));
        default:
          return next(command, args);
      }
    },
  };
  const server = new LanguageServer(context, serverLog, middleware);
  context.subscriptions.push(server);
  server.onRunFinished(({ reportPath }) => results.show(reportPath));

  context.subscriptions.push(
    ...createRunHistoryView(runner, { showReport: (report) => results.show(report), run: runExperiment }),
    vscode.commands.registerCommand('mesaspec.editor.runExperiment', async (...args: unknown[]) => {
      const target = await resolveTarget(args, true);
      if (target) await runExperiment(target);
    }),
    vscode.commands.registerCommand('mesaspec.editor.runLastAgain', async () => {
      const last = lastRun.request;
      if (last) return runExperiment(last);
      // Nothing run yet in this workspace: the same as Run Experiment on the active spec.
      const target = await resolveTarget([], true);
      if (target) await runExperiment(target);
    }),
    vscode.commands.registerCommand('mesaspec.editor.checkExpectations', (...args: unknown[]) => checkExpectations(args)),
    vscode.commands.registerCommand('mesaspec.editor.acceptSnapshot', (...args: unknown[]) => acceptSnapshot(args)),
    vscode.commands.registerCommand('mesaspec.editor.openReport', (...args: unknown[]) => openReport(args)),
    vscode.commands.registerCommand('mesaspec.editor.previewEnvironment', (...args: unknown[]) => previewEnvironment(args)),
    vscode.commands.registerCommand('mesaspec.editor.cancelRun', () => runner.cancel()),
    vscode.commands.registerCommand('mesaspec.editor.restartServer', () => server.restart()),
    vscode.commands.registerCommand('mesaspec.editor.showServerLog', () => serverLog.show()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('mesaspec.server.path') || e.affectsConfiguration('mesaspec.dotnet.path')) {
        void vscode.window.showInformationMessage('MesaSpec: the language server setting changed.', 'Restart Server').then((c) => { if (c) void server.restart(); });
      }
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void server.restart()),
  );
  void vscode.commands.executeCommand('setContext', 'mesaspec.running', false);
  await server.start();
}

interface CheckResult {
  experiment: string;
  reportPath: string;
  passed: boolean;
  expectations: { text: string; line: number; passed: boolean; detail?: string }[];
}

function reportExperiment(reportPath: string): string | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (JSON.parse(require('node:fs').readFileSync(reportPath, 'utf8')) as { experiment?: string }).experiment;
  } catch {
    return undefined;
  }
}

function reportSpecPath(reportPath: string): string | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (JSON.parse(require('node:fs').readFileSync(reportPath, 'utf8')) as { spec?: { path?: string } }).spec?.path;
  } catch {
    return undefined;
  }
}

export function deactivate(): void {
  // Disposables registered on the context stop the server and any run.
}
