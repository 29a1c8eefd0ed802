import * as vscode from 'vscode';
import { type ExpectationStatus, specHash } from '../core/expectationStatus';
import type { ExpectationStatusStore } from '../testing/expectationStatusStore';
import type { ExpectationTests } from '../testing/expectationTests';

const statuses: ExpectationStatus[] = ['notRun', 'running', 'holds', 'fails', 'stale'];

/** The icon file of each status under media/gutter/ (the e2e tests read the file name back from the page). */
const gutterIconFile: Record<ExpectationStatus, string> = {
  notRun: 'not-run.svg',
  running: 'running.svg',
  holds: 'holds.svg',
  fails: 'fails.svg',
  stale: 'stale.svg',
};

/**
 * An icon in the gutter beside each `expect` line of the visible specs, for its status in the store. Redrawn when
 * the store changes, when an editor shows, and when the Testing panel has re-read a spec (opened or edited: an
 * edit makes the results stale).
 */
export class ExpectationGutter implements vscode.Disposable {
  private readonly types: Record<ExpectationStatus, vscode.TextEditorDecorationType>;
  private readonly disposables: vscode.Disposable[] = [];
  private pending: NodeJS.Timeout | undefined;

  constructor(context: vscode.ExtensionContext, private readonly tests: ExpectationTests, private readonly store: ExpectationStatusStore) {
    this.types = Object.fromEntries(statuses.map((s) => [s, vscode.window.createTextEditorDecorationType({
      gutterIconPath: context.asAbsolutePath(`media/gutter/${gutterIconFile[s]}`),
      gutterIconSize: 'contain',
      overviewRulerColor: s === 'fails' ? new vscode.ThemeColor('testing.iconFailed') : undefined,
      overviewRulerLane: vscode.OverviewRulerLane.Left,
    })])) as Record<ExpectationStatus, vscode.TextEditorDecorationType>;
    this.disposables.push(
      store.onDidChange(() => this.drawAll()),
      // The Testing panel re-reads a spec's expect lines on open and on every edit; draw from what it found.
      tests.onDidUpdateFile(() => this.drawSoon()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.drawAll()),
    );
    this.drawAll();
  }

  private drawSoon(): void {
    if (this.pending) clearTimeout(this.pending);
    // One redraw for a burst of keystrokes.
    this.pending = setTimeout(() => this.drawAll(), 150);
  }

  private drawAll(): void {
    for (const editor of vscode.window.visibleTextEditors) this.draw(editor);
  }

  private draw(editor: vscode.TextEditor): void {
    if (editor.document.languageId !== 'mesaspec' || editor.document.uri.scheme !== 'file') return;
    const hash = specHash(editor.document.getText());
    const byStatus = new Map<ExpectationStatus, vscode.DecorationOptions[]>(statuses.map((s) => [s, []]));
    for (const expectation of this.tests.expectationsIn(editor.document.uri)) {
      const status = this.store.statusOf(expectation.id, hash);
      byStatus.get(status)!.push({ range: new vscode.Range(expectation.line, 0, expectation.line, 0) });
    }
    for (const status of statuses) editor.setDecorations(this.types[status], byStatus.get(status)!);
  }

  dispose(): void {
    if (this.pending) clearTimeout(this.pending);
    this.disposables.forEach((d) => d.dispose());
    Object.values(this.types).forEach((t) => t.dispose());
  }
}
