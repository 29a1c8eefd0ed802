// Publishes the language server (framework-dependent: runs with `dotnet mesaspec-lsp.dll` with .NET 10) into
// server/, which the .vsix ships. ReadyToRun for linux-x64 (the server's own csproj turns it on for a runtime):
// diagnostics are fast from the first edit instead of after a minute of JIT (bench/README.md). The assemblies keep
// their IL, so on another OS or architecture the precompiled code is skipped and the server JITs as before.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const project = path.join(root, 'src', 'MesaSpec.LanguageServer', 'MesaSpec.LanguageServer.csproj');
const out = path.resolve(here, '..', 'server');
if (!fs.existsSync(project)) {
  if (process.env.MESASPEC_ALLOW_NO_SERVER === '1') {
    console.warn(`warning: ${path.relative(root, project)} does not exist; packaging without a language server`);
    process.exit(0);
  }
  console.error(`error: ${path.relative(root, project)} does not exist, so there is no language server to ship`);
  process.exit(1);
}
fs.rmSync(out, { recursive: true, force: true });
const runtime = process.env.MESASPEC_SERVER_RUNTIME ?? 'linux-x64';
execFileSync('dotnet', ['publish', project, '-c', 'Release', '-r', runtime, '--self-contained', 'false', '-o', out, '--nologo', '-v', 'quiet',
  '-p:UseAppHost=false', '-p:GenerateDocumentationFile=false'], { stdio: 'inherit' });
const dll = path.join(out, 'mesaspec-lsp.dll');
if (!fs.existsSync(dll)) {
  console.error(`error: the publish produced no ${path.relative(root, dll)} (is the server's AssemblyName mesaspec-lsp?)`);
  process.exit(1);
}
for (const file of fs.readdirSync(out)) if (file.endsWith('.pdb')) fs.rmSync(path.join(out, file));
console.log(`language server published to ${path.relative(process.cwd(), out)}`);
