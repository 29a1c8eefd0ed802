import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { snapshotDiff } from '../../src/core/snapshotFiles';

describe('snapshot diff for a failed expectation', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mesaspec-snap-'));
  const spec = path.join(dir, 'cheese.mesa');
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is the verified and the received snapshot beside the spec when they differ', () => {
    fs.writeFileSync(path.join(dir, 'cheese.Exp.verified.json'), '{"verdict": "pseudo_aligned"}');
    fs.writeFileSync(path.join(dir, 'cheese.Exp.received.json'), '{"verdict": "robustly_aligned"}');
    const diff = snapshotDiff(spec, 'Exp');
    assert.ok(diff);
    assert.equal(diff.expected, '{"verdict": "pseudo_aligned"}');
    assert.equal(diff.actual, '{"verdict": "robustly_aligned"}');
    assert.equal(path.basename(diff.verified), 'cheese.Exp.verified.json');
  });

  it('is nothing when they match or one is missing', () => {
    fs.writeFileSync(path.join(dir, 'cheese.Same.verified.json'), '{}');
    fs.writeFileSync(path.join(dir, 'cheese.Same.received.json'), '{}');
    fs.writeFileSync(path.join(dir, 'cheese.New.received.json'), '{}');
    assert.equal(snapshotDiff(spec, 'Same'), undefined);
    assert.equal(snapshotDiff(spec, 'New'), undefined);
  });
});
