import * as vscode from 'vscode';
import { hoverMarkdown, specHash } from '../core/expectationStatus';
import type { ExpectationStatusStore } from '../testing/expectationStatusStore';
import type { ExpectationTests } from '../testing/expectationTests';

/**
 * The hover of an `expect` line: what the last run measured there (value and 95% interval), from the result the
 * editor holds. Beside the language server's hover, which explains the words; this one knows the run.
 */
export function registerExpectationHover(tests: ExpectationTests, store: ExpectationStatusStore): vscode.Disposable {
  return vscode.languages.registerHoverProvider({ language: 'mesaspec', scheme: 'file' }, {
    provideHover(document, position) {
      const expectation = tests.expectationsIn(document.uri).find((e) => e.line === position.line);
      if (!expectation) return undefined;
      const status = store.statusOf(expectation.id, specHash(document.getText()));
      return new vscode.Hover(new vscode.MarkdownString(hoverMarkdown(store.get(expectation.id), status)), document.lineAt(position.line).range);
    },
  });
}
