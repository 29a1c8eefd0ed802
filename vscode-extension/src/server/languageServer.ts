import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type Middleware, RevealOutputChannelOn, type ServerOptions } from 'vscode-languageclient/node';
import { commandFor, dotnetMissingMessage, findDotnet } from '../core/executables';
import { fileProbe, settings } from '../settings';

export interface RunFinishedParams {
  reportPath: string;
  summary?: string;
}

/**
 * Owns the language client: finds the server (the setting, else the copy shipped in the .vsix),
 * starts it over stdio, restarts it on demand, and forwards `mesaspec/runFinished`.
 */
export class LanguageServer implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private readonly runFinished = new vscode.EventEmitter<RunFinishedParams>();
  readonly onRunFinished = this.runFinished.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.LogOutputChannel,
    private readonly middleware: Middleware,
  ) {}

  get languageClient(): LanguageClient | undefined {
    return this.client;
  }

  /** The server's program: `mesaspec.server.path`, else server/mesaspec-lsp.dll inside the extension. */
  serverProgram(): string {
    const configured = settings().serverPath;
    return configured || this.context.asAbsolutePath(path.join('server', 'mesaspec-lsp.dll'));
  }

  async start(): Promise<void> {
    const program = this.serverProgram();
    if (!fileProbe.isFile(program)) {
      const message = settings().serverPath
        ? `The MesaSpec language server set in "mesaspec.server.path" does not exist: ${program}`
        : `The MesaSpec language server is missing from this extension (${program}). Reinstall the extension, or set "mesaspec.server.path".`;
      this.output.appendLine(message);
      void vscode.window.showErrorMessage(message, 'Open Settings').then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', 'mesaspec.server.path');
      });
      return;
    }
    const dotnet = findDotnet(settings().dotnetPath, process.env, fileProbe, os.homedir());
    const command = commandFor(program, dotnet, []);
    if ('error' in command) {
      this.output.appendLine(dotnetMissingMessage);
      void vscode.window.showErrorMessage(dotnetMissingMessage, 'Open Settings').then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', 'mesaspec.dotnet.path');
      });
      return;
    }
    this.output.appendLine(`Starting the language server: ${command.command} ${command.args.join(' ')}`);
    const serverOptions: ServerOptions = {
      run: { command: command.command, args: command.args, options: { env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' } } },
      debug: { command: command.command, args: command.args },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { scheme: 'file', language: 'mesaspec' },
        { scheme: 'untitled', language: 'mesaspec' },
      ],
      outputChannel: this.output,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      synchronize: { configurationSection: 'mesaspec', fileEvents: vscode.workspace.createFileSystemWatcher('**/*.mesa') },
      // Plugins are code: the server loads a workspace's plugin descriptors only when VS Code trusts the workspace.
      initializationOptions: { 'mesaspec.cli.path': settings().cliPath || undefined, 'mesaspec.trustedWorkspace': vscode.workspace.isTrusted },
      middleware: this.middleware,
    };
    const client = new LanguageClient('mesaspec', 'MesaSpec Language Server', serverOptions, clientOptions);
    this.client = client;
    try {
      await client.start();
      client.onNotification('mesaspec/runFinished', (params: RunFinishedParams) => this.runFinished.fire(params));
      this.output.appendLine('The language server is running.');
    } catch (error) {
      this.output.appendLine(`The language server failed to start: ${(error as Error).message}`);
      void vscode.window.showErrorMessage(`The MesaSpec language server failed to start: ${(error as Error).message}. See the MesaSpec output.`, 'Show Log')
        .then((choice) => { if (choice) this.output.show(); });
    }
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client) {
      try {
        await client.stop(5000);
      } catch (error) {
        this.output.appendLine(`Stopping the language server: ${(error as Error).message}`);
      }
    }
  }

  async restart(): Promise<void> {
    this.output.appendLine('Restarting the language server.');
    await this.stop();
    await this.start();
  }

  dispose(): void {
    void this.stop();
    this.runFinished.dispose();
  }
}
