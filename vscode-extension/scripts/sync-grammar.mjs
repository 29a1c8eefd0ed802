// Copies the grammar and language configuration from ../grammar (their one home) into syntaxes/,
// which the .vsix ships (vsce packs only files inside the extension folder).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const source = path.resolve(here, '..', '..', 'grammar');
const target = path.resolve(here, '..', 'syntaxes');
fs.mkdirSync(target, { recursive: true });
for (const file of ['mesaspec.tmLanguage.json', 'language-configuration.json']) {
  JSON.parse(fs.readFileSync(path.join(source, file), 'utf8')); // refuse to ship a broken file
  fs.copyFileSync(path.join(source, file), path.join(target, file));
}
console.log(`grammar copied to ${path.relative(process.cwd(), target)}`);
