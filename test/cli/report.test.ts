/** `corpus-lint report --format html`: one self-contained page, rendered in headless Chromium (screenshot kept). */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { cli, ROOT, SEED, seedCopy, tempDir } from './helpers';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = path.join(ROOT, 'test-artifacts');

describe('report --format html', function () {
  let dir: string;
  let html: string;

  before(() => {
    dir = seedCopy({ 'corpus-lint.json': '{ "baseline": "corpus-lint-baseline.json" }' });
    assert.strictEqual(cli(['baseline'], dir).code, 0);
    // One new finding after the baseline: a name variant in 004.
    const p = path.join(dir, SEED.s004);
    fs.writeFileSync(p, fs.readFileSync(p, 'utf8').replace('بوتين', 'بوتن'));
    const r = cli(['report', '--format', 'html', '--output', 'report.html', '.'], dir, { SOURCE_DATE_EPOCH: '1767225600' });
    assert.strictEqual(r.code, 0, r.stderr);
    assert.match(r.stderr, /wrote report\.html \(5 files, 42 findings\)/);
    html = fs.readFileSync(path.join(dir, 'report.html'), 'utf8');
  });

  it('is one self-contained page: inline style, no script, no external resource, a policy that forbids loading any', () => {
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">/);
    assert.doesNotMatch(html, /<script|<link|<img|<iframe|@import|url\(/i);
    assert.doesNotMatch(html, /\ssrc=/i);
    assert.match(html, /Generated 2026-01-01 00:00:00 UTC/);
  });

  it('holds counts per rule and per file, the people with their variants, the timeline and the findings', () => {
    assert.match(html, /<section id="rules">/);
    assert.match(html, /<section id="files">/);
    assert.match(html, /<section id="people">/);
    assert.match(html, /<section id="timeline">/);
    assert.match(html, /<time datetime="2023-03-15">2023-03-15<\/time>/);
    assert.match(html, /<td class="ar" lang="ar" dir="rtl">بوتين<\/td>/);
    assert.match(html, /<bdi lang="ar">بوتن<\/bdi> <span class="count">×3<\/span>/);
    assert.match(html, /baseline <code>corpus-lint-baseline\.json<\/code>: 41 known, 0 fixed since recorded/);
    assert.match(html, /1 new, 41 in the baseline/);
  });

  it('usage errors: another format is exit 2', () => {
    const r = cli(['report', '--format', 'json'], dir);
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /report writes --format html/);
  });

  it('renders in headless Chromium offline, loading nothing but the page (screenshot in test-artifacts/)', async function () {
    if (!fs.existsSync(CHROMIUM)) {
      // CI installs Chromium; a developer machine without it skips only this test.
      console.log(`      (skipped: ${CHROMIUM} is not installed)`);
      this.skip();
    }
    this.timeout(60_000);
    const profile = tempDir('corpus-lint-chromium-');
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      offline: true,
      viewport: { width: 1280, height: 900 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    try {
      const page = await context.newPage();
      const requests: string[] = [];
      const problems: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      page.on('pageerror', (e) => problems.push(e.message));
      const url = 'file://' + path.join(dir, 'report.html');
      await page.goto(url, { waitUntil: 'load' });
      assert.deepStrictEqual(requests, [url], 'nothing but the page itself is loaded');
      assert.deepStrictEqual(problems, []);
      assert.strictEqual(await page.locator('#rules tbody tr').count(), 5);
      assert.strictEqual(await page.locator('#files tbody tr').count(), 5);
      const people = await page.locator('#people tbody tr').allInnerTexts();
      assert.ok(people.some((r) => r.includes('بوتين') && r.includes('بوتن')), people.join('\n'));
      assert.ok(await page.locator('#timeline time').count() >= 2);
      // Laid out for real: the tables have width, and the Arabic cells are right-to-left.
      const box = await page.locator('#files table').boundingBox();
      assert.ok(box && box.width > 600 && box.height > 100);
      const direction = await page
        .locator('#people td.ar')
        .first()
        .evaluate((e) => (globalThis as unknown as { getComputedStyle: (x: unknown) => { direction: string } }).getComputedStyle(e).direction);
      assert.strictEqual(direction, 'rtl');
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS, 'report.png'), fullPage: true });
      assert.ok(fs.statSync(path.join(ARTIFACTS, 'report.png')).size > 10_000);
    } finally {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    }
  });
});
