import * as vscode from 'vscode';
import type { RunRequest } from './experimentRunner';

const key = 'mesaspec.lastRun';

/** The last experiment run from this workspace, for "Run Last Again"; kept across window reloads. */
export class LastRun {
  constructor(private readonly state: vscode.Memento) {}

  remember(request: RunRequest): void {
    void this.state.update(key, { uri: request.uri.toString(), experiment: request.experiment });
  }

  get request(): RunRequest | undefined {
    const saved = this.state.get<{ uri: string; experiment?: string }>(key);
    return saved ? { uri: vscode.Uri.parse(saved.uri), experiment: saved.experiment } : undefined;
  }
}
