// Renders images/icon.svg to images/icon.png (128 x 128, transparent corners): the Marketplace and VS Code
// take a PNG as an extension's icon. Run after changing the SVG: node scripts/render-icon.mjs
import * as fs from 'node:fs';
import { chromium } from 'playwright-core';

const svg = fs.readFileSync(new URL('../images/icon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.MESASPEC_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: new URL('../images/icon.png', import.meta.url).pathname, omitBackground: true });
} finally {
  await browser.close();
}
console.log('wrote images/icon.png');
