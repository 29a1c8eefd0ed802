// End to end, in a real VS Code (code-server) with the packaged .vsix: what a user sees when they
// open specs, edit them, run an experiment and look at its expectations. Screenshots of every
// step go to vscode-extension/test-artifacts/.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { editorLine, goTo, openFile, repoRoot, runCommand, runSettings, screenshot, type Session, sessionHooks, startSession, StepTimings, waitForWebviewText, webviewFrame } from './harness';

const fixtures = path.join(repoRoot, 'vscode-extension', 'test-fixtures');
const timings = new StepTimings();
const timed = timings.timed.bind(timings);

/** Shows the Testing view through its activity-bar icon (its commands exist only once it was shown). */
async function focusTesting(page: Session['page']): Promise<void> {
  if (await page.locator('.test-explorer').first().isVisible().catch(() => false)) return;
  await page.locator('.activitybar .action-item a[aria-label^="Testing"]').first().click({ timeout: 30_000 });
  await page.locator('.test-explorer').first().waitFor({ state: 'visible', timeout: 30_000 });
}

/** Opens the Testing view and expands tiny-corner.mesa > TinyCorner so its expectations show. */
async function showTinyCornerTests(page: Session['page']): Promise<void> {
  await focusTesting(page);
  const rows = page.locator('.test-explorer .monaco-list-row');
  const fileRow = rows.filter({ hasText: 'tiny-corner.mesa' }).first();
  await fileRow.waitFor({ state: 'visible', timeout: 30_000 });
  for (const row of [fileRow, rows.filter({ hasText: 'TinyCorner' }).first()]) {
    await row.waitFor({ state: 'visible', timeout: 10_000 });
    if ((await row.getAttribute('aria-expanded')) !== 'true') {
      await row.click();
      await page.keyboard.press('ArrowRight');
    }
  }
  await rows.filter({ hasText: 'on RoomAnywhere: robustly_aligned' }).first().waitFor({ state: 'visible', timeout: 10_000 });
}

describe('MesaSpec in VS Code (code-server)', function () {
  this.timeout(240_000);
  let session: Session;

  before(async () => {
    session = await timed('start code-server and open the workbench', () => startSession({
      'cheese-in-the-corner.mesa': path.join(repoRoot, 'examples', 'cheese-in-the-corner.mesa'),
      'tiny-corner.mesa': path.join(fixtures, 'tiny-corner.mesa'),
      'broken.mesa': path.join(fixtures, 'broken.mesa'),
    }, runSettings()));
  });

  sessionHooks(() => session, timings);

  it('colours a spec with the TextMate grammar', async () => {
    const { page } = session;
    await timed('open a spec, highlighted', () => openFile(page, 'cheese-in-the-corner.mesa'));
    const line = editorLine(page, 'environment Maze(');
    await line.waitFor({ state: 'visible', timeout: 20_000 });
    const readTokens = () => line.locator('span > span').evaluateAll((spans) => spans.map((s) => ({
      text: (s.textContent ?? '').trim(), cls: s.className, colour: getComputedStyle(s).color,
    })));
    // On a cold start (fresh clone, first activation) the grammar arrives after the first paint: the line is
    // shown as plain text first and re-tokenized a moment later, so wait for the keyword to become a token.
    let tokens = await readTokens();
    for (const started = Date.now(); !tokens.some((t) => t.text === 'environment') && Date.now() - started < 30_000;) {
      await page.waitForTimeout(500);
      tokens = await readTokens();
    }
    const token = (text: string) => tokens.find((t) => t.text === text);
    const keyword = token('environment');
    const name = token('Maze');
    const type = token('int');
    const number = token('1');
    assert.ok(keyword && name && type && number, `tokens of the line: ${JSON.stringify(tokens)}`);
    const colours = new Set([keyword.colour, name.colour, type.colour, number.colour]);
    assert.ok(colours.size >= 3, `keyword, name, type and number get distinct colours: ${JSON.stringify(tokens)}`);
    const comment = editorLine(page, '// Cheese in the corner').locator('span > span').first();
    const commentColour = await comment.evaluate((s) => getComputedStyle(s).color);
    assert.ok(!colours.has(commentColour), 'comments have their own colour');
    await screenshot(page, '01-highlighting');
  });

  it('lists every expectation in the Testing panel', async () => {
    const { page } = session;
    await timed('show the expectations in the Testing panel', async () => {
      await focusTesting(page);
      await page.locator('.test-explorer .monaco-list-row', { hasText: 'cheese-in-the-corner.mesa' }).first().waitFor({ state: 'visible', timeout: 30_000 });
      await showTinyCornerTests(page);
    });
    await screenshot(page, '02-testing-panel');
  });

  it('shows the diagnostics of a broken spec in the Problems panel', async () => {
    const { page } = session;
    await openFile(page, 'broken.mesa');
    await timed('diagnostics of a broken file in Problems', async () => {
      await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)');
      const problem = page.locator('.markers-panel .monaco-list-row', { hasText: /MS\d{4}/ }).first();
      await problem.waitFor({ state: 'visible', timeout: 60_000 });
      const text = await page.locator('.markers-panel').innerText();
      assert.match(text, /Missing/, `the unknown objective is reported: ${text}`);
    });
    await screenshot(page, '03-problems');
  });

  it('explains a keyword on hover', async () => {
    const { page } = session;
    await openFile(page, 'cheese-in-the-corner.mesa');
    await timed('hover', async () => {
      const lineNumber = fs.readFileSync(path.join(repoRoot, 'examples', 'cheese-in-the-corner.mesa'), 'utf8').split('\n').findIndex((l) => /^\s*mesa objective/.test(l)) + 1;
      await goTo(page, lineNumber, 1);
      // Adjacent tokens of one colour share a span ("mesa objective"): hover over the first letters.
      const word = editorLine(page, 'mesa objective GoToCorner').locator('span > span', { hasText: /^mesa\b/ }).first();
      await word.scrollIntoViewIfNeeded();
      const hover = page.locator('.monaco-hover .hover-contents, .monaco-hover .rendered-markdown').first();
      // A hover asked before the language server has answered initialize shows nothing and is not asked
      // again (cold start on a fresh clone): move away and hover again until one appears.
      for (let attempt = 1; ; attempt++) {
        await word.hover({ position: { x: 6, y: 6 } });
        try {
          await hover.waitFor({ state: 'visible', timeout: 8_000 });
          break;
        } catch (error) {
          if (attempt >= 6) {
            throw error;
          }
          await page.mouse.move(0, 0);
          await page.waitForTimeout(500);
        }
      }
      const text = await page.locator('.monaco-hover').first().innerText();
      assert.match(text, /mesa/i, `hover text: ${text}`);
    });
    await screenshot(page, '04-hover');
    await page.keyboard.press('Escape');
  });

  it('completes inside an experiment', async () => {
    const { page } = session;
    await openFile(page, 'tiny-corner.mesa');
    const labels = await timed('completion list', async () => {
      const lineNumber = fs.readFileSync(path.join(fixtures, 'tiny-corner.mesa'), 'utf8').split('\n').findIndex((l) => /^\s*seeds 1/.test(l)) + 1;
      assert.ok(lineNumber > 0);
      // Go to Line's box can still be closing when the keys arrive, and then no line is typed (seen once in CI):
      // the status bar shows the cursor on the next line once the new line is there.
      const onNewLine = page.locator('.statusbar-item', { hasText: new RegExp(`^Ln ${lineNumber + 1}, Col`) });
      for (let attempt = 0; attempt < 3 && (attempt === 0 || !(await onNewLine.first().isVisible())); attempt++) {
        await goTo(page, lineNumber, 10);
        await page.keyboard.press('End');
        await page.keyboard.press('Enter');
        await onNewLine.first().waitFor({ state: 'visible', timeout: 5_000 }).catch(() => undefined);
      }
      assert.ok(await onNewLine.first().isVisible(), 'a new line was typed after `seeds 1`');
      // Until the server has analysed the file, the editor offers only words of the document.
      const rows = page.locator('.suggest-widget .monaco-list-row');
      const deadline = Date.now() + 45_000;
      let labels: string[] = [];
      while (Date.now() < deadline) {
        await page.keyboard.press('Control+Space');
        await rows.first().waitFor({ state: 'visible', timeout: 15_000 }).catch(() => undefined);
        labels = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? e.textContent ?? ''));
        if (labels.some((l) => /expect|evaluate|threshold|sweep|policy/.test(l))) break;
        await page.keyboard.press('Escape');
        await page.waitForTimeout(1000);
      }
      return labels;
    });
    await screenshot(page, '05-completion');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Z');
    await page.locator('.editor-group-container.active .tab.active.dirty').waitFor({ state: 'detached', timeout: 10_000 });
    assert.ok(labels.some((l) => /expect|evaluate|threshold|sweep|policy/.test(l)), `experiment members offered: ${labels.join(' | ')}`);
  });

  it('runs an experiment from the command palette to its results view', async () => {
    const { page } = session;
    await openFile(page, 'tiny-corner.mesa');
    const frame = await timed('Run Experiment command to finished results view', async () => {
      await runCommand(page, 'MesaSpec: Run Experiment');
      // While it runs: a progress notification with Cancel, and the status-bar item.
      const toast = page.locator('.notification-toast', { hasText: 'MesaSpec: running TinyCorner' }).first();
      await toast.waitFor({ state: 'visible', timeout: 30_000 });
      assert.ok(await toast.locator('.monaco-button', { hasText: 'Cancel' }).count() >= 1, 'the progress notification can cancel');
      assert.ok(await page.locator('.statusbar-item', { hasText: 'TinyCorner' }).count() >= 1, 'a status-bar item while the run goes');
      await screenshot(page, '06-running');
      await webviewFrame(page, '#experiment', 60_000);
      return waitForWebviewText(page, '#status', /finished/, 180_000);
    });
    const body = await frame.locator('body').innerText();
    assert.match(body, /TinyCorner/);
    assert.match(body, /expect on Room: indistinguishable/);
    // The results view is the run's report.html (drawn by mesaspec): its verdict table and its pictures of sample levels.
    assert.ok(await frame.locator('table.verdicts').count() === 1, 'a verdict table');
    assert.ok(await frame.locator('svg[aria-label*=": level "]').count() >= 1, 'behaviour on sample levels');
    await screenshot(page, '06-results-from-palette');
    await runCommand(page, 'View: Close All Editor Groups');
    await timed('Open Report reopens the results view', async () => {
      await openFile(page, 'tiny-corner.mesa');
      await runCommand(page, 'MesaSpec: Open Report');
      await waitForWebviewText(page, '#experiment', /TinyCorner/, 30_000);
    });
    await runCommand(page, 'View: Close All Editor Groups');
  });

  it('runs an experiment from its code lens to the results view, and records the expectations', async () => {
    const { page } = session;
    await openFile(page, 'tiny-corner.mesa');
    const lens = page.locator('.editor-group-container.active .codelens-decoration a', { hasText: /Run/ }).first();
    await timed('code lens appears', () => lens.waitFor({ state: 'visible', timeout: 60_000 }));
    await screenshot(page, '06-code-lens');
    const frame = await timed('Run code lens to finished results view', async () => {
      await lens.click();
      await page.locator('.notifications-toasts', { hasText: 'MesaSpec' }).first().waitFor({ state: 'visible', timeout: 30_000 }).catch(() => undefined);
      await screenshot(page, '07-running');
      await webviewFrame(page, '#experiment', 60_000);
      return waitForWebviewText(page, '#status', /finished/, 180_000);
    });
    const body = await frame.locator('body').innerText();
    assert.match(body, /TinyCorner/);
    assert.match(body, /Room/);
    assert.match(body, /robustly_aligned|pseudo_aligned|indistinguishable|capability_failure|inconclusive/);
    assert.match(body, /Learning curves/);
    assert.ok(await frame.locator('svg[aria-label="Training return per seed"]').count() === 1, 'a learning curve is drawn');
    await screenshot(page, '08-results-view');

    await showTinyCornerTests(page);
    const passed = page.locator('.test-explorer .monaco-list-row', { hasText: 'on Room: indistinguishable' }).locator('.codicon-testing-passed-icon');
    const failed = page.locator('.test-explorer .monaco-list-row', { hasText: 'on RoomAnywhere: robustly_aligned' }).locator('.codicon-testing-failed-icon');
    await passed.first().waitFor({ state: 'visible', timeout: 20_000 });
    await failed.first().waitFor({ state: 'visible', timeout: 20_000 });
    await screenshot(page, '09-testing-results');
  });

  it('runs an experiment from the Testing panel', async () => {
    const { page } = session;
    await showTinyCornerTests(page);
    const row = page.locator('.test-explorer .monaco-list-row', { hasText: 'TinyCorner' }).first();
    await row.waitFor({ state: 'visible', timeout: 20_000 });
    const runsDir = path.join(session.workspace, 'runs');
    const runsBefore = fs.existsSync(runsDir) ? fs.readdirSync(runsDir).length : 0;
    await timed('run tests from the Testing panel', async () => {
      // A tooltip of an earlier hover may still cover the tree: move away first, then force.
      await page.mouse.move(5, 5);
      await page.waitForTimeout(300);
      await row.hover({ force: true });
      await row.locator('.action-label[aria-label^="Run Test"], .action-label.codicon-testing-run-icon').first().click({ force: true });
      // A new run, finished: its own report folder with a finished report.
      const deadline = Date.now() + 120_000;
      const finishedRuns = () => (fs.existsSync(runsDir) ? fs.readdirSync(runsDir) : [])
        .filter((d) => { try { return JSON.parse(fs.readFileSync(path.join(runsDir, d, 'report.json'), 'utf8')).status === 'finished'; } catch { return false; } }).length;
      while (finishedRuns() <= runsBefore && Date.now() < deadline) await page.waitForTimeout(500);
      assert.ok(finishedRuns() > runsBefore, 'running the test ran the experiment');
      await page.locator('.test-explorer .monaco-list-row', { hasText: 'on RoomAnywhere: robustly_aligned' }).locator('.codicon-testing-failed-icon').first().waitFor({ state: 'visible', timeout: 30_000 });
      await page.locator('.test-explorer .monaco-list-row', { hasText: 'on Room: indistinguishable' }).locator('.codicon-testing-passed-icon').first().waitFor({ state: 'visible', timeout: 30_000 });
    });
    await page.locator('.test-explorer .monaco-list-row', { hasText: 'on RoomAnywhere: robustly_aligned' }).first().click();
    await screenshot(page, '10-testing-run');
  });

  it('steps through an episode in the results view, and does not scroll sideways when narrow', async () => {
    const { page } = session;
    // The last TinyCorner run of the tests above: its report.html, episode browser and replayed frames included.
    await openFile(page, 'tiny-corner.mesa');
    await runCommand(page, 'MesaSpec: Open Report');
    // Several runs of the spec by now: Open Report may ask which, newest first.
    const which = page.locator('.quick-input-widget', { hasText: 'Which run?' });
    if (await which.waitFor({ state: 'visible', timeout: 3_000 }).then(() => true, () => false)) await page.keyboard.press('Enter');
    const frame = await timed('Open Report to the episode browser', () => waitForWebviewText(page, '.episode-browser .episode-count', /episodes/, 30_000));
    const browser = frame.locator('.episode-browser').last(); // RoomAnywhere, where the objectives part
    await browser.scrollIntoViewIfNeeded();
    const count = browser.locator('.episode-count');
    const all = Number((await count.textContent())?.match(/of (\d+)/)?.[1]);
    assert.ok(all > 0, 'the browser lists episodes');
    await browser.locator('select.conflict').selectOption('true');
    const conflicts = Number((await count.textContent())?.match(/^(\d+)/)?.[1]);
    assert.ok(conflicts <= all, `the conflict filter keeps ${conflicts} of ${all}`);
    await browser.locator('select.conflict').selectOption('');
    await browser.locator('select.seed').selectOption('0');
    assert.match((await count.textContent()) ?? '', new RegExp(`^${all} of ${all}`), 'one seed: every episode is seed 0\'s');
    const label = browser.locator('.step-label');
    assert.match((await label.textContent()) ?? '', /^step 0 of \d+, the start/);
    await browser.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    assert.match((await label.textContent()) ?? '', /^step 2 of \d+, moved (up|right|down|left)/, 'the arrow keys step through the episode');
    await page.keyboard.press('End');
    assert.match((await label.textContent()) ?? '', /; (reached|touched|timed out|ended)/, 'the last step says how the episode ended');
    assert.equal(await browser.locator('.episode-grid .agent').count(), 1, 'the agent is drawn once');
    assert.equal(await browser.locator('input.step').inputValue(), await browser.locator('input.step').getAttribute('max'));
    await screenshot(page, '14-results-episode-browser');
    try {
      await page.setViewportSize({ width: 800, height: 1000 });
      await page.waitForTimeout(1500);
      // Resizing the workbench may load the view's document anew: look it up again until it holds still.
      let layout: { page: number; pageScroll: number } | undefined;
      for (let attempt = 1; !layout; attempt++) {
        const narrow = await waitForWebviewText(page, '#experiment', /TinyCorner/, 30_000);
        try {
          layout = await narrow.evaluate(() => ({ page: document.documentElement.clientWidth, pageScroll: document.documentElement.scrollWidth }));
        } catch (error) {
          if (attempt >= 5) throw error;
          await page.waitForTimeout(500);
        }
      }
      assert.ok(layout.pageScroll <= layout.page, `the page does not scroll sideways (its tables scroll inside themselves): ${JSON.stringify(layout)}`);
      await screenshot(page, '15-results-narrow');
    } finally {
      await page.setViewportSize({ width: 1600, height: 1000 });
    }
    await runCommand(page, 'View: Close All Editor Groups');
  });

  it('previews the levels of an environment from its code lens', async () => {
    const { page } = session;
    await openFile(page, 'cheese-in-the-corner.mesa');
    await goTo(page, 11, 1);
    const lens = page.locator('.editor-group-container.active .codelens-decoration a', { hasText: /Preview/ }).first();
    await timed('Preview levels code lens to a text of sampled levels', async () => {
      await lens.waitFor({ state: 'visible', timeout: 30_000 });
      await lens.click();
      await page.locator('.editor-group-container.active .tab.active', { hasText: /Untitled/ }).first().waitFor({ state: 'visible', timeout: 30_000 });
      await editorLine(page, 'Level 1').waitFor({ state: 'visible', timeout: 10_000 });
    });
    const text = (await page.locator('.editor-group-container.active .view-lines').innerText()).replace(/\u00a0/g, ' ');
    assert.match(text, /Environment Maze/);
    assert.match(text, /#/, 'levels drawn with walls');
    await screenshot(page, '11-preview-environment');
    await runCommand(page, 'View: Close All Editor Groups');
    await page.locator('.monaco-dialog-box .monaco-button', { hasText: /Don't Save/ }).click({ timeout: 5_000 }).catch(() => undefined);
  });

  it('cancels a long run from its progress notification and keeps a partial report', async () => {
    const { page } = session;
    await openFile(page, 'cheese-in-the-corner.mesa');
    await timed('cancel a 3-seed run', async () => {
      await runCommand(page, 'MesaSpec: Run Experiment');
      const toast = page.locator('.notification-toast', { hasText: 'MesaSpec: running CheeseInTheCorner' }).first();
      await toast.waitFor({ state: 'visible', timeout: 30_000 });
      await page.locator('.notification-toast', { hasText: /step/ }).first().waitFor({ state: 'visible', timeout: 60_000 });
      await screenshot(page, '12-long-run-progress');
      await toast.locator('.monaco-button', { hasText: 'Cancel' }).first().click();
      await page.locator('.notification-toast', { hasText: 'was cancelled' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    });
    await screenshot(page, '13-cancelled');
  });
});
