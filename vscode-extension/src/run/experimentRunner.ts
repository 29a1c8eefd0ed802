import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { cliInstallCommand, cliMissingMessage, commandFor, dotnetMissingMessage, findCli, findDotnet } from '../core/executables';
import { cancelArguments, clusterProgress, clusterShowArguments, collectArguments, parseClusterRunState } from '../core/clusterRun';
import { runArguments, runFolderName } from '../core/runArgs';
import { LineSplitter, parseRunEvent, RunProgress, type RunEvent } from '../core/runEvents';
import { fileProbe, settings } from '../settings';

type FinishedEvent = Extract<RunEvent, { event: 'finished' }>;
type SubmittedEvent = Extract<RunEvent, { event: 'submitted' }>;

/** How often a Slurm run's task states are read while it is queued. */
const clusterPollMilliseconds = 5000;

export interface RunRequest {
  uri: vscode.Uri;
  experiment?: string;
}

export interface RunOutcome {
  /** Every experiment that finished, with its report. */
  finished: FinishedEvent[];
  /** Where the run writes: report.json directly inside for one experiment. */
  outDir: string;
  exitCode: number | null;
  cancelled: boolean;
  /** What the program wrote on stderr (an error message when it stopped early). */
  errorOutput: string;
}

export interface RunStarted {
  request: RunRequest;
  outDir: string;
  label: string;
}

/**
 * Runs experiments through the `mesaspec` program in a child process (so a crash in native
 * training code never touches the editor), one at a time, with a progress notification that
 * can cancel, a status-bar item, and events for the results view and the Testing panel.
 */
export class ExperimentRunner implements vscode.Disposable {
  private child: ChildProcess | undefined;
  private followingCluster = false;
  private cancelRequested = false;
  private readonly statusBar = vscode.window.createStatusBarItem('mesaspec.run', vscode.StatusBarAlignment.Left, 10);
  private readonly started = new vscode.EventEmitter<RunStarted>();
  private readonly ended = new vscode.EventEmitter<RunOutcome>();
  readonly onRunStarted = this.started.event;
  readonly onRunEnded = this.ended.event;

  constructor(private readonly log: vscode.OutputChannel) {
    this.statusBar.name = 'MesaSpec run';
    this.statusBar.command = 'mesaspec.editor.cancelRun';
  }

  get isRunning(): boolean {
    return this.child !== undefined || this.followingCluster;
  }

  cancel(): void {
    if (this.followingCluster) {
      // The follower sees this on its next poll and runs `mesaspec cancel ID` (scancel; finished tasks kept).
      this.cancelRequested = true;
      return;
    }
    const child = this.child;
    if (!child) return;
    this.cancelRequested = true;
    this.log.appendLine('Cancelling: asking mesaspec to stop (it keeps the seeds that finished).');
    child.kill('SIGINT');
    const timer = setTimeout(() => {
      if (this.child === child) {
        this.log.appendLine('mesaspec did not stop within 10 s; ending it.');
        child.kill('SIGKILL');
      }
    }, 10_000);
    child.once('exit', () => clearTimeout(timer));
  }

  /** Checks trust, the program and .NET; says what is wrong when one is missing. */
  private async resolveCommand(args: string[]): Promise<{ command: string; args: string[] } | undefined> {
    if (!vscode.workspace.isTrusted) {
      const choice = await vscode.window.showWarningMessage('Running experiments is disabled in an untrusted workspace: a run executes the mesaspec program on this folder\'s specs.', 'Manage Workspace Trust');
      if (choice) void vscode.commands.executeCommand('workbench.trust.manage');
      return undefined;
    }
    const config = settings();
    const cli = findCli(config.cliPath, process.env, fileProbe, os.homedir());
    if (!cli) {
      const message = cliMissingMessage(config.cliPath);
      this.log.appendLine(message);
      const choice = await vscode.window.showErrorMessage(message, 'Copy Install Command', 'Open Settings');
      if (choice === 'Copy Install Command') await vscode.env.clipboard.writeText(cliInstallCommand);
      if (choice === 'Open Settings') void vscode.commands.executeCommand('workbench.action.openSettings', 'mesaspec.cli.path');
      return undefined;
    }
    const command = commandFor(cli, findDotnet(config.dotnetPath, process.env, fileProbe, os.homedir()), args);
    if ('error' in command) {
      this.log.appendLine(dotnetMissingMessage);
      void vscode.window.showErrorMessage(dotnetMissingMessage);
      return undefined;
    }
    return command;
  }

  /** Runs `mesaspec <args>` to completion, logging its output; for commands other than run. */
  async runTool(args: string[], cwd: string): Promise<{ exitCode: number | null; output: string } | undefined> {
    const command = await this.resolveCommand(args);
    if (!command) return undefined;
    this.log.appendLine(`$ ${command.command} ${command.args.join(' ')}`);
    return new Promise((resolve) => {
      const child = spawn(command.command, command.args, { cwd, env: { ...process.env, NO_COLOR: '1' } });
      let output = '';
      const collect = (chunk: Buffer) => { const text = chunk.toString(); output += text; this.log.append(text); };
      child.stdout.on('data', collect);
      child.stderr.on('data', collect);
      child.on('error', (error) => resolve({ exitCode: null, output: `${output}${error.message}` }));
      child.on('close', (code) => resolve({ exitCode: code, output }));
    });
  }

  async run(request: RunRequest): Promise<RunOutcome | undefined> {
    if (this.isRunning) {
      const choice = await vscode.window.showWarningMessage('A MesaSpec run is already going.', 'Cancel It');
      if (choice) this.cancel();
      return undefined;
    }
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === request.uri.toString());
    if (document?.isDirty) await document.save();
    const config = settings();
    const folder = vscode.workspace.getWorkspaceFolder(request.uri)?.uri.fsPath ?? path.dirname(request.uri.fsPath);
    const label = request.experiment ?? path.basename(request.uri.fsPath, '.mesa');
    const outDir = path.resolve(folder, config.outputFolder, runFolderName(label, new Date()));
    const args = runArguments({
      file: request.uri.fsPath, experiment: request.experiment, seeds: config.seeds, threads: config.threads, outDir,
      on: config.on, schedulerArguments: config.slurmArguments,
    });
    const command = await this.resolveCommand(args);
    if (!command) return undefined;

    this.log.appendLine(`$ ${command.command} ${command.args.join(' ')}`);
    fs.mkdirSync(outDir, { recursive: true });
    this.cancelRequested = false;
    const child = spawn(command.command, command.args, { cwd: folder, env: { ...process.env, NO_COLOR: '1', DOTNET_CLI_TELEMETRY_OPTOUT: '1' } });
    this.child = child;
    void vscode.commands.executeCommand('setContext', 'mesaspec.running', true);
    this.started.fire({ request, outDir, label });
    const progress = new RunProgress(config.seeds ?? undefined);
    const finished: FinishedEvent[] = [];
    const submitted: SubmittedEvent[] = [];
    let errorOutput = '';
    this.statusBar.text = `$(loading~spin) ${label}`;
    this.statusBar.tooltip = 'MesaSpec run going: click to cancel';
    this.statusBar.show();

    const outcome = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `MesaSpec: running ${label}`, cancellable: true },
      (report, token) => new Promise<RunOutcome>((resolve) => {
        token.onCancellationRequested(() => this.cancel());
        let reported = 0;
        const lines = new LineSplitter();
        const onLine = (line: string) => {
          const event = parseRunEvent(line);
          if (!event) {
            if (line.trim()) this.log.appendLine(line);
            return;
          }
          progress.apply(event);
          if (event.event === 'finished') finished.push(event);
          if (event.event === 'submitted') submitted.push(event);
          const fraction = progress.fraction;
          const percent = fraction === undefined ? undefined : Math.round(fraction * 100);
          const increment = percent === undefined ? undefined : Math.max(0, percent - reported);
          if (percent !== undefined) reported = Math.max(reported, percent);
          report.report({ message: progress.message, increment });
          this.statusBar.text = `$(loading~spin) ${label}${percent === undefined ? '' : ` ${percent}%`}`;
        };
        child.stdout?.on('data', (chunk: Buffer) => lines.push(chunk.toString()).forEach(onLine));
        child.stderr?.on('data', (chunk: Buffer) => {
          const text = chunk.toString();
          errorOutput += text;
          this.log.append(text);
        });
        child.on('error', (error) => {
          errorOutput += error.message;
          this.log.appendLine(`mesaspec could not start: ${error.message}`);
        });
        child.on('close', (code) => {
          lines.flush().forEach(onLine);
          if (submitted.length === 0 || code !== 0) {
            resolve({ finished, outDir, exitCode: code, cancelled: this.cancelRequested, errorOutput });
            return;
          }
          // Submitted to a scheduler: follow the tasks until none is queued, then collect the report.
          this.child = undefined;
          this.followingCluster = true;
          void this.followCluster(submitted, folder, (message, fraction) => {
            const percent = Math.round(fraction * 100);
            report.report({ message, increment: Math.max(0, percent - reported) });
            reported = Math.max(reported, percent);
            this.statusBar.text = `$(loading~spin) ${label} ${percent}%`;
          }).then((followed) => {
            this.followingCluster = false;
            finished.push(...followed.finished);
            resolve({ finished, outDir, exitCode: followed.exitCode, cancelled: this.cancelRequested, errorOutput: errorOutput + followed.errorOutput });
          });
        });
      }),
    );
    this.child = undefined;
    this.statusBar.hide();
    void vscode.commands.executeCommand('setContext', 'mesaspec.running', false);
    this.log.appendLine(`mesaspec exited with ${outcome.exitCode}${outcome.cancelled ? ' (cancelled)' : ''}`);
    this.ended.fire(outcome);
    return outcome;
  }

  /** Polls each submitted run's task states, cancels it when asked, and collects its report once nothing is queued. */
  private async followCluster(runs: SubmittedEvent[], cwd: string, report: (message: string, fraction: number) => void):
    Promise<{ finished: FinishedEvent[]; exitCode: number | null; errorOutput: string }> {
    const finished: FinishedEvent[] = [];
    let errorOutput = '';
    let exitCode: number | null = 0;
    for (const run of runs) {
      this.log.appendLine(`Following ${run.backend} job ${run.jobId} (run ${run.clusterRun}, ${run.tasks} tasks, folder ${run.folder}).`);
      let cancelled = false;
      for (;;) {
        if (this.cancelRequested && !cancelled) {
          cancelled = true;
          await this.capture(cancelArguments(run.clusterRun), cwd);
        }
        const shown = await this.capture(clusterShowArguments(run.clusterRun), cwd);
        const state = shown ? parseClusterRunState(shown.output) : undefined;
        if (!state) {
          errorOutput += shown?.errors ?? 'mesaspec could not be started';
          break;
        }
        const progress = clusterProgress(state);
        report(progress.message, progress.fraction);
        if (!progress.queued) break;
        await new Promise((resolve) => setTimeout(resolve, clusterPollMilliseconds));
      }
      const collected = await this.capture(collectArguments(run.clusterRun), cwd);
      for (const line of collected?.output.split(/\r?\n/) ?? []) {
        const event = parseRunEvent(line);
        if (event?.event === 'finished') finished.push(event);
      }
      errorOutput += collected?.errors ?? '';
      exitCode = Math.max(exitCode ?? 0, collected?.exitCode ?? 2);
    }
    return { finished, exitCode, errorOutput };
  }

  /** Runs `mesaspec <args>` and captures its output; stderr goes to the log, stdout (JSON) does not. */
  async capture(args: string[], cwd: string, options: { logCommand?: boolean } = {}): Promise<{ exitCode: number | null; output: string; errors: string } | undefined> {
    const command = await this.resolveCommand(args);
    if (!command) return undefined;
    // Only on request: polls and lists would bury the commands that change things.
    if (options.logCommand) this.log.appendLine(`$ ${command.command} ${command.args.join(' ')}`);
    return new Promise((resolve) => {
      const child = spawn(command.command, command.args, { cwd, env: { ...process.env, NO_COLOR: '1' } });
      let output = '';
      let errors = '';
      child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
      child.stderr.on('data', (chunk: Buffer) => { const text = chunk.toString(); errors += text; this.log.append(text); });
      child.on('error', (error) => resolve({ exitCode: null, output, errors: errors + error.message }));
      child.on('close', (code) => resolve({ exitCode: code, output, errors }));
    });
  }

  dispose(): void {
    this.cancel();
    this.statusBar.dispose();
    this.started.dispose();
    this.ended.dispose();
  }
}
