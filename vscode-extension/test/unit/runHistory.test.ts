import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { compareArguments, deleteArguments, groupRuns, lastReports, listArguments, parseRunList, reportJsonOf, runOutcome, startedText } from '../../src/core/runHistory';

// `mesaspec runs list --json` as the CLI prints it (MesaSpec.History.RunSummary through ReportJson).
const listed = JSON.stringify([
  { id: 3, experiment: 'TinyCorner', specPath: '/w/tiny.mesa', specSha256: 'a', policySource: 'oracle(GoToCorner)', status: 'finished', passed: false,
    startedAt: '2026-12-04T21:30:00+00:00', updatedAt: '2026-12-04T21:30:05+00:00', durationSeconds: 4.6, verdicts: 'Room: indistinguishable; RoomAnywhere: pseudo_aligned(GoToCorner)', outputDirectory: '/w/runs/c' },
  { id: 2, experiment: 'Other', specPath: '/w/tiny.mesa', specSha256: 'a', policySource: 'random', status: 'cancelled', passed: null,
    startedAt: '2026-12-04T21:20:00+00:00', updatedAt: '2026-12-04T21:20:05+00:00', durationSeconds: null, verdicts: '', outputDirectory: null },
  { id: 1, experiment: 'TinyCorner', specPath: 'specs/a.mesa', specSha256: 'b', policySource: 'random', status: 'finished', passed: true,
    startedAt: '2026-12-04T21:10:00+00:00', updatedAt: '2026-12-04T21:10:05+00:00', durationSeconds: 1, verdicts: 'Room: robustly_aligned', outputDirectory: 'runs/a' },
]);

describe('run history (runs list --json)', () => {
  const runs = parseRunList(listed, '/w');

  it('reads every run, paths resolved against the folder the list was asked in', () => {
    assert.deepEqual(runs.map((r) => r.id), [3, 2, 1]);
    assert.equal(runs[2].specPath, path.resolve('/w', 'specs/a.mesa'));
    assert.equal(reportJsonOf(runs[2]), path.join('/w', 'runs', 'a', 'report.json'));
    assert.equal(reportJsonOf(runs[1]), undefined, 'no output folder, no report');
    assert.equal(runs[0].folder, '/w');
  });

  it('refuses output that is not the list', () => {
    assert.throws(() => parseRunList('{"id":1}', '/w'), /did not print a list/);
    assert.throws(() => parseRunList('no runs recorded yet', '/w'));
  });

  it('groups by spec, then experiment, newest first, and lists a run asked for in two folders once', () => {
    const groups = groupRuns([...runs, ...parseRunList(listed, '/w')]);
    assert.deepEqual(groups.map((g) => g.specPath), ['/w/specs/a.mesa', '/w/tiny.mesa']);
    assert.deepEqual(groups[1].experiments.map((e) => [e.experiment, e.runs.map((r) => r.id)]), [['Other', [2]], ['TinyCorner', [3]]]);
  });

  it('restores, per spec and experiment, the newest finished run that left a report', () => {
    // A newer cancelled run of TinyCorner checked nothing: the finished one before it is the last result.
    const cancelledLater = parseRunList(JSON.stringify([{ id: 4, experiment: 'TinyCorner', specPath: '/w/tiny.mesa', status: 'cancelled', passed: null,
      startedAt: '2026-12-04T21:40:00+00:00', verdicts: '', outputDirectory: '/w/runs/d' }]), '/w');
    assert.deepEqual(lastReports([...runs, ...cancelledLater]), [
      { specPath: path.resolve('/w', 'specs/a.mesa'), experiment: 'TinyCorner', reportPath: path.join('/w', 'runs', 'a', 'report.json') },
      { specPath: '/w/tiny.mesa', experiment: 'TinyCorner', reportPath: path.join('/w', 'runs', 'c', 'report.json') },
    ]);
  });

  it('says the outcome: expectations held or failed, else the status', () => {
    assert.deepEqual(runs.map(runOutcome), ['expectation failed', 'cancelled', 'expectations hold']);
  });

  it('writes the start in local time as runs list does', () => {
    const local = new Date(2026, 11, 4, 9, 5);
    assert.equal(startedText({ ...runs[0], startedAt: local.toISOString() }), '2026-12-04 09:05');
    assert.equal(startedText({ ...runs[0], startedAt: 'garbled' }), 'garbled');
  });

  it('asks the CLI: list as JSON, compare the older run first into a page, delete by id', () => {
    assert.deepEqual(listArguments(), ['runs', 'list', '--json', '--limit', '200']);
    assert.deepEqual(compareArguments(runs[0], runs[2], '/tmp/c.html'), ['runs', 'compare', '1', '3', '--out', '/tmp/c.html']);
    assert.deepEqual(compareArguments(runs[2], runs[0], '/tmp/c.html'), ['runs', 'compare', '1', '3', '--out', '/tmp/c.html']);
    assert.deepEqual(deleteArguments(runs[1]), ['runs', 'delete', '2']);
  });
});
