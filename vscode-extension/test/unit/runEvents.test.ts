import * as assert from 'node:assert/strict';
import { LineSplitter, parseRunEvent, RunProgress } from '../../src/core/runEvents';
import { acceptSnapshotArguments, runArguments, runFolderName } from '../../src/core/runArgs';

describe('run events', () => {
  it('parses the JSON lines of mesaspec run --progress jsonl and ignores other output', () => {
    assert.deepEqual(parseRunEvent('{"event":"seed","point":0,"points":1,"seed":2}'), { event: 'seed', point: 0, points: 1, seed: 2 });
    assert.equal(parseRunEvent('warning: something'), undefined);
    assert.equal(parseRunEvent('{"event":"unknown"}'), undefined);
    assert.equal(parseRunEvent('{"event":'), undefined);
  });

  it('splits chunks into whole lines', () => {
    const splitter = new LineSplitter();
    assert.deepEqual(splitter.push('{"a":1}\n{"b"'), ['{"a":1}']);
    assert.deepEqual(splitter.push(':2}\r\n'), ['{"b":2}']);
    assert.deepEqual(splitter.push('tail'), []);
    assert.deepEqual(splitter.flush(), ['tail']);
  });

  it('reports the fraction done once the number of seeds is known', () => {
    const progress = new RunProgress();
    progress.apply({ event: 'seed', point: 0, points: 1, seed: 0 });
    progress.apply({ event: 'progress', point: 0, seed: 0, step: 500, totalSteps: 1000, meanReturn: 0.25, stepsPerSecond: 4000 });
    assert.equal(progress.fraction, undefined);
    assert.match(progress.message, /seed 0 · step 500\/1k · 4k steps\/s · return 0.25/);
    progress.apply({ event: 'report', status: 'running', seedsDone: 1, seedsTotal: 3 });
    assert.equal(progress.fraction, 1 / 3);
    progress.apply({ event: 'seed', point: 0, points: 1, seed: 1 });
    progress.apply({ event: 'progress', point: 0, seed: 1, step: 500, totalSteps: 1000, meanReturn: null, stepsPerSecond: 4000 });
    assert.equal(progress.fraction, 1.5 / 3);
    assert.match(progress.message, /1\/3 seeds done/);
  });

  it('knows the total from --seeds, times the sweep points', () => {
    const progress = new RunProgress(2);
    progress.apply({ event: 'seed', point: 0, points: 3, seed: 0 });
    progress.apply({ event: 'progress', point: 0, seed: 0, step: 3, totalSteps: 6, meanReturn: null, stepsPerSecond: 1 });
    assert.equal(progress.fraction, 0.5 / 6);
    assert.match(progress.message, /point 1\/3/);
  });
});

describe('command lines', () => {
  it('runs one experiment with JSON lines progress into the given folder', () => {
    assert.deepEqual(runArguments({ file: '/w/a.mesa', experiment: 'E', seeds: 1, threads: 2, outDir: '/w/runs/E-1' }),
      ['run', '/w/a.mesa', '--experiment', 'E', '--seeds', '1', '--threads', '2', '--out', '/w/runs/E-1', '--progress', 'jsonl']);
  });

  it('leaves out the spec\'s own settings when none are set', () => {
    assert.deepEqual(runArguments({ file: 'a.mesa', seeds: null, outDir: 'o' }), ['run', 'a.mesa', '--out', 'o', '--progress', 'jsonl']);
  });

  it('accepts snapshots with mesaspec test --accept', () => {
    assert.deepEqual(acceptSnapshotArguments('/w/a.mesa'), ['test', '--accept', '/w/a.mesa']);
  });

  it('names a run folder after the experiment and the time, safe for any file system', () => {
    assert.equal(runFolderName('Cheese In/Corner', new Date(2026, 10, 29, 17, 5, 9)), 'Cheese_In_Corner-20261129-170509');
  });
});
