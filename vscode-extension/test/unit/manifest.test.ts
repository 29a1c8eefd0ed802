import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { executableSettings } from '../../src/core/trustedSetting';

// The manifest and the code must agree: every contributed command is registered, none collides
// with a command the language server advertises (vscode-languageclient registers those itself).
const root = path.join(__dirname, '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
// Commands are registered in extension.ts and in the files of the features they belong to (the history view).
const extensionSource = (fs.readdirSync(path.join(root, 'src'), { recursive: true }) as string[])
  .filter((f) => f.endsWith('.ts')).map((f) => fs.readFileSync(path.join(root, 'src', f), 'utf8')).join('\n');
const serverCommands = ['mesaspec.run', 'mesaspec.checkExpectations', 'mesaspec.openReport', 'mesaspec.previewEnvironment'];

describe('extension manifest', () => {
  const commands: string[] = manifest.contributes.commands.map((c: { command: string }) => c.command);

  it('registers every contributed command in the code', () => {
    for (const command of commands) assert.ok(extensionSource.includes(`'${command}'`), `${command} is registered`);
  });

  it('uses no command id the language server registers', () => {
    for (const command of commands) assert.ok(!serverCommands.includes(command), `${command} collides with the server`);
  });

  it('offers the commands the issue asks for', () => {
    const titles = manifest.contributes.commands.map((c: { title: string }) => c.title);
    for (const title of ['Run Experiment', 'Check Expectations', 'Accept Snapshot', 'Open Report', 'Preview Environment', 'Restart Server', 'Run Last Again', 'Compare Runs', 'Delete Run']) assert.ok(titles.includes(title), title);
  });

  it('has a MesaSpec activity-bar view with the run history, and its run actions', () => {
    const container = manifest.contributes.viewsContainers.activitybar.find((c: { id: string }) => c.id === 'mesaspec');
    assert.ok(container && fs.existsSync(path.join(root, container.icon)), 'the container and its icon');
    assert.deepEqual(manifest.contributes.views.mesaspec.map((v: { id: string }) => v.id), ['mesaspec.history']);
    const itemMenu: { command: string; when: string }[] = manifest.contributes.menus['view/item/context'];
    for (const command of ['mesaspec.history.openReport', 'mesaspec.history.compare', 'mesaspec.history.rerun', 'mesaspec.history.delete']) {
      assert.ok(itemMenu.some((m) => m.command === command && m.when.includes('view == mesaspec.history')), `${command} on a run`);
    }
  });

  it('has icons for the extension, .mesa files and the gutter, all in the package', () => {
    const ignore = fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8');
    assert.match(manifest.icon, /\.png$/, 'the Marketplace takes a PNG');
    const files = [manifest.icon, manifest.contributes.languages[0].icon.light, manifest.contributes.languages[0].icon.dark,
      ...['not-run', 'running', 'holds', 'fails', 'stale'].map((s) => `media/gutter/${s}.svg`)];
    for (const file of files) assert.ok(fs.existsSync(path.join(root, file)), file);
    assert.match(ignore, /^!images\/icon\.png$/m);
    assert.match(ignore, /^!media\/\*\*$/m);
  });

  it('binds a key to Run Experiment in a spec, and names a real repository', () => {
    const binding = manifest.contributes.keybindings.find((k: { command: string }) => k.command === 'mesaspec.editor.runExperiment');
    assert.ok(binding?.key && /editorLangId == mesaspec/.test(binding.when), JSON.stringify(binding));
    assert.match(manifest.repository.url, /^https:\/\/github\.com\/[^/]+\/[^/]+\.git$/);
  });

  it('disables running in untrusted workspaces and protects the program paths', () => {
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, ['mesaspec.server.path', 'mesaspec.cli.path', 'mesaspec.dotnet.path']);
    const run = manifest.contributes.commands.find((c: { command: string }) => c.command === 'mesaspec.editor.runExperiment');
    assert.equal(run.enablement, 'isWorkspaceTrusted');
  });

  it('restricts every setting that names a program (issue 11, item 2)', () => {
    const restricted: string[] = manifest.capabilities.untrustedWorkspaces.restrictedConfigurations;
    const programSettings = Object.entries(manifest.contributes.configuration.properties as Record<string, { markdownDescription?: string }>)
      .filter(([, p]) => /path to the|executable|program/i.test(p.markdownDescription ?? ''))
      .map(([key]) => key);
    assert.ok(programSettings.length >= 3, programSettings.join(', '));
    for (const key of programSettings) assert.ok(restricted.includes(key), `${key} names a program but is not restricted`);
    for (const key of executableSettings) assert.ok(restricted.includes(`mesaspec.${key}`), `${key} is read as a program path but is not restricted`);
  });

  it('has the settings for the server, the CLI, seeds and threads', () => {
    for (const key of ['mesaspec.server.path', 'mesaspec.cli.path', 'mesaspec.run.seeds', 'mesaspec.run.threads', 'mesaspec.run.on', 'mesaspec.run.slurm.arguments']) assert.ok(manifest.contributes.configuration.properties[key], key);
  });

  it('ships the grammar of ../grammar and valid snippets', () => {
    const grammar = JSON.parse(fs.readFileSync(path.join(root, '..', 'grammar', 'mesaspec.tmLanguage.json'), 'utf8'));
    assert.equal(manifest.contributes.grammars[0].scopeName, grammar.scopeName);
    const snippets = JSON.parse(fs.readFileSync(path.join(root, 'snippets', 'mesaspec.json'), 'utf8'));
    assert.ok(Object.keys(snippets).length >= 5);
    for (const [name, snippet] of Object.entries(snippets) as [string, { prefix: string; body: string[] }][]) {
      assert.ok(snippet.prefix && snippet.body.length > 0, name);
    }
  });
});
