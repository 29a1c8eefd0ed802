import * as vscode from 'vscode';
import { trustedValue } from './core/trustedSetting';

/** A program path: in an untrusted workspace, never the workspace's own value. */
function programSetting(config: vscode.WorkspaceConfiguration, key: string): string {
  const value = trustedValue(config.inspect<string>(key), config.get<string>(key, ''), vscode.workspace.isTrusted);
  return (value ?? '').trim();
}

/** The extension's settings, read fresh on every use so a change applies to the next run. */
export function settings() {
  const config = vscode.workspace.getConfiguration('mesaspec');
  return {
    serverPath: programSetting(config, 'server.path'),
    cliPath: programSetting(config, 'cli.path'),
    dotnetPath: programSetting(config, 'dotnet.path'),
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
