import * as path from 'node:path';

/**
 * The results view shows the report.html mesaspec writes beside report.json (one renderer: C#'s Reporting), as it is.
 * Before it does, the page must carry the policy mesaspec gives it: a Content-Security-Policy that loads nothing
 * (`default-src 'none'`) and runs only scripts named by their hash. A page without it (hand-edited, or from something
 * else) is refused rather than shown with scripts enabled.
 */
export function reportHtmlPath(reportJson: string): string {
  return path.join(path.dirname(reportJson), 'report.html');
}

/** Null when the page's policy is mesaspec's strict one; otherwise why the page is refused. */
export function strictPolicyProblem(html: string): string | null {
  const styleAt = html.indexOf('<style');
  const head = styleAt >= 0 ? html.slice(0, styleAt) : html; // the policy governs only what comes after it
  const policies = [...head.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/g)].map((m) => m[1]);
  if (policies.length !== 1) return 'report.html has no Content-Security-Policy before its content';
  const directives = new Map(policies[0].split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map((d) => [d[0], d.slice(1)] as const));
  if (directives.get('default-src')?.join(' ') !== "'none'") return "report.html's policy does not forbid every load (default-src 'none')";
  const scripts = directives.get('script-src') ?? [];
  if (!scripts.every((s) => /^'sha256-[A-Za-z0-9+/=]+'$/.test(s))) return "report.html's policy allows scripts other than by their hash";
  if (/<script[^>]*\ssrc\s*=/i.test(html)) return 'report.html loads a script';
  return null;
}
