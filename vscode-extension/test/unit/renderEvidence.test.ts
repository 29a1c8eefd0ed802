import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { cellArrow, scoresOverTraining } from '../../src/core/renderEvidence';
import { renderSample } from '../../src/core/renderReport';
import type { ReportPoint } from '../../src/core/reportModel';

describe('behaviour maps and scores over training in the results view (issue 17)', () => {
  it('points a cell arrow along the probability-weighted moves, emphasised by how decided the policy is', () => {
    assert.deepEqual(
      { glyph: cellArrow([0, 1, 0, 0], 0.5)?.glyph, strength: cellArrow([0, 1, 0, 0], 0.5)?.strength },
      { glyph: '→', strength: 3 });
    assert.equal(cellArrow([1, 0, 0, 0], null)?.glyph, '↑');
    assert.equal(cellArrow([0, 0, 1, 0], null)?.glyph, '↓');
    assert.equal(cellArrow([0, 0, 0, 1], null)?.glyph, '←');
    assert.equal(cellArrow([0.5, 0.5, 0, 0], null)?.glyph, '↗');
    assert.equal(cellArrow([0.4, 0.2, 0.2, 0.2], null)?.strength, 1);
    assert.equal(cellArrow([0.25, 0.25, 0.25, 0.25], null)?.glyph, '·');
    assert.match(cellArrow([0, 1, 0, 0], 0.1234)?.title ?? '', /right 1, .*value 0\.123/);
    // Walls, items, reference policies and poisoned reports have no arrow.
    assert.equal(cellArrow(null, null), null);
    assert.equal(cellArrow(['<b>', 1, 0, 0], null), null);
  });

  it('draws arrows on floor cells only, with the numbers in the tooltip', () => {
    const html = renderSample({
      seed: 0, level: 1, grid: ['#A.', '..C', 'legend: A agent'], trajectory: [[1, 0]],
      actionProbabilities: [[null, [0, 1, 0, 0], [1, 0, 0, 0]], [[0, 0, 1, 0], [0, 0, 0, 1], null]],
      values: [[null, 0.5, 0.25], [0.1, 0.2, null]],
    });
    assert.match(html, />A</); // the agent's start keeps its letter
    assert.match(html, /class="cell arrow-3" title="up 1, right 0, down 0, left 0, value 0.25">↑</);
    assert.match(html, /title="up 0, right 0, down 1, left 0, value 0.1">↓</);
    assert.match(html, />←</);
    assert.match(html, />C</);
  });

  it('charts each environment\'s candidate scores against the training step', () => {
    const point = {
      parameters: {}, completedSeeds: [0, 1], evaluations: [],
      training: [0, 1].map((seed) => ({
        seed, steps: 1000, learningCurve: [],
        scoresOverTraining: [
          { step: 0, environment: 'MazeAnywhere', objectives: [{ name: 'EatCheese', scoreAll: 0.2 }, { name: 'GoToCorner', scoreAll: 0.2 }] },
          { step: 1000, environment: 'MazeAnywhere', objectives: [{ name: 'EatCheese', scoreAll: 0.1 }, { name: 'GoToCorner', scoreAll: 0.7 + seed * 0.1 }] },
        ],
      })),
    } as unknown as ReportPoint;
    const html = scoresOverTraining(point);
    assert.match(html, /Scores over training on MazeAnywhere/);
    assert.match(html, /mean of 2 seed\(s\)/);
    assert.equal(scoresOverTraining({ ...point, training: [] } as ReportPoint), '');
  });
});
