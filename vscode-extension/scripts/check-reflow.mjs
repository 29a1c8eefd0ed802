// Loads HTML pages (report.html, which the results view also shows as it is) in Chromium at 700, 1100 and 1600 px and
// fails when a page is wider than the window: document.scrollWidth must stay within the viewport, so a table too wide
// for the window scrolls inside its own box instead of the page (issue 17: the verdict table overflowed, cut
// mid-number at 700 px). Names the widest element that sticks out, to say what to fix.
//
// Usage: node scripts/check-reflow.mjs PAGE.html...
//   MESASPEC_CHROMIUM: the browser, default /usr/bin/chromium.
// Exit code 1 when a page overflows at some width, 2 on a usage error.
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const widths = [700, 1100, 1600];
const inputs = process.argv.slice(2);
if (inputs.length === 0) {
  console.error('usage: node scripts/check-reflow.mjs PAGE.html...');
  process.exit(2);
}

const pages = inputs.map((input) => ({ file: input, label: input }));

const browser = await chromium.launch({
  executablePath: process.env.MESASPEC_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
});
let failures = 0;
try {
  for (const { file, label } of pages) {
    for (const width of widths) {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto(pathToFileURL(file).href);
      const result = await page.evaluate(() => {
        const viewport = document.documentElement.clientWidth;
        const scrollWidth = document.documentElement.scrollWidth;
        // The element reaching furthest right outside any box that scrolls on its own.
        let culprit = '';
        let right = viewport;
        for (const element of document.body.querySelectorAll('*')) {
          let inside = element.parentElement;
          let scrolls = false;
          while (inside && inside !== document.body) {
            const overflow = getComputedStyle(inside).overflowX;
            if (overflow === 'auto' || overflow === 'scroll' || overflow === 'hidden') { scrolls = true; break; }
            inside = inside.parentElement;
          }
          const box = element.getBoundingClientRect();
          if (!scrolls && box.right > right + 0.5) {
            right = box.right;
            culprit = `<${element.tagName.toLowerCase()}${element.className && typeof element.className === 'string' ? ` class="${element.className}"` : ''}> to ${Math.round(box.right)} px`;
          }
        }
        return { viewport, scrollWidth, culprit };
      });
      const ok = result.scrollWidth <= result.viewport;
      console.log(`${ok ? 'ok  ' : 'FAIL'} ${label} at ${width} px: scrollWidth ${result.scrollWidth}, viewport ${result.viewport}${ok ? '' : `; widest: ${result.culprit}`}`);
      if (!ok) failures++;
      await context.close();
    }
  }
} finally {
  await browser.close();
}
console.log(`${failures === 0 ? 'every page fits' : `${failures} page width(s) overflow`} at ${widths.join(', ')} px`);
process.exit(failures === 0 ? 0 : 1);
