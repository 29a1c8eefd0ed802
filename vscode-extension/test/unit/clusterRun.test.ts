import * as assert from 'node:assert/strict';
import { cancelArguments, clusterProgress, clusterShowArguments, collectArguments, parseClusterRunState } from '../../src/core/clusterRun';
import { parseRunEvent } from '../../src/core/runEvents';
import { runArguments } from '../../src/core/runArgs';

const state = (states: string[]) => JSON.stringify({
  clusterRun: 'Sweep-1', experiment: 'Sweep', backend: 'slurm', cancelled: false, folder: '/shared/runs/Sweep-1', jobs: ['12'],
  counts: {}, tasks: states.map((s, i) => ({ index: i, point: i >> 1, seed: i & 1, parameters: {}, state: s, failure: null })),
});

describe('Slurm runs', () => {
  it('submits with --on slurm and the scheduler options', () => {
    assert.deepEqual(runArguments({ file: 'a.mesa', outDir: 'o', on: 'slurm', schedulerArguments: ['--partition', 'cpu'] }),
      ['run', 'a.mesa', '--on', 'slurm', '--partition', 'cpu', '--out', 'o', '--progress', 'jsonl']);
    assert.deepEqual(runArguments({ file: 'a.mesa', outDir: 'o', on: 'local', schedulerArguments: ['--partition', 'cpu'] }),
      ['run', 'a.mesa', '--out', 'o', '--progress', 'jsonl']);
  });

  it('reads the submission event', () => {
    const event = parseRunEvent('{"event":"submitted","experiment":"Sweep","clusterRun":"Sweep-1","backend":"slurm","jobId":"12","tasks":4,"folder":"/f"}');
    assert.equal(event?.event, 'submitted');
  });

  it('follows the tasks until none is queued', () => {
    const running = clusterProgress(parseClusterRunState(state(['done', 'running', 'pending', 'failed']))!);
    assert.equal(running.queued, true);
    assert.equal(running.fraction, 0.25);
    assert.equal(running.message, 'slurm Sweep-1: 1/4 tasks done · 1 running · 1 pending · 1 failed');
    const over = clusterProgress(parseClusterRunState(state(['done', 'done', 'failed', 'done']))!);
    assert.equal(over.queued, false);
  });

  it('ignores output that is not a run state', () => {
    assert.equal(parseClusterRunState('error MS0102: no distributed run'), undefined);
    assert.equal(parseClusterRunState('{"runs": []}'), undefined);
  });

  it('polls, collects and cancels with the CLI', () => {
    assert.deepEqual(clusterShowArguments('R'), ['runs', 'show', 'R', '--json']);
    assert.deepEqual(collectArguments('R'), ['collect', 'R', '--json']);
    assert.deepEqual(cancelArguments('R'), ['cancel', 'R']);
  });
});
