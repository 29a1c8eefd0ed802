import * as vscode from 'vscode';

/** The extension's settings, read fresh on every use so a change applies to the next run. */
export function settings() {
  const config = vscode.workspace.getConfiguration('mesaspec');
  return {
    serverPath: config.get<string>('server.path', '').trim(),
    cliPath: config.get<string>('cli.path', '').trim(),
    dotnetPath: config.get<string>('dotnet.path', '').trim(),
    seeds: config.get<number | null>('run.seeds', null),
    threads: config.get<number>('run.threads', 1),
    outputFolder: config.get<string>('run.outputFolder', 'runs'),
    on: config.get<'local' | 'slurm'>('run.on', 'local'),
    slurmArguments: config.get<string[]>('run.slurm.arguments', []),
    openResults: config.get<boolean>('results.openOnFinish', true),
  };
}

export const fileProbe = {
  isFile(file: string): boolean {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return require('node:fs').statSync(file).isFile();
    } catch {
      return false;
    }
  },
};
