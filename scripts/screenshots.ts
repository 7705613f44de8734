/**
 * Screenshots of the main pages in headless Chromium, for looking at what we build.
 * Usage: tsx scripts/screenshots.ts [baseUrl] [outDir]   (the dashboard must be running, e.g. npm run demo)
 */
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';

const base = process.argv[2] ?? 'http://localhost:3000';
const out = process.argv[3] ?? 'test-results/screenshots';
const pages: [string, string][] = (process.env.SHOTS ?? '')
  .split(';')
  .filter(Boolean)
  .map((s) => [s.slice(0, s.indexOf('=')), s.slice(s.indexOf('=') + 1)] as [string, string]);
const defaults: [string, string][] = [
  ['overview', '/'],
  ['nodes', '/nodes'],
  ['nodes-grouped', '/nodes?ping=ConnectionLost&ping=Inactive&group=tag%3AEnvironment&sort=lastPing&dir=desc'],
];

async function main() {
  mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  for (const [name, path] of pages.length ? pages : defaults) {
    await page.goto(base + path, { waitUntil: 'networkidle' });
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${out}/${name}.png`, fullPage: name !== 'nodes' && !name.startsWith('nodes-') });
    console.log(`${out}/${name}.png`);
  }
  await browser.close();
}
void main();
