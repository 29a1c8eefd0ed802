import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseReport, ReportFormatError } from '../core/reportModel';
import { renderErrorHtml, renderReportHtml, renderWaitingHtml } from '../core/renderReport';

const nonce = () => randomBytes(16).toString('base64');

/**
 * The results view: one webview panel that renders a report.json. It runs no script and loads
 * nothing (strict content security policy, no local resource roots), so it works offline. While a
 * run goes it follows the run's report, which mesaspec rewrites after every completed seed.
 */
export class ResultsPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private reportPath: string | undefined;
  private following: NodeJS.Timeout | undefined;
  private lastModified = 0;

  constructor(private readonly state: vscode.Memento) {}

  /** The report shown last, to reopen it. */
  get lastReport(): string | undefined {
    return this.reportPath ?? this.state.get<string>('mesaspec.lastReport');
  }

  private ensurePanel(title: string): vscode.WebviewPanel {
    if (this.panel) {
      this.panel.title = title;
      this.panel.reveal(vscode.ViewColumn.Beside, true);
      return this.panel;
    }
    const panel = vscode.window.createWebviewPanel('mesaspec.results', title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: false,
      enableCommandUris: false,
      localResourceRoots: [],
      retainContextWhenHidden: false,
    });
    panel.onDidDispose(() => {
      this.stopFollowing();
      this.panel = undefined;
    });
    this.panel = panel;
    return panel;
  }

  /** Shows one report; `live` while the run that writes it is still going. */
  show(reportPath: string, live = false): void {
    // A report asked for replaces a run being followed: a run started from the Testing panel is never
    // finished here, and its poll would otherwise put its own report back within a second.
    this.stopFollowing();
    this.reportPath = reportPath;
    void this.state.update('mesaspec.lastReport', reportPath);
    this.render(live);
  }

  private render(live: boolean): void {
    const reportPath = this.reportPath;
    if (!reportPath) return;
    let html: string;
    let title = 'MesaSpec Results';
    try {
      const text = fs.readFileSync(reportPath, 'utf8');
      const report = parseReport(text);
      title = `Results: ${report.experiment}`;
      html = renderReportHtml(report, { nonce: nonce(), reportPath: vscode.workspace.asRelativePath(reportPath), live });
    } catch (error) {
      const reason = error instanceof ReportFormatError ? error.message : `Cannot read ${reportPath}: ${(error as Error).message}`;
      html = renderErrorHtml(reason, nonce());
    }
    this.ensurePanel(title).webview.html = html;
  }

  /** Follows a run that writes into outDir: a waiting page first, then each rewrite of its report. */
  follow(outDir: string, label: string): void {
    this.stopFollowing();
    this.reportPath = undefined;
    this.lastModified = 0;
    this.ensurePanel(`Results: ${label}`).webview.html = renderWaitingHtml(label, nonce());
    const poll = () => {
      const found = findReports(outDir)[0];
      if (!found) return;
      const modified = fs.statSync(found).mtimeMs;
      if (found !== this.reportPath || modified !== this.lastModified) {
        this.lastModified = modified;
        this.reportPath = found;
        void this.state.update('mesaspec.lastReport', found);
        this.render(true);
      }
    };
    this.following = setInterval(poll, 1000);
  }

  /** The run ended: show its final report (or the first one, for a file with several experiments). */
  finish(reportPath: string | undefined): void {
    this.stopFollowing();
    if (reportPath && fs.existsSync(reportPath)) this.show(reportPath, false);
    else if (this.reportPath) this.render(false);
  }

  private stopFollowing(): void {
    if (this.following) clearInterval(this.following);
    this.following = undefined;
  }

  dispose(): void {
    this.stopFollowing();
    this.panel?.dispose();
  }
}

/** report.json files under a folder (at most two levels deep), newest first. */
export function findReports(folder: string): string[] {
  const found: string[] = [];
  const visit = (dir: string, depth: number) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isFile() && entry.name === 'report.json') found.push(full);
      else if (entry.isDirectory() && depth > 0 && entry.name !== 'checkpoints') visit(full, depth - 1);
    }
  };
  visit(folder, 2);
  return found.sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
}
