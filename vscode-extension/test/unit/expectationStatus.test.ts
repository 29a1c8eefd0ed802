import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { hoverMarkdown, specHash, statusOf, type StoredExpectation } from '../../src/core/expectationStatus';
import { parseReport } from '../../src/core/reportModel';

// A real report written by `mesaspec run` on test-fixtures/tiny-corner.mesa.
const report = parseReport(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'test', 'unit', 'sample-report.json'), 'utf8'));

function stored(index: number, text: string): StoredExpectation {
  return { kind: 'result', result: report.expectations[index], report, reportPath: '/w/runs/a/report.json', specHash: specHash(text), recordedAt: new Date(2026, 11, 4) };
}

describe('expectation status (gutter and hover)', () => {
  it('is not run, running, holds or fails, and stale once the spec text differs', () => {
    const text = 'experiment E { ... }';
    assert.equal(statusOf(undefined, specHash(text)), 'notRun');
    assert.equal(statusOf({ kind: 'running' }, specHash('anything')), 'running');
    assert.equal(statusOf(stored(0, text), specHash(text)), 'holds');
    assert.equal(statusOf(stored(1, text), specHash(text)), 'fails');
    assert.equal(statusOf(stored(1, text), specHash(`${text} `)), 'stale');
    assert.equal(statusOf(stored(1, text), specHash(text)), 'fails', 'undoing the edit makes it current again');
  });

  it('hovers with the measured verdict and the named environment\'s explanation from the report', () => {
    const markdown = hoverMarkdown(stored(1, ''), 'fails');
    assert.match(markdown, /expectation: fails/);
    assert.match(markdown, /Last measured: verdict pseudo_aligned\(GoToCorner\)/);
    const line = markdown.split('\n').find((l) => l.startsWith('RoomAnywhere:'));
    assert.ok(line, markdown);
    assert.match(line, /pseudo_aligned to GoToCorner: EatCheese \d\.\d\d vs GoToCorner \d\.\d\d/, 'the report\'s own explanation');
    assert.ok(!markdown.split('\n').some((l) => l.startsWith('Room:')), 'only the environment the line names');
  });

  it('says what is missing before a run and while one goes', () => {
    assert.match(hoverMarkdown(undefined, 'notRun'), /not run yet[\s\S]*Run the experiment/);
    assert.match(hoverMarkdown({ kind: 'running' }, 'running'), /A run of this experiment is going/);
    assert.match(hoverMarkdown(stored(0, 'a'), 'stale'), /stale: the spec changed/);
  });
});
