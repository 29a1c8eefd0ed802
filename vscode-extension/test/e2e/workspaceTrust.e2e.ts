// Issue 11, item 2, end to end: a folder's .vscode/settings.json names programs for every setting the
// extension starts a program from. Opened untrusted (workspace trust on, restricted mode), none of them may
// ever run; the extension still works from the user's settings and the server inside the .vsix. The control
// opens the same folder with trust off (every folder trusted): there the same settings are used, so the test
// would catch a check that ignored them always, or one that was never applied.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { executableSettings } from '../../src/core/trustedSetting';
import { goTo, openFile, repoRoot, runCommand, screenshot, type Session, startSession } from './harness';

const fixtures = path.join(repoRoot, 'vscode-extension', 'test-fixtures');
const cli = process.env.MESASPEC_CLI ?? '';

/** The workspace's program for each setting: a script that records its arguments in a marker file and fails. */
const planted: Record<(typeof executableSettings)[number], string> = {
  // A .dll, so that once it is used the extension starts it through mesaspec.dotnet.path: both settings show.
  'server.path': 'mesaspec-lsp.dll',
  'dotnet.path': 'dotnet',
  'cli.path': 'mesaspec',
};

function markersOf(workspace: string): string {
  return path.join(path.dirname(workspace), 'markers');
}

/** A folder whose settings point every program setting at a marker-writing script of its own. */
function plantPrograms(workspace: string): void {
  const markers = markersOf(workspace);
  const bin = path.join(workspace, '.programs');
  fs.mkdirSync(bin, { recursive: true });
  fs.mkdirSync(markers, { recursive: true });
  fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
  const settings: Record<string, string> = {};
  for (const [setting, name] of Object.entries(planted)) {
    const script = path.join(bin, name);
    fs.writeFileSync(script, `#!/bin/sh\nprintf '%s\\n' "$*" >> '${path.join(markers, name)}'\nexit 1\n`, { mode: 0o755 });
    settings[`mesaspec.${setting}`] = script;
  }
  fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify(settings, null, 2));
}

/** Which planted programs ran, with the arguments they got. */
function ran(workspace: string): Record<string, string> {
  const markers = markersOf(workspace);
  const result: Record<string, string> = {};
  for (const name of Object.values(planted)) {
    const file = path.join(markers, name);
    if (fs.existsSync(file)) result[name] = fs.readFileSync(file, 'utf8').trim();
  }
  return result;
}

async function waitFor(condition: () => boolean, timeoutMs: number, page: Session['page']): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await page.waitForTimeout(500);
  return condition();
}

const files = {
  'tiny-corner.mesa': path.join(fixtures, 'tiny-corner.mesa'),
  'broken.mesa': path.join(fixtures, 'broken.mesa'),
};
// The user's own settings: the real mesaspec program; the server and dotnet left to the extension.
const userSettings = { 'mesaspec.cli.path': cli, 'mesaspec.run.threads': 1 };

describe('workspace trust: program settings of an untrusted folder never run (code-server)', function () {
  this.timeout(240_000);
  let session: Session | undefined;

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && session) {
      await screenshot(session.page, `failed-trust-${this.currentTest.title.replace(/[^a-z0-9]+/gi, '-')}`).catch(() => undefined);
    }
    await session?.close();
    session = undefined;
  });

  it('plants a program for every program setting', () => {
    assert.deepEqual(Object.keys(planted).sort(), [...executableSettings].sort());
  });

  it('in an untrusted folder, runs none of the folder\'s programs, and works from the bundled server', async () => {
    session = await startSession(files, userSettings, { untrustedFolder: true, prepareWorkspace: plantPrograms });
    const { page, workspace } = session;
    await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ state: 'visible', timeout: 60_000 });

    // The extension activates on the open spec and its server analyses it: the bundled server, started with
    // the dotnet found on PATH, not the folder's.
    await openFile(page, 'broken.mesa');
    await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)');
    const diagnostics = page.locator('.markers-panel .monaco-list-row', { hasText: /MS\d{4}/ }).first();
    for (const deadline = Date.now() + 90_000; Date.now() < deadline && Object.keys(ran(workspace)).length === 0;) {
      if (await diagnostics.isVisible()) break;
      await page.waitForTimeout(500);
    }
    assert.deepEqual(ran(workspace), {}, 'a program named by the untrusted folder ran on activation');
    await diagnostics.waitFor({ state: 'visible', timeout: 10_000 });
    await runCommand(page, 'MesaSpec: Show Server Log');
    await page.locator('.part.panel .view-line', { hasText: 'Starting the language server' }).first().waitFor({ state: 'visible', timeout: 20_000 });
    // The log wraps long lines: put the panel's lines back together in their order on screen.
    const log = (await page.locator('.part.panel .view-lines .view-line').evaluateAll((lines) => lines
      .map((l) => ({ top: parseFloat((l as HTMLElement).style.top || '0'), text: l.textContent ?? '' }))
      .sort((a, b) => a.top - b.top).map((l) => l.text).join(''))).replace(/\u00a0/g, ' ');
    const started = /Starting the language server: (\S+) (\S+?\.dll|\S+)/.exec(log);
    assert.ok(started, `the server log says what it started: ${log}`);
    assert.ok(started[2].startsWith(path.join(path.dirname(workspace), 'extensions') + path.sep) && started[2].endsWith(path.join('server', 'mesaspec-lsp.dll')), `the server inside the extension: ${started[0]}`);
    assert.doesNotMatch(started[1], /\.programs/, `the dotnet found on PATH, not the folder's: ${started[0]}`);
    await screenshot(page, 'trust-01-untrusted-folder-bundled-server');

    // Running is refused, even through the server's Run code lens (the palette command is disabled).
    await openFile(page, 'tiny-corner.mesa');
    const experimentLine = fs.readFileSync(files['tiny-corner.mesa'], 'utf8').split('\n').findIndex((l) => /^experiment /.test(l)) + 1;
    assert.ok(experimentLine > 0);
    await goTo(page, experimentLine, 1);
    const lens = page.locator('.editor-group-container.active .codelens-decoration a', { hasText: /Run/ }).first();
    await lens.waitFor({ state: 'visible', timeout: 60_000 });
    await lens.click();
    await page.locator('.notification-toast', { hasText: 'disabled in an untrusted workspace' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await screenshot(page, 'trust-02-untrusted-run-refused');

    // Long enough for anything started on activation, a restart or the refused run to have written its marker.
    await page.waitForTimeout(15_000);
    assert.deepEqual(ran(workspace), {}, 'a program named by the untrusted folder ran');
  });

  it('control: with the folder trusted (trust off), the same settings are the programs it starts', async () => {
    session = await startSession(files, userSettings, { prepareWorkspace: plantPrograms });
    const { page, workspace } = session;
    await openFile(page, 'tiny-corner.mesa');
    // The server: the folder's .dll through the folder's dotnet.
    assert.ok(await waitFor(() => 'dotnet' in ran(workspace), 90_000, page), `the folder's dotnet started the server: ${JSON.stringify(ran(workspace))}`);
    assert.match(ran(workspace).dotnet, /\.programs\/mesaspec-lsp\.dll/);
    // A run: the folder's mesaspec.
    await runCommand(page, 'MesaSpec: Run Experiment');
    // Its first call may be the run history's (`runs list`, asked on activation to restore the gutter): look for the run.
    assert.ok(await waitFor(() => /^run /m.test(ran(workspace).mesaspec ?? ''), 60_000, page), `the folder's mesaspec ran the experiment: ${JSON.stringify(ran(workspace))}`);
    assert.match(ran(workspace).mesaspec, /^run .*tiny-corner\.mesa/m);
    await screenshot(page, 'trust-03-trusted-folder-uses-its-settings');
  });
});
