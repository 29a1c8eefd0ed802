import * as vscode from 'vscode';

/**
 * Shows the page `mesaspec runs compare A B --out FILE.html` wrote (self-contained, its own strict content
 * security policy, no script) in a webview, so the comparison is beside the spec rather than in a browser.
 */
export class ComparisonPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;

  show(title: string, html: string): void {
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('mesaspec.comparison', title, vscode.ViewColumn.Active, {
        enableScripts: false,
        enableCommandUris: false,
        localResourceRoots: [],
      });
      this.panel.onDidDispose(() => { this.panel = undefined; });
    }
    this.panel.title = title;
    this.panel.webview.html = html;
    this.panel.reveal(vscode.ViewColumn.Active);
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
