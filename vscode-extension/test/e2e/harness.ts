// Starts code-server (VS Code in a browser: the same workbench and extension host as the desktop
// editor) on loopback with the packaged extension installed, and drives it with Chromium through
// playwright-core. See shared recipe "real VS Code in a test". Everything it needs comes from the
// environment that scripts/test-extension.sh sets up.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Browser, chromium, type Frame, type Page } from 'playwright-core';

export const extensionRoot = path.resolve(__dirname, '..', '..', '..');
export const repoRoot = path.resolve(extensionRoot, '..');
export const artifacts = path.join(extensionRoot, 'test-artifacts');

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the end-to-end tests through scripts/test-extension.sh`);
  return value;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface Session {
  page: Page;
  workspace: string;
  log: () => string;
  close: () => Promise<void>;
}

export interface SessionOptions {
  /**
   * Workspace trust as a user meets it: enabled, with the folder not trusted (restricted mode; no
   * startup prompt, so nothing grants trust behind the test's back). Default: trust disabled, every
   * folder trusted, as the other tests want.
   */
  untrustedFolder?: boolean;
  /** Writes more into the workspace (e.g. .vscode/settings.json) before code-server opens it. */
  prepareWorkspace?: (workspace: string) => void;
}

/** A fresh workspace, user data and extensions folder; code-server with the .vsix; a browser on it. */
export async function startSession(files: Record<string, string>, userSettings: Record<string, unknown>, options: SessionOptions = {}): Promise<Session> {
  const codeServer = required('MESASPEC_CODE_SERVER');
  const vsix = required('MESASPEC_VSIX');
  const browserPath = process.env.MESASPEC_CHROMIUM ?? '/usr/bin/chromium';
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'mesaspec-e2e-'));
  const workspace = path.join(base, 'workspace');
  const userData = path.join(base, 'user-data');
  const extensions = path.join(base, 'extensions');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.mkdirSync(workspace, { recursive: true });
  for (const [name, source] of Object.entries(files)) fs.copyFileSync(source, path.join(workspace, name));
  options.prepareWorkspace?.(workspace);
  const trust = options.untrustedFolder
    ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.banner': 'always' }
    : { 'security.workspace.trust.enabled': false };
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.ignoreRecommendations': true,
    ...trust,
    'window.restoreWindows': 'none',
    'editor.codeLens': true,
    'editor.hover.delay': 200,
    'editor.quickSuggestions': { other: false, comments: false, strings: false },
    'chat.disableAIFeatures': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    ...userSettings,
  }, null, 2));
  fs.mkdirSync(artifacts, { recursive: true });

  execFileSync(codeServer, ['--install-extension', vsix, '--extensions-dir', extensions, '--user-data-dir', userData], { stdio: 'pipe', timeout: 120_000 });
  const port = await freePort();
  let output = '';
  const child: ChildProcess = spawn(codeServer, [
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    ...(options.untrustedFolder ? [] : ['--disable-workspace-trust']), '--user-data-dir', userData, '--extensions-dir', extensions, workspace,
  ], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PASSWORD: undefined } });
  child.stdout?.on('data', (c: Buffer) => { output += c.toString(); });
  child.stderr?.on('data', (c: Buffer) => { output += c.toString(); });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start within 90 s:\n${output}`)), 90_000);
    const check = setInterval(() => {
      if (output.includes('HTTP server listening on')) { clearInterval(check); clearTimeout(timer); resolve(); }
      if (child.exitCode !== null) { clearInterval(check); clearTimeout(timer); reject(new Error(`code-server exited:\n${output}`)); }
    }, 200);
  });

  const browser: Browser = await chromium.launch({
    executablePath: browserPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: `http://127.0.0.1:${port}` });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
  await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
  // Let the workbench settle (extensions restored, welcome closed) before typing into it.
  await page.waitForSelector('.part.statusbar', { timeout: 60_000 });
  return {
    page,
    workspace,
    log: () => output,
    close: async () => {
      await browser.close().catch(() => undefined);
      child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 500));
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(artifacts, `${name}.png`) });
}

/** Runs a command through the command palette, by its title as shown there. */
export async function runCommand(page: Page, title: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
  for (let attempt = 0; ; attempt++) {
    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await input.fill(`>${title}`);
    const shown = await row.waitFor({ state: 'visible', timeout: 15_000 }).then(() => true, (error) => {
      if (attempt >= 1) throw error;
      return false;
    });
    if (shown) break;
    // An editor command (`when: editorLangId == mesaspec`) is listed only while an editor has the focus, which a new
    // window can hand to another part (seen once in CI): give it back to the editor and ask again.
    await page.keyboard.press('Escape');
    await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
  }
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 15_000 }).catch(() => undefined);
}

/** Opens a workspace file through Quick Open and waits for its editor. */
export async function openFile(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(name);
  // Enter only once the filtered list has the file focused, not a recently opened one.
  await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: name }).first().waitFor({ state: 'visible', timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.locator(`.editor-group-container.active .tab.active[aria-label^="${name}"]`).first().waitFor({ state: 'visible', timeout: 15_000 });
  await page.locator('.monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout: 15_000 });
}

/** The editor line (a .view-line element) whose text starts with the given text. */
export function editorLine(page: Page, startsWith: string) {
    // Monaco renders spaces as no-break spaces.
  const pattern = startsWith.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[\\s\\u00a0]');
  return page.locator('.editor-group-container.active .monaco-editor .view-line').filter({ hasText: new RegExp(`^[\\s\\u00a0]*${pattern}`) }).first();
}

/** Moves the cursor to a place in the active editor with Go to Line (line:column, 1-based). */
export async function goTo(page: Page, line: number, column: number): Promise<void> {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 15_000 }).catch(() => undefined);
}

/** The frame of a webview panel whose document contains the selector (webviews are nested iframes). */
export async function webviewFrame(page: Page, selector: string, timeoutMs: number): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      try {
        if (await frame.$(selector)) return frame;
      } catch {
        // a frame that navigated away in between
      }
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`no webview shows ${selector} within ${timeoutMs / 1000} s`);
}

/**
 * Waits until some webview shows an element whose text matches, and returns that frame. The
 * results view re-renders (a new inner document) whenever the report changes, so frames come and
 * go while a run is followed: poll them all rather than hold one.
 */
export async function waitForWebviewText(page: Page, selector: string, pattern: RegExp, timeoutMs: number): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      try {
        const element = await frame.$(selector);
        if (!element) continue;
        last = (await element.textContent()) ?? '';
        if (pattern.test(last)) return frame;
      } catch {
        // detached while we looked
      }
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`no webview shows ${selector} matching ${pattern} within ${timeoutMs / 1000} s (last seen: ${JSON.stringify(last)})`);
}

/** Times the steps of a suite, to print after it: where the end-to-end minutes go. */
export class StepTimings {
  private readonly lines: string[] = [];

  async timed<T>(name: string, action: () => Promise<T>): Promise<T> {
    const started = Date.now();
    try {
      return await action();
    } finally {
      this.lines.push(`${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  }

  print(): void {
    console.log(`\n    timings:\n${this.lines.map((t) => `      ${t}`).join('\n')}`);
  }
}

/** User settings of a session that runs experiments: the CLI under test, one thread, the server of the .vsix (or MESASPEC_SERVER_PATH). */
export function runSettings(): Record<string, unknown> {
  return {
    'mesaspec.cli.path': process.env.MESASPEC_CLI ?? '',
    'mesaspec.run.threads': 1,
    ...(process.env.MESASPEC_SERVER_PATH ? { 'mesaspec.server.path': process.env.MESASPEC_SERVER_PATH } : {}),
  };
}

/**
 * The mocha hooks every suite on one session wants: a screenshot of each failed test (`failed-<prefix><title>`),
 * and at the end a last screenshot, the session closed and the timings printed.
 */
export function sessionHooks(session: () => Session | undefined, timings: StepTimings, prefix = ''): void {
  after(async () => {
    const s = session();
    if (s) {
      await screenshot(s.page, `${prefix}zz-final`).catch(() => undefined);
      await s.close();
    }
    timings.print();
  });

  afterEach(async function () {
    const s = session();
    if (this.currentTest?.state === 'failed' && s) {
      await screenshot(s.page, `failed-${prefix}${this.currentTest.title.replace(/[^a-z0-9]+/gi, '-')}`).catch(() => undefined);
    }
  });
}
