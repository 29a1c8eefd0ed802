import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseReport, ReportFormatError } from '../core/reportModel';
import { reportHtmlPath, strictPolicyProblem } from '../core/reportPage';
import { renderErrorHtml, renderWaitingHtml } from '../core/statusPages';

const nonce = () => randomBytes(16).toString('base64');

/**
 * The results view: one webview panel showing the report.html mesaspec writes beside a report.json, the same page a
 * browser shows (one renderer, C#'s). It loads nothing (the page's strict content security policy, no local resource
 * roots), so it works offline; the page's one script, its episode browser, runs only in a trusted workspace (in an
 * untrusted one the episodes are listed without stepping through them). While a run goes it follows the run's
 * report, which mesaspec rewrites after every completed seed.
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
    const panel = vscode.window.createWebviewPanel('mesaspec.results', title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, webviewOptions(false));
    panel.onDidDispose(() => {
      this.stopFollowing();
      this.panel = undefined;
    });
    this.panel = panel;
    return panel;
  }

  /** Shows one report (a running run's report.html says so itself, in its banner). */
  show(reportPath: string): void {
    // A report asked for replaces a run being followed: a run started from the Testing panel is never
    // finished here, and its poll would otherwise put its own report back within a second.
    this.stopFollowing();
    this.reportPath = reportPath;
    void this.state.update('mesaspec.lastReport', reportPath);
    this.render();
  }

  private render(): void {
    const reportPath = this.reportPath;
    if (!reportPath) return;
    let html: string;
    let title = 'MesaSpec Results';
    let scripts = false;
    try {
      const report = parseReport(fs.readFileSync(reportPath, 'utf8'));
      title = `Results: ${report.experiment}`;
      const page = reportHtmlPath(reportPath);
      if (!fs.existsSync(page)) {
        throw new ReportFormatError(`${vscode.workspace.asRelativePath(reportPath)} has no report.html beside it: \`mesaspec report ${reportPath}\` draws it`);
      }
      html = fs.readFileSync(page, 'utf8');
      const problem = strictPolicyProblem(html);
      if (problem) throw new ReportFormatError(problem);
      scripts = vscode.workspace.isTrusted;
    } catch (error) {
      const reason = error instanceof ReportFormatError ? error.message : `Cannot read ${reportPath}: ${(error as Error).message}`;
      html = renderErrorHtml(reason, nonce());
    }
    const panel = this.ensurePanel(title);
    panel.webview.options = webviewOptions(scripts);
    panel.webview.html = html;
  }

  /** Follows a run that writes into outDir: a waiting page first, then each rewrite of its report. */
  follow(outDir: string, label: string): void {
    this.stopFollowing();
    this.reportPath = undefined;
    this.lastModified = 0;
    this.ensurePanel(`Results: ${label}`).webview.html = renderWaitingHtml(label, nonce());
    const poll = () => {
      const found = findReports(outDir)[0];
      // report.html is written after report.json: follow the page, so the view never shows a page older than its data.
      const page = found ? reportHtmlPath(found) : undefined;
      if (!found || !page || !fs.existsSync(page)) return;
      const modified = fs.statSync(page).mtimeMs;
      if (found !== this.reportPath || modified !== this.lastModified) {
        this.lastModified = modified;
        this.reportPath = found;
        void this.state.update('mesaspec.lastReport', found);
        this.render();
      }
    };
    this.following = setInterval(poll, 1000);
  }

  /** The run ended: show its final report (or the first one, for a file with several experiments). */
  finish(reportPath: string | undefined): void {
    this.stopFollowing();
    if (reportPath && fs.existsSync(reportPath)) this.show(reportPath);
    else if (this.reportPath) this.render();
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

/** Nothing to load, no command links; scripts only for report.html's own (allowed by its policy's hash) when trusted. */
function webviewOptions(enableScripts: boolean): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return { enableScripts, enableCommandUris: false, localResourceRoots: [], retainContextWhenHidden: false };
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
