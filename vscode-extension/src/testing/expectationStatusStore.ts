import * as vscode from 'vscode';
import { type ExpectationStatus, statusOf, type StoredExpectation } from '../core/expectationStatus';

/** One `expect` line of an open spec as the Testing panel knows it: its test id and current line. */
export interface ExpectationAt {
  id: string;
  line: number;
}

/**
 * The one home of what the editor knows about each expectation: keyed by the Testing panel's expectation id
 * (stable while lines above are edited), written by the Testing panel as runs start and end, read by the
 * gutter and the hover. The status of a result is decided against the spec's current text, so an edit makes
 * it stale and undoing the edit makes it current again.
 */
export class ExpectationStatusStore implements vscode.Disposable {
  private readonly stored = new Map<string, StoredExpectation>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  markRunning(uri: vscode.Uri, ids: string[]): void {
    for (const id of ids) this.stored.set(id, { kind: 'running' });
    this.changed.fire(uri);
  }

  record(uri: vscode.Uri, id: string, value: Exclude<StoredExpectation, { kind: 'running' }>): void {
    this.stored.set(id, value);
    this.changed.fire(uri);
  }

  /** Forgets a run that left no result for these (cancelled, failed to start): back to what was known before it. */
  forget(uri: vscode.Uri, ids: string[]): void {
    for (const id of ids) if (this.stored.get(id)?.kind === 'running') this.stored.delete(id);
    this.changed.fire(uri);
  }

  get(id: string): StoredExpectation | undefined {
    return this.stored.get(id);
  }

  /** The status against a spec text, given by its hash (`specHash`), computed once for all its lines. */
  statusOf(id: string, currentSpecHash: string): ExpectationStatus {
    return statusOf(this.stored.get(id), currentSpecHash);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
