// Tokenizes every examples/*.mesa with the grammar and checks, per example:
//  1. no token carries an `invalid.*` scope;
//  2. every word outside comments and strings has a role (a scope beyond the
//     meta.* / source.* scopes), so a new keyword the grammar misses shows up here;
//  3. the code's tokens (comments left out) match the committed snapshot grammar/tests/examples/<name>.snap
//     (`node check-examples.mjs --update` rewrites the snapshots after a deliberate change).
// Prints one line per example and a closing "N passed, N failed" line; exits 1 on any failure.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const require = createRequire(path.join(root, 'vscode-extension', 'package.json'));
const textmate = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const update = process.argv.includes('--update');
const grammarPath = path.join(root, 'grammar', 'mesaspec.tmLanguage.json');
const snapshotDir = path.join(here, 'examples');

const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
await oniguruma.loadWASM(wasm);
const registry = new textmate.Registry({
  onigLib: Promise.resolve({
    createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
    createOnigString: (text) => new oniguruma.OnigString(text),
  }),
  loadGrammar: async () => textmate.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath),
});
const grammar = await registry.loadGrammar('source.mesaspec');

const roleless = (scopes) => scopes.every((s) => s === 'source.mesaspec' || s.startsWith('meta.'));

function tokenize(text) {
  const lines = text.split(/\r?\n/);
  let state = textmate.INITIAL;
  const out = [];
  lines.forEach((line, index) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    for (const token of result.tokens) {
      const value = line.slice(token.startIndex, token.endIndex);
      out.push({ line: index + 1, column: token.startIndex + 1, value, scopes: token.scopes });
    }
  });
  return out;
}

// The snapshot holds the code's tokens and their innermost scope, without comments or positions:
// rewording a tutorial comment in an example does not touch it, a grammar change that re-scopes
// code does.
function snapshotOf(tokens) {
  return tokens
    .filter((t) => t.value.trim() !== '' && !t.scopes.some((s) => s.startsWith('comment.')))
    .map((t) => `${JSON.stringify(t.value.trim())} ${t.scopes[t.scopes.length - 1]}`)
    .join('\n') + '\n';
}

const examplesDir = path.join(root, 'examples');
const examples = fs.readdirSync(examplesDir).filter((f) => f.endsWith('.mesa')).sort();
let passed = 0;
let failed = 0;
fs.mkdirSync(snapshotDir, { recursive: true });
for (const file of examples) {
  const tokens = tokenize(fs.readFileSync(path.join(examplesDir, file), 'utf8'));
  const problems = [];
  for (const t of tokens) {
    if (t.scopes.some((s) => s.startsWith('invalid'))) problems.push(`${t.line}:${t.column} invalid token ${JSON.stringify(t.value)}`);
    if (/[A-Za-z_]/.test(t.value) && roleless(t.scopes)) problems.push(`${t.line}:${t.column} ${JSON.stringify(t.value.trim())} has no role (scopes: ${t.scopes.join(' ')})`);
  }
  const snapshot = snapshotOf(tokens);
  const snapPath = path.join(snapshotDir, file.replace(/\.mesa$/, '.snap'));
  if (update) fs.writeFileSync(snapPath, snapshot);
  else if (!fs.existsSync(snapPath)) problems.push(`no snapshot ${path.relative(root, snapPath)} (run with --update)`);
  else if (fs.readFileSync(snapPath, 'utf8') !== snapshot) {
    const expected = fs.readFileSync(snapPath, 'utf8').split('\n');
    const actual = snapshot.split('\n');
    const at = actual.findIndex((l, i) => l !== expected[i]);
    problems.push(`tokens differ from the snapshot at token ${at + 1}:\n      expected ${expected[at]}\n      actual   ${actual[at]}\n      (after a deliberate grammar or example change: node grammar/tests/check-examples.mjs --update)`);
  }
  if (problems.length === 0) {
    passed++;
    console.log(`  ok   ${file} (${tokens.length} tokens)`);
  } else {
    failed++;
    console.log(`  FAIL ${file}`);
    for (const p of problems.slice(0, 20)) console.log(`       ${p}`);
  }
}
console.log(`grammar examples: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
