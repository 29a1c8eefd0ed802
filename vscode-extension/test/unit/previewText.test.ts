import * as assert from 'node:assert/strict';
import { previewText } from '../../src/core/previewText';

describe('environment preview text', () => {
  it('lays out the definition and each sampled level', () => {
    const text = previewText({ environment: 'Maze', definition: 'environment Maze {\n  grid 3 x 3\n}', levels: ['#A#\n..c\n', '#.#\nA.c'] });
    assert.equal(text, 'Environment Maze: 2 sampled levels\n\nenvironment Maze {\n  grid 3 x 3\n}\n\nLevel 1\n#A#\n..c\n\nLevel 2\n#.#\nA.c\n');
  });

  it('passes plain text through and shows nothing for nothing', () => {
    assert.equal(previewText('levels'), 'levels');
    assert.equal(previewText(null), '');
  });
});
