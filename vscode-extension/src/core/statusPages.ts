import { escapeHtml } from './html';

/**
 * The results view's own two pages, for when there is no report.html to show: a run that has written no report yet,
 * and a report that cannot be shown. Everything else the view shows is the run's report.html, drawn by mesaspec.
 */
function policy(nonce: string): string {
  return `default-src 'none'; style-src 'nonce-${nonce}'; img-src data:; script-src 'none'; font-src 'none'; connect-src 'none'; frame-src 'none'; form-action 'none'; base-uri 'none'`;
}

const styles = `
body { font-family: var(--vscode-font-family, sans-serif); font-size: var(--vscode-font-size, 13px); color: var(--vscode-foreground, #ccc); background: var(--vscode-editor-background, #1e1e1e); padding: 0 16px 24px; overflow-wrap: break-word; }
h1 { font-size: 1.5em; margin-bottom: 0.2em; }
.status { display: inline-block; padding: 1px 8px; border-radius: 8px; font-weight: 600; color: #cca700; }
.banner { padding: 6px 10px; border-left: 3px solid #cca700; background: #cca70018; margin: 8px 0; }
`;

function page(nonce: string, body: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${policy(nonce)}"><style nonce="${escapeHtml(nonce)}">${styles}</style></head><body>${body}</body></html>`;
}

/** A page for a report that cannot be shown, saying why. */
export function renderErrorHtml(message: string, nonce: string): string {
  return page(nonce, `<h1>MesaSpec results</h1><div class="banner">${escapeHtml(message)}</div>`);
}

/** A page for a run that has started but has written no report yet. */
export function renderWaitingHtml(experiment: string, nonce: string): string {
  return page(nonce, `<h1 id="experiment">${escapeHtml(experiment)}</h1><div><span class="status" id="status">running</span></div><div class="banner">Training the first seed. The verdicts appear here when it finishes.</div>`);
}
