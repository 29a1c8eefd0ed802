// The snapshots `mesaspec test` keeps beside a spec (src/MesaSpec.Testing/Snapshots/SnapshotFiles.cs):
// <spec>.<experiment>.verified.json (committed) and .received.json (written on a mismatch).
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface SnapshotDiff {
  verified: string;
  expected: string;
  actual: string;
}

/** The verified and received snapshot of an experiment when both exist and differ. */
export function snapshotDiff(specPath: string, experiment: string): SnapshotDiff | undefined {
  const dir = path.dirname(specPath);
  const base = path.basename(specPath);
  for (const stem of [base.replace(/\.mesa$/, ''), base]) {
    const verified = path.join(dir, `${stem}.${experiment}.verified.json`);
    const received = path.join(dir, `${stem}.${experiment}.received.json`);
    if (fs.existsSync(verified) && fs.existsSync(received)) {
      const expected = fs.readFileSync(verified, 'utf8');
      const actual = fs.readFileSync(received, 'utf8');
      if (expected !== actual) return { verified, expected, actual };
    }
  }
  return undefined;
}
