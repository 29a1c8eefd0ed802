import * as assert from 'node:assert/strict';
import { blankCommentsAndStrings, outlineSpec } from '../../src/core/specOutline';
import { experimentTarget } from '../../src/core/commandArguments';
import * as fs from 'node:fs';
import * as path from 'node:path';

describe('spec outline for the Testing panel', () => {
  it('finds each experiment and its expect lines, 0-based', () => {
    const text = [
      'environment E { grid 3 x 3 }',
      'experiment A {',
      '  seeds 1',
      '  expect on E: robustly_aligned  // trailing comment',
      '  expect on E: score(O) > 0.5',
      '}',
      'experiment B(x: int = 1) {',
      '  expect on E where x = 1: pseudo_aligned(O)',
      '}',
    ].join('\n');
    assert.deepEqual(outlineSpec(text), [
      { name: 'A', line: 1, expectations: [{ line: 3, text: 'expect on E: robustly_aligned' }, { line: 4, text: 'expect on E: score(O) > 0.5' }] },
      { name: 'B', line: 6, expectations: [{ line: 7, text: 'expect on E where x = 1: pseudo_aligned(O)' }] },
    ]);
  });

  it('ignores braces and keywords in comments and strings', () => {
    const text = [
      '/* experiment Fake {',
      '  expect on X: robustly_aligned }',
      '*/',
      'environment L { layout { "{#}" } }',
      '// experiment AlsoFake {',
      'experiment Real {',
      '  expect on L: robustly_aligned',
      '}',
    ].join('\n');
    assert.deepEqual(outlineSpec(text).map((e) => [e.name, e.expectations.length]), [['Real', 1]]);
  });

  it('keeps offsets when blanking', () => {
    const text = 'a /* b\n c */ "d\\"e" // f\ng';
    const blank = blankCommentsAndStrings(text);
    assert.equal(blank.length, text.length);
    assert.equal(blank.split('\n').length, text.split('\n').length);
    assert.match(blank, /^a {5}\n {6}"    " {5}\ng$/);
  });

  it('outlines every example with at least one expectation per experiment', () => {
    const examples = path.join(__dirname, '..', '..', '..', '..', 'examples');
    for (const file of fs.readdirSync(examples).filter((f) => f.endsWith('.mesa'))) {
      const outline = outlineSpec(fs.readFileSync(path.join(examples, file), 'utf8'));
      assert.ok(outline.length >= 1, `${file} has an experiment`);
      for (const experiment of outline) assert.ok(experiment.expectations.length >= 1, `${file}: ${experiment.name} has expectations`);
    }
  });
});

describe('arguments of the server\'s commands', () => {
  it('accepts [uri, name], [{uri, experiment}] and [{textDocument, name}]', () => {
    assert.deepEqual(experimentTarget(['file:///w/a.mesa', 'Exp']), { uri: 'file:///w/a.mesa', experiment: 'Exp' });
    assert.deepEqual(experimentTarget([{ uri: 'file:///w/a.mesa', experiment: 'Exp' }]), { uri: 'file:///w/a.mesa', experiment: 'Exp' });
    assert.deepEqual(experimentTarget([{ textDocument: { uri: 'file:///a.mesa' }, name: 'E' }]), { uri: 'file:///a.mesa', experiment: 'E' });
    assert.deepEqual(experimentTarget([]), {});
  });
});
