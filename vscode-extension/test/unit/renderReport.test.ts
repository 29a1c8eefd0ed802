import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseReport, ReportFormatError } from '../../src/core/reportModel';
import { contentSecurityPolicy, formatInterval, renderReportHtml, renderSample, verdictText } from '../../src/core/renderReport';

// A real report written by `mesaspec run` on test-fixtures/tiny-corner.mesa.
const sample = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'test', 'unit', 'sample-report.json'), 'utf8');

describe('report model', () => {
  it('reads a report written by mesaspec run', () => {
    const report = parseReport(sample);
    assert.equal(report.experiment, 'TinyCorner');
    assert.equal(report.evaluations.length, 2);
    assert.equal(report.expectations.length, 2);
  });

  it('refuses another schema version, saying which', () => {
    assert.throws(() => parseReport(JSON.stringify({ schemaVersion: 1, experiment: 'X' })), (e: Error) => e instanceof ReportFormatError && /schemaVersion 1/.test(e.message));
  });

  it('refuses text that is not JSON or not a report', () => {
    assert.throws(() => parseReport('{ not json'), ReportFormatError);
    assert.throws(() => parseReport('[1, 2]'), ReportFormatError);
    assert.throws(() => parseReport('{"schemaVersion": 2}'), /no experiment name/);
  });

  it('fills missing arrays of a partial report (a run that stopped before any seed finished)', () => {
    const report = parseReport(JSON.stringify({ schemaVersion: 2, experiment: 'X', status: 'cancelled' }));
    assert.deepEqual([report.points, report.evaluations, report.expectations, report.passed], [[], [], [], false]);
  });
});

describe('results page', () => {
  const html = renderReportHtml(parseReport(sample), { nonce: 'abc123' });

  it('declares a strict content security policy: no script, nothing loaded', () => {
    const csp = contentSecurityPolicy('abc123');
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-abc123'/);
    assert.match(csp, /script-src 'none'/);
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /\b(src|href)="https?:/i);
    assert.doesNotMatch(html, / style="/, 'inline style attributes would be blocked by the policy');
  });

  it('shows every evaluation environment with its verdict and the expectations', () => {
    assert.match(html, /<td>Room<\/td><td><span class="verdict good">robustly_aligned<\/span>/);
    assert.match(html, /RoomAnywhere/);
    assert.match(html, /<span class="pass">✓<\/span> <code>expect on Room: robustly_aligned<\/code>/);
    assert.match(html, /<span class="fail">✗<\/span> <code>expect on RoomAnywhere: robustly_aligned<\/code>/);
  });

  it('draws the learning curve with a title and labelled axes, and behaviour samples', () => {
    assert.match(html, /<svg[^>]*aria-label="Learning curves"/);
    assert.match(html, /environment steps/);
    assert.match(html, /mean episode return/);
    assert.match(html, /<table class="level">/);
  });

  it('escapes everything that comes from the report', () => {
    const report = parseReport(JSON.stringify({ schemaVersion: 2, experiment: '<img src=x onerror=alert(1)>', status: 'finished', expectations: [{ text: '<b>', line: 1, passed: false, detail: '"quoted"' }] }));
    const page = renderReportHtml(report, { nonce: 'n' });
    assert.doesNotMatch(page, /<img src=x/);
    assert.match(page, /&lt;img src=x onerror=alert\(1\)&gt;/);
    assert.match(page, /&quot;quoted&quot;/);
  });

  it('shows the experiment-level verdict of each point, escaped', () => {
    const report = parseReport(JSON.stringify({
      schemaVersion: 2, experiment: 'X', status: 'finished',
      points: [{ parameters: {}, completedSeeds: [0], training: [], evaluations: [], verdict: 'pseudo_aligned', proxy: 'Go<Corner>', misgeneralisation: 'goal', explanation: 'it pursues <the corner>' }],
    }));
    const page = renderReportHtml(report, { nonce: 'n' });
    assert.match(page, /Experiment: <span class="verdict warn">pseudo_aligned\(Go&lt;Corner&gt;\)<\/span> \(goal misgeneralisation\)/);
    assert.match(page, /it pursues &lt;the corner&gt;/);
  });

  it('says it follows a running report, and stops saying so once it is finished', () => {
    const report = parseReport(JSON.stringify({ schemaVersion: 2, experiment: 'X', status: 'running' }));
    assert.match(renderReportHtml(report, { nonce: 'n', live: true }), /Following the run/);
    assert.doesNotMatch(renderReportHtml({ ...report, status: 'finished' }, { nonce: 'n', live: true }), /Following the run/);
  });

  it('labels each point of a sweep', () => {
    const base = JSON.parse(sample);
    base.points = [{ ...base.points[0], parameters: { corner: 1 } }, { ...base.points[0], parameters: { corner: 3 } }];
    const page = renderReportHtml(parseReport(JSON.stringify(base)), { nonce: 'n' });
    assert.match(page, /Verdicts \(corner = 1\)/);
    assert.match(page, /Verdicts \(corner = 3\)/);
  });
});

describe('formatting', () => {
  it('writes a mean with its confidence interval, and the mean alone with one seed', () => {
    assert.equal(formatInterval({ mean: 0.8234, ciLow: 0.71, ciHigh: 0.93 }), '0.823 [0.71, 0.93]');
    assert.equal(formatInterval({ mean: 1, ciLow: null, ciHigh: null }), '1');
    assert.equal(formatInterval(null), '–');
  });

  it('names the proxy of a pseudo-aligned verdict', () => {
    assert.equal(verdictText({ verdict: 'pseudo_aligned', proxy: 'GoToCorner' }), 'pseudo_aligned(GoToCorner)');
    assert.equal(verdictText({ verdict: 'robustly_aligned', proxy: null }), 'robustly_aligned');
  });

  it('draws a sample level without its legend line, marking walls and the path', () => {
    const html = renderSample({ seed: 0, level: 1, grid: ['#A.', '..C', 'legend: A agent'], trajectory: [[1, 0], [1, 1]], visits: [[0, 3, 0], [0, 1, 0]] });
    assert.equal((html.match(/<tr>/g) ?? []).length, 2);
    assert.match(html, /class="wall"/);
    assert.match(html, /class="cell heat-5 path">A</);
    assert.match(html, /legend: A agent/);
  });
});

describe('results page escaping (issue 11, item 14)', () => {
  const markup = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'&';

  /** Every string and every number of the report, except its schema version, replaced by markup (kept as a prefix of strings). */
  function poisoned(value: unknown, key = ''): unknown {
    if (key === 'schemaVersion') return value;
    if (typeof value === 'string') return markup + value;
    if (typeof value === 'number') return markup;
    if (Array.isArray(value)) return value.map((v) => poisoned(v));
    if (value && typeof value === 'object') {
      const copy: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) copy[k] = poisoned(v, k);
      return copy;
    }
    return value;
  }

  it('shows markup in every report field as text, never as elements or attributes', () => {
    const report = parseReport(JSON.stringify(poisoned(JSON.parse(sample))));
    // Sweep parameters are names too: give the point one whose name and value are markup.
    for (const point of report.points) point.parameters = { [markup]: markup };
    for (const live of [false, true]) {
      const html = renderReportHtml(report, { nonce: 'abc123', reportPath: markup, live });
      assert.doesNotMatch(html, /<script|<img/i, 'raw markup in the page');
      assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
      // The only elements are the page's own: nothing a report supplies opens a tag.
      const tags = new Set([...html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1].toLowerCase()));
      const own = ['html', 'head', 'meta', 'title', 'style', 'body', 'h1', 'h2', 'h3', 'h4', 'div', 'span', 'p', 'ul', 'li', 'code', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'br', 'svg', 'text', 'line', 'path', 'figure', 'figcaption'];
      assert.deepEqual([...tags].filter((t) => !own.includes(t)), []);
    }
  });

  it('gives an unknown verdict word no class of its own', () => {
    const report = parseReport(sample);
    const evaluations = report.points[0].evaluations ?? [];
    evaluations[0].verdict = 'constructor';
    evaluations[1].verdict = 'x" onmouseover="alert(1)';
    const html = renderReportHtml(report, { nonce: 'abc123' });
    assert.doesNotMatch(html, /onmouseover="/);
    assert.doesNotMatch(html, /class="verdict function/);
  });
});
