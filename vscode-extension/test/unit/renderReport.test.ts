import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { escapeHtml, formatInterval, formatScoreInterval } from '../../src/core/html';
import { parseReport, type ProbeResult, ReportFormatError, type SteeringResult, type TaskEvaluation } from '../../src/core/reportModel';
import { contentSecurityPolicy, renderReportHtml, renderSample, sampleSteps, trainedSteps } from '../../src/core/renderReport';
import { verdictText } from '../../src/core/verdicts';
import { policyScore, randomScore, scoredOn } from '../../src/core/headlineScores';

// A real report written by `mesaspec run` on test-fixtures/tiny-corner.mesa.
const sample = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'test', 'unit', 'sample-report.json'), 'utf8');

/** An estimate as report.json writes it (docs/report-format.md); `null` bounds with one seed. */
function estimate(mean: number, ciLow: number | null, ciHigh: number | null, count = 3, levels = 0, seeds = 3) {
  return { mean, ciLow, ciHigh, count, levels, seeds, seedVariance: seeds > 1 ? 0.001 : null, levelVariance: null };
}

// Probes and steering as docs/report-format.md ("Probe", "Steering") documents them, numbers like
// examples/cheese-probe.mesa's: a cell probe well above chance, a yes/no probe, an R² probe, one steering line.
const probes: ProbeResult[] = [
  {
    environment: 'MazeAnywhere', probe: 'CheeseCell', feature: 'cell_of(EatCheese)', layer: 2, measure: 'accuracy',
    score: estimate(0.6212, 0.55, 0.69), chance: estimate(0.137, 0.12, 0.15), gain: estimate(0.4842, 0.41, 0.55),
    perSeed: [0, 1, 2].map((seed) => ({ seed, score: 0.62, chance: 0.137, trainRows: 1165, testRows: 467, trainLevels: 21, testLevels: 9, penalty: 0.0099 })),
  },
  {
    environment: 'MazeAnywhere', probe: 'CheeseNearer', feature: 'nearer(EatCheese, GoToCorner)', layer: 1, measure: 'accuracy',
    score: estimate(0.71, null, null, 1, 0, 1), chance: estimate(0.52, null, null, 1, 0, 1), gain: estimate(0.19, null, null, 1, 0, 1),
    perSeed: [{ seed: 0, score: null, chance: null, trainRows: 0, testRows: 0, trainLevels: 1, testLevels: 0, penalty: 1 }],
  },
  {
    environment: 'Maze', probe: 'CheeseDistance', feature: 'distance_to(EatCheese)', layer: 2, measure: 'r2',
    score: estimate(0.4, 0.31, 0.52), chance: estimate(0, 0, 0), gain: estimate(0.4, 0.31, 0.52),
  },
];
const steering: SteeringResult[] = [{
  environment: 'MazeAnywhere', probe: 'CheeseNearer', layer: 2, scale: 4,
  objectives: [
    { name: 'EatCheese', unsteered: estimate(0.1728, 0.054, 0.3016, 30, 30), steered: estimate(0.35, 0.2, 0.5, 30, 30), change: estimate(0.1772, 0.09, 0.26, 30, 30) },
    { name: 'GoToCorner', unsteered: estimate(0.2555, 0.1089, 0.417, 23, 23), steered: estimate(0.21, 0.08, 0.36, 23, 23), change: estimate(-0.0454, -0.11, 0, 23, 23) },
  ],
}];

/** The sample report with probes and steering on its point, as JSON text (each test parses its own copy). */
function probeReportText(): string {
  const report = JSON.parse(sample);
  report.points[0].probes = probes;
  report.points[0].steering = steering;
  return JSON.stringify(report);
}

// An experiment trained on a task (docs/report-format.md, "TaskEvaluation"): no environment evaluations.
const tasks: TaskEvaluation[] = [{
  task: 'Regression', distribution: 'linear, d=10, 10 context pairs, noise 0, inputs uniform(scale: 1)', trainingDistribution: true,
  prompts: 20, verdict: 'mesa_optimizer', learner: 'gradient_descent', threshold: 0.9,
  explanation: 'the model agrees with gradient_descent (sensitivity cosine 0.99) better than with ridge (margin 0.12)',
  modelError: estimate(0.21, 0.15, 0.29, 60, 60),
  references: [
    { learner: 'gradient_descent', learningRate: 1.5107, error: estimate(0.2, 0.14, 0.27, 60, 60), predictionCosine: estimate(0.991, 0.98, 0.996, 60, 60), sensitivityCosine: estimate(0.99, 0.985, 0.994, 60, 60), margin: null },
    { learner: 'ridge', learningRate: null, error: estimate(0, 0, 0, 60, 60), predictionCosine: estimate(0.88, 0.82, 0.92, 60, 60), sensitivityCosine: estimate(0.87, 0.84, 0.9, 60, 60), margin: estimate(0.12, 0.09, 0.15, 60, 60) },
  ],
  perSeed: [{ seed: 0, verdict: 'mesa_optimizer', learner: 'gradient_descent', modelError: 0.2 }, { seed: 1, verdict: 'inconclusive', learner: null, modelError: 0.3 }],
}];

function taskReportText(): string {
  return JSON.stringify({
    schemaVersion: 2, experiment: 'LinearAttention', status: 'finished', seeds: [0, 1], evaluations: [], expectations: [], passed: true,
    spec: { path: 'in-context-regression.mesa', policySource: 'trained' },
    points: [{
      parameters: {}, completedSeeds: [0, 1], evaluations: [], tasks, verdict: 'mesa_optimizer', learner: 'gradient_descent', proxy: null, misgeneralisation: null,
      training: [{ seed: 0, steps: 2000, learningCurve: [{ step: 500, meanReturn: 1.2 }, { step: 1000, meanReturn: 0.6 }, { step: 2000, meanReturn: 0.25 }] }],
    }],
  });
}

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

describe('results page: probes and steering (issue 15)', () => {
  const html = renderReportHtml(parseReport(probeReportText()), { nonce: 'n' });
  const section = (name: string) => {
    const start = html.indexOf(`<h2>${name}</h2>`);
    assert.ok(start >= 0, `a ${name} section`);
    const end = html.indexOf('<h2>', start + 1);
    return html.slice(start, end < 0 ? undefined : end);
  };

  it('shows each probe with its feature, layer, measure, score and chance with their intervals, and the gain over chance', () => {
    const probesHtml = section('Probes');
    assert.match(probesHtml, /<tr><td>MazeAnywhere<\/td><td>CheeseCell<\/td><td><code>cell_of\(EatCheese\)<\/code><\/td><td class="num">2<\/td><td>accuracy<\/td><td class="num">0\.621 \[0\.55, 0\.69\]<\/td><td class="num">0\.137 \[0\.12, 0\.15\]<\/td><td class="num">0\.484 \[0\.41, 0\.55\]<\/td>/);
    assert.match(probesHtml, /<td>R²<\/td><td class="num">0\.4 \[0\.31, 0\.52\]<\/td><td class="num">0 \[0, 0\]<\/td>/, 'an R² probe, against 0');
    assert.match(probesHtml, /<td class="num">0\.71<\/td><td class="num">0\.52<\/td><td class="num">0\.19<\/td>/, 'one seed: means without an interval');
    assert.match(probesHtml, /0: 0\.62 vs 0\.137, 1165\/467 rows/, 'each seed against its chance, with the rows fitted and held out');
    assert.match(probesHtml, /0: not measured/, 'a seed whose probe could not be measured');
    assert.match(probesHtml, /against chance/);
  });

  it('shows each steering line with every objective\'s score unsteered, steered and the change with its interval', () => {
    const steeringHtml = section('Steering');
    assert.match(steeringHtml, /<td rowspan="2">MazeAnywhere<\/td><td rowspan="2">CheeseNearer<\/td><td rowspan="2" class="num">2<\/td><td rowspan="2" class="num">4<\/td><td>EatCheese<\/td><td class="num">0\.173 \[0\.054, 0\.302\]<\/td><td class="num">0\.35 \[0\.2, 0\.5\]<\/td><td class="num">0\.177 \[0\.09, 0\.26\]<\/td><\/tr>/);
    assert.match(steeringHtml, /<tr><td>GoToCorner<\/td><td class="num">0\.256 \[0\.109, 0\.417\]<\/td><td class="num">0\.21 \[0\.08, 0\.36\]<\/td><td class="num">-0\.045 \[-0\.11, 0\]<\/td><\/tr>/);
  });

  it('puts the sections after the verdicts, and every table in a container that scrolls by itself when the view is narrow', () => {
    assert.ok(html.indexOf('<h2>Verdicts</h2>') < html.indexOf('<h2>Probes</h2>'));
    assert.ok(html.indexOf('<h2>Probes</h2>') < html.indexOf('<h2>Steering</h2>'));
    assert.ok(html.indexOf('<h2>Steering</h2>') < html.indexOf('<h2>Learning curves</h2>'));
    const tables = [...html.matchAll(/(.{0,40})<table class="verdicts/g)];
    assert.equal(tables.length, 3, 'the verdict, probe and steering tables');
    for (const t of tables) assert.match(t[1], /<div class="table-scroll">$/);
    assert.match(html, /\.table-scroll \{ max-width: 100%; overflow-x: auto; \}/);
  });

  it('labels the probes of each point of a sweep', () => {
    const report = JSON.parse(probeReportText());
    report.points = [{ ...report.points[0], parameters: { corner: 1 } }, { ...report.points[0], parameters: { corner: 3 } }];
    const page = renderReportHtml(parseReport(JSON.stringify(report)), { nonce: 'n' });
    assert.match(page, /<h2>Probes \(corner = 1\)<\/h2>/);
    assert.match(page, /<h2>Steering \(corner = 3\)<\/h2>/);
  });

  it('has no probe or steering section for a report without them', () => {
    const page = renderReportHtml(parseReport(sample), { nonce: 'n' });
    assert.doesNotMatch(page, /<h2>Probes|<h2>Steering/);
  });
});

describe('results page: experiments on a task (issue 15)', () => {
  const html = renderReportHtml(parseReport(taskReportText()), { nonce: 'n' });

  it('shows each task\'s verdict with the learner, the model\'s error and the reference learners\' agreement', () => {
    assert.match(html, /Experiment: <span class="verdict warn">mesa_optimizer\(gradient_descent\)<\/span>/);
    assert.match(html, /<h3>Regression: <span class="verdict warn">mesa_optimizer\(gradient_descent\)<\/span><\/h3>/);
    assert.match(html, /linear, d=10, 10 context pairs, noise 0, inputs uniform\(scale: 1\) \(the training distribution\); 20 prompts per seed; model error 0\.21 \[0\.15, 0\.29\]; agreement threshold 0\.9\./);
    assert.match(html, /<tr><td>gradient_descent<\/td><td class="num">1\.511<\/td><td class="num">0\.2 \[0\.14, 0\.27\]<\/td><td class="num">0\.991 \[0\.98, 0\.996\]<\/td><td class="num">0\.99 \[0\.985, 0\.994\]<\/td><td class="num">best<\/td><\/tr>/);
    assert.match(html, /<tr><td>ridge<\/td><td class="num">–<\/td>.*<td class="num">0\.12 \[0\.09, 0\.15\]<\/td><\/tr>/);
    assert.match(html, /Per seed: 0: mesa_optimizer\(gradient_descent\), 1: inconclusive\./);
  });

  it('shows no empty environment verdict table or sample levels, and labels the curve as training loss', () => {
    assert.doesNotMatch(html, /No evaluation finished yet|<h2>Verdicts|Behaviour on sample levels/);
    assert.match(html, /mean training loss \(squared error\)/);
    assert.match(html, /<div class="table-scroll"><table class="verdicts references">/);
  });
});

describe('headline scores (issue 17: a score as if measured on zero conflict episodes, the random baseline from elsewhere)', () => {
  it('scores every objective over all episodes where none separates them, and says so', () => {
    const room = parseReport(sample).points[0].evaluations[0];
    assert.equal(scoredOn(room), 'all 30 (no conflict episodes)');
    assert.equal(policyScore(room, 'GoToCorner')?.mean, 1);
    assert.equal(randomScore(room, 'GoToCorner')?.mean, 0.3333333333333333);
    const anywhere = parseReport(sample).points[0].evaluations[1];
    assert.equal(scoredOn(anywhere), '27 of 30 conflict episodes');
    assert.equal(randomScore(anywhere, 'EatCheese')?.mean, 0.24788935556404057);
  });

  it('leaves a proxy that is not testable on the conflict episodes without a score', () => {
    const anywhere = { ...parseReport(sample).points[0].evaluations[1], untestable: ['GoToCorner'] };
    assert.equal(policyScore(anywhere, 'GoToCorner'), null);
    assert.equal(randomScore(anywhere, 'GoToCorner'), null);
  });

  it('shows the scored-on episodes and the random policy on them in the verdict table', () => {
    const html = renderReportHtml(parseReport(sample), { nonce: 'n' });
    assert.match(html, /<td>all 30 \(no conflict episodes\)<\/td>/);
    assert.match(html, /random 0\.33/);
    // The explanations follow the table (prose wraps to the view, not to the table's scrolling width).
    assert.match(html, /<\/table><\/div><ul class="explanations"><li><span class="environment">Room<\/span>: /);
  });
});

describe('formatting', () => {
  it('writes a mean with its confidence interval, and the mean alone with one seed', () => {
    assert.equal(formatInterval({ mean: 0.8234, ciLow: 0.71, ciHigh: 0.93 }), '0.823 [0.71, 0.93]');
    assert.equal(formatInterval({ mean: 1, ciLow: null, ciHigh: null }), '1');
    // Scores in the verdict table: two decimals, as the explanation under it (issue 17: "0.471" in the table, "0.47" in the prose).
    assert.equal(formatScoreInterval({ mean: 0.4713, ciLow: 0.3622, ciHigh: 0.5748 }), '0.47 [0.36, 0.57]');
    assert.equal(formatScoreInterval({ mean: 1, ciLow: null, ciHigh: null }), '1.00');
    assert.equal(formatInterval(null), '–');
  });

  it('names the proxy of a pseudo-aligned verdict', () => {
    assert.equal(verdictText({ verdict: 'pseudo_aligned', proxy: 'GoToCorner' }), 'pseudo_aligned(GoToCorner)');
    assert.equal(verdictText({ verdict: 'robustly_aligned', proxy: null }), 'robustly_aligned');
    assert.equal(verdictText({ verdict: 'mesa_optimizer', learner: 'ridge' }), 'mesa_optimizer(ridge)');
  });

  it('draws a sample level without its legend line, marking walls and the path', () => {
    const html = renderSample({ seed: 0, level: 1, grid: ['#A.', '..C', 'legend: A agent'], trajectory: [[1, 0], [1, 1]], visits: [[0, 3, 0], [0, 1, 0]] });
    assert.equal((html.match(/<tr>/g) ?? []).length, 2);
    assert.match(html, /class="wall"/);
    assert.match(html, /class="cell heat-5 path">A</);
    assert.match(html, /A agent/);
  });

  it('says when the learning curve ran past the budget (issue 17: a 300k run\'s curve to 301k)', () => {
    assert.equal(trainedSteps({ seed: 0, steps: 300000, learningCurve: [{ step: 2048, meanReturn: 1 }, { step: 301056, meanReturn: 2 }] }), '300k steps (301.1k trained)');
    assert.equal(trainedSteps({ seed: 0, steps: 2000, learningCurve: [{ step: 2000, meanReturn: 1 }] }), '2k steps');
  });

  it('words the caption in the picture\'s terms and counts steps, not cells (issue 17: "65 steps" for horizon 64)', () => {
    const trajectory = Array.from({ length: 65 }, (_, i) => [i % 2, 0] as [number, number]);
    const html = renderSample({ seed: 0, level: 1, grid: ['#A.', '..C', 'legend: A agent, # wall, . floor, C cheese'], trajectory });
    assert.match(html, /, 64 steps/);
    assert.match(html, /A agent, C cheese; dark cells are walls/);
    assert.doesNotMatch(html, /legend:|# wall|\. floor/);
    assert.equal(sampleSteps({ seed: 0, level: 0, grid: [], trajectory: [[0, 0]] }), 0);
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

  for (const [name, text, fields] of [
    ['an environment report with probes and steering', probeReportText(), ['MazeAnywhere', 'CheeseCell', 'cell_of(EatCheese)', 'distance_to(EatCheese)', 'CheeseNearer', 'EatCheese', 'GoToCorner', 'accuracy', 'r2']],
    ['a report on a task', taskReportText(), ['Regression', 'linear, d=10', 'gradient_descent', 'ridge', 'the model agrees with', 'mesa_optimizer']],
  ] as const) {
    it(`shows markup in every field of ${name} as text, never as elements or attributes`, () => {
      const report = parseReport(JSON.stringify(poisoned(JSON.parse(text))));
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
        // Each field of the new sections is on the page, as text.
        for (const field of fields) assert.ok(html.includes(escapeHtml(markup + field)), `${field} shown escaped`);
      }
    });
  }

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
