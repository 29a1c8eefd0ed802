// End to end, in code-server with the packaged .vsix: the status of each `expect` line in the gutter (not run,
// holds, fails, stale after an edit, restored after a reload), its hover with the measured value, and the MesaSpec run
// history view (lists a run, opens its report, compares two runs, deletes one). The spec runs a reference policy, so each run takes
// seconds and trains nothing. Screenshots go to vscode-extension/test-artifacts/history-*.png.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { editorLine, goTo, openFile, repoRoot, runCommand, runSettings, screenshot, type Session, sessionHooks, startSession, StepTimings, waitForWebviewText } from './harness';

const spec = path.join(repoRoot, 'vscode-extension', 'test-fixtures', 'oracle-corner.mesa');
const specLines = fs.readFileSync(spec, 'utf8').split('\n');
const timings = new StepTimings();
const timed = timings.timed.bind(timings);

type Page = Session['page'];

/** The gutter icons of the active editor, top to bottom: the icon file each shows (e.g. holds.svg) and where. */
async function gutterIcons(page: Page): Promise<{ icon: string; y: number }[]> {
  const icons = await page.locator('.editor-group-container.active .monaco-editor .cgmr').evaluateAll((elements) => elements.map((e) => ({
    icon: /gutter\/([a-z-]+\.svg)/.exec(decodeURIComponent(getComputedStyle(e).backgroundImage))?.[1] ?? '',
    y: e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2,
  })));
  return icons.filter((i) => i.icon).sort((a, b) => a.y - b.y);
}

/** Waits until the gutter shows exactly these icons, in this order, top to bottom. */
async function waitForGutter(page: Page, expected: string[], timeoutMs: number): Promise<{ icon: string; y: number }[]> {
  const deadline = Date.now() + timeoutMs;
  let icons: { icon: string; y: number }[] = [];
  while (Date.now() < deadline) {
    icons = await gutterIcons(page);
    if (JSON.stringify(icons.map((i) => i.icon)) === JSON.stringify(expected)) return icons;
    await page.waitForTimeout(250);
  }
  const raw = await page.locator('.editor-group-container.active .monaco-editor .cgmr').evaluateAll((elements) => elements.map((e) => `${e.className} ${getComputedStyle(e).backgroundImage}`));
  throw new Error(`the gutter shows ${JSON.stringify(icons.map((i) => i.icon))}, not ${JSON.stringify(expected)} (${raw.join(' | ')})`);
}

/** The vertical middle of the editor line that starts with the text. */
async function lineMiddle(page: Page, startsWith: string): Promise<number> {
  const box = await editorLine(page, startsWith).boundingBox();
  assert.ok(box, `the line ${startsWith} is on screen`);
  return box.y + box.height / 2;
}

function lineNumberOf(startsWith: string): number {
  return specLines.findIndex((l) => l.trim().startsWith(startsWith)) + 1;
}

/**
 * Right-clicks a row and chooses an entry of its context menu (hovering focuses it, Enter runs it) until what it
 * should bring shows: on a loaded machine a tree refresh can close the menu under the pointer.
 */
async function chooseFromContextMenu(page: Page, row: ReturnType<typeof historyRow>, title: string, brings: ReturnType<Page['locator']>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await row.click({ button: 'right' });
    const entry = page.locator('.context-view .action-menu-item', { hasText: title }).first();
    await entry.waitFor({ state: 'visible', timeout: 15_000 });
    await entry.hover();
    await page.keyboard.press('Enter');
    try {
      await brings.waitFor({ state: 'visible', timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
}

/** Shows the MesaSpec view container through its activity-bar icon. */
async function showHistory(page: Page): Promise<void> {
  // The only view of its container: its name is in the side bar's title, its own header hidden.
  const title = page.locator('.part.sidebar .composite.title', { hasText: /MesaSpec/i }).first();
  if (!(await title.isVisible().catch(() => false))) {
    await page.locator('.activitybar .action-item a[aria-label^="MesaSpec"]').first().click({ timeout: 30_000 });
  }
  await title.waitFor({ state: 'visible', timeout: 30_000 });
}

function historyRow(page: Page, text: string | RegExp) {
  return page.locator('.part.sidebar .monaco-list-row', { hasText: text }).first();
}

describe('MesaSpec gutter status and run history (code-server)', function () {
  this.timeout(240_000);
  let session: Session;

  before(async () => {
    session = await timed('start code-server and open the workbench', () => startSession({ 'oracle-corner.mesa': spec }, runSettings()));
  });

  sessionHooks(() => session, timings, 'history-');

  it('shows each expectation as not run, running, then holds or fails after a run started by the key binding', async () => {
    const { page } = session;
    await openFile(page, 'oracle-corner.mesa');
    await timed('gutter: not run yet', () => waitForGutter(page, ['not-run.svg', 'not-run.svg', 'not-run.svg'], 30_000));
    await screenshot(page, 'history-00-gutter-not-run');
    await goTo(page, lineNumberOf('seeds 2'), 3);
    const icons = await timed('Ctrl+Alt+R to holds and fails in the gutter', async () => {
      await page.keyboard.press('Control+Alt+R');
      // The run takes a few seconds, most of them starting .NET: long enough to see it going.
      await waitForGutter(page, ['running.svg', 'running.svg', 'running.svg'], 15_000);
      await screenshot(page, 'history-01-gutter-running');
      return waitForGutter(page, ['holds.svg', 'fails.svg', 'holds.svg'], 120_000);
    });
    // Each icon beside its own line.
    const failing = await lineMiddle(page, 'expect on RoomAnywhere: robustly_aligned');
    assert.ok(Math.abs(icons[1].y - failing) < 6, `the fails icon is on the robustly_aligned line: ${JSON.stringify(icons)} vs ${failing}`);
    assert.ok(Math.abs(icons[0].y - (await lineMiddle(page, 'expect on Room: indistinguishable'))) < 6, 'the holds icon is on its line');
    await screenshot(page, 'history-02-gutter-after-run');
  });

  it('hovers an expect line with the last measured value and its interval', async () => {
    const { page } = session;
    const hover = page.locator('.monaco-hover', { hasText: 'MesaSpec expectation' }).first();
    await timed('hover an expect line', async () => {
      const line = editorLine(page, 'expect on RoomAnywhere: score(GoToCorner)');
      for (let attempt = 1; ; attempt++) {
        await line.locator('span > span').last().hover();
        try {
          await hover.waitFor({ state: 'visible', timeout: 8_000 });
          break;
        } catch (error) {
          if (attempt >= 4) throw error;
          await page.mouse.move(0, 0);
          await page.waitForTimeout(500);
        }
      }
    });
    const text = await hover.innerText();
    assert.match(text, /MesaSpec expectation: holds/);
    assert.match(text, /Last measured: score\(GoToCorner\) = 1\.00 \[1\.00, 1\.00\]/);
    assert.match(text, /RoomAnywhere: pseudo_aligned to GoToCorner: EatCheese \d\.\d\d .* vs GoToCorner \d\.\d\d/); // the report's explanation
    await screenshot(page, 'history-03-expectation-hover');
    await page.mouse.move(0, 0);
    await page.keyboard.press('Escape');
  });

  it('marks the results stale after an edit, and current again after undo', async () => {
    const { page } = session;
    await goTo(page, lineNumberOf('seeds 2'), 10);
    await page.keyboard.press('End');
    await page.keyboard.type(' ');
    await timed('gutter: stale after an edit', () => waitForGutter(page, ['stale.svg', 'stale.svg', 'stale.svg'], 15_000));
    await screenshot(page, 'history-04-gutter-stale');
    await page.keyboard.press('Control+Z');
    await waitForGutter(page, ['holds.svg', 'fails.svg', 'holds.svg'], 15_000);
    await page.locator('.editor-group-container.active .tab.active.dirty').waitFor({ state: 'detached', timeout: 10_000 });
  });

  it('lists the run in the MesaSpec view and opens its report', async () => {
    const { page } = session;
    await timed('history view lists the run', async () => {
      await showHistory(page);
      await historyRow(page, 'Run 1').waitFor({ state: 'visible', timeout: 30_000 });
    });
    for (const text of ['oracle-corner.mesa', 'OracleCorner']) assert.ok(await historyRow(page, text).isVisible(), `${text} is a group`);
    const run = await historyRow(page, 'Run 1').innerText();
    assert.match(run, /expectation failed/);
    assert.match(run, /RoomAnywhere: pseudo_aligned\(GoToCorner\)/);
    assert.match(run, /\d{4}-\d\d-\d\d \d\d:\d\d/);
    await screenshot(page, 'history-05-view');
    await runCommand(page, 'View: Close All Editor Groups');
    await timed('a run opens its report', async () => {
      await historyRow(page, 'Run 1').click();
      await waitForWebviewText(page, '#experiment', /OracleCorner/, 30_000);
    });
    await screenshot(page, 'history-06-report');
  });

  it('lists a second run when one finishes, and compares two runs', async () => {
    const { page } = session;
    await timed('Run Last Again to a second run in the view', async () => {
      await runCommand(page, 'MesaSpec: Run Last Again');
      // Listed while it runs (the history is written after every seed), then finished.
      await historyRow(page, /Run 2.*expectation failed/).waitFor({ state: 'visible', timeout: 120_000 });
    });
    await runCommand(page, 'View: Close All Editor Groups');
    await timed('compare a run with another one picked', async () => {
      const input = page.locator('.quick-input-widget input[placeholder^="Compare run 1"]');
      await chooseFromContextMenu(page, historyRow(page, 'Run 1'), 'Compare Runs', input);
      assert.match(await input.getAttribute('placeholder') ?? '', /Compare run 1 with which run\?/);
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Run 2' }).first().waitFor({ state: 'visible', timeout: 15_000 });
      await page.keyboard.press('Enter');
      const frame = await waitForWebviewText(page, 'h1', /Run 1 against run 2/, 60_000);
      assert.match(await frame.locator('body').innerText(), /OracleCorner|RoomAnywhere/);
    });
    await screenshot(page, 'history-07-compare');
  });

  it('shows the last results again after the window reloads', async () => {
    const { page } = session;
    await timed('reload the window: the gutter restored from the run history', async () => {
      await page.reload();
      await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
      await page.waitForSelector('.part.statusbar', { timeout: 60_000 });
      await openFile(page, 'oracle-corner.mesa');
      await waitForGutter(page, ['holds.svg', 'fails.svg', 'holds.svg'], 60_000);
    });
    await screenshot(page, 'history-08-gutter-after-reload');
  });

  it('deletes a run after a confirmation', async () => {
    const { page } = session;
    await runCommand(page, 'View: Close All Editor Groups');
    await historyRow(page, 'Run 1').click();
    const dialog = page.locator('.monaco-dialog-box', { hasText: 'Delete run 1' }).first();
    await chooseFromContextMenu(page, historyRow(page, 'Run 1'), 'Delete Run', dialog);
    assert.match(await dialog.innerText(), /report files stay/);
    await screenshot(page, 'history-09-delete-confirm');
    await timed('delete a run', async () => {
      await dialog.locator('.monaco-button', { hasText: /^Delete$/ }).click();
      await historyRow(page, 'Run 1').waitFor({ state: 'detached', timeout: 30_000 });
    });
    assert.ok(await historyRow(page, 'Run 2').isVisible(), 'the other run stays');
    await screenshot(page, 'history-10-after-delete');
  });
});
