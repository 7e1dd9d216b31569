// Browser end-to-end test of the packaged extension: installs corpus-lint.vsix into a fresh code-server, opens a copy
// of the seed corpus (with a config file, as a real corpus has) in headless chromium, and checks what a person sees:
// the Problems panel lists the duplicates of 002, hovering «بوتين» in 003 shows the person card, and pasting a
// paragraph of 003 into 004 raises a new finding while typing. Screenshots go to test-artifacts/e2e/.
//
// Run: npm run test:e2e   (or: node --test test/e2e/ui.e2e.mjs with VSIX=path/to.vsix)
// Env: VSIX (default corpus-lint.vsix), CODE_SERVER_BIN, CHROMIUM, E2E_ARTIFACTS (default test-artifacts/e2e).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test as nodeTest } from 'node:test';
import harness from '../vscode/harness/codeServer.js';

const { REPO, startCodeServer, launchChromium, workbenchUrl } = harness;
const VSIX = path.resolve(process.env.VSIX || path.join(REPO, 'corpus-lint.vsix'));
const SHOTS = path.resolve(process.env.E2E_ARTIFACTS || path.join(REPO, 'test-artifacts/e2e'));
const SEEDS = path.join(REPO, 'test/fixtures/corpus/seeds');
const FILE_002 = '002_59ed37bba01cb0ba.txt';
const FILE_003 = '003_9f36dc66b4847675.txt';
const FILE_004 = '004_4843e7fa21632428.txt';
const WAIT = { timeout: 60000 };

let workspace;
let server;
let browser;
let page;
const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

async function shot(name) {
  const file = path.join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** A test that leaves a screenshot of the workbench when it fails (test-artifacts/e2e/failed-N.png). */
let testCount = 0;
function test(name, fn) {
  const n = ++testCount;
  nodeTest(name, async () => {
    try {
      await fn();
    } catch (err) {
      if (page) await shot(`failed-${n}`).catch(() => {});
      throw err;
    }
  });
}

/** Ctrl+P, the file's name, Enter; resolves when its editor shows text. */
async function openFile(name) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(name);
  await page.locator(`.quick-input-list .monaco-list-row[aria-label*="${name}"]`).first().waitFor(WAIT);
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab.active[aria-label*="${name}"]`).waitFor(WAIT);
  await page.locator('.editor-instance .monaco-editor .view-lines .view-line').first().waitFor(WAIT);
}

/** Shows the Problems panel filtered to one file; resolves once every file group it lists is that file. */
async function filterProblems(text) {
  const filter = page.locator('.part.panel input[placeholder^="Filter"]').first();
  if (!(await filter.isVisible().catch(() => false))) {
    await page.keyboard.press('Control+Shift+M');
    await filter.waitFor({ state: 'visible', ...WAIT });
  }
  await filter.fill(text);
  await page.waitForFunction((t) => {
    const rows = [...document.querySelectorAll('.markers-panel .monaco-list-row')];
    return rows.every((row) => row.querySelector('.marker-icon') || (row.textContent || '').includes(t));
  }, text, WAIT);
}

/** A Problems panel row of a finding (file rows have no severity icon) whose text includes `hasText`. */
function problemRows(hasText) {
  return page.locator('.markers-panel .monaco-list-row', { has: page.locator('.marker-icon'), hasText });
}

/**
 * Screen box of an occurrence of `word` in the editor's rendered lines, below the first visible line (a hover there
 * opens below the word, where a screenshot shows it whole). Measured with a DOM range: right-to-left text is laid out
 * by the browser's bidi algorithm, so only the browser knows where a word is.
 */
async function wordBox(word) {
  const box = await page.evaluate((w) => {
    const editor = document.querySelector('.editor-instance .monaco-editor .overflow-guard');
    const bounds = editor.getBoundingClientRect();
    const found = [];
    for (const line of editor.querySelectorAll('.view-lines .view-line')) {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (let at = node.textContent.indexOf(w); at >= 0; at = node.textContent.indexOf(w, at + 1)) {
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + w.length);
          const r = range.getBoundingClientRect();
          if (r.left >= bounds.left && r.right <= bounds.right && r.top >= bounds.top && r.bottom <= bounds.bottom) {
            found.push({ x: r.x, y: r.y, width: r.width, height: r.height });
          }
        }
      }
    }
    found.sort((a, b) => a.y - b.y);
    return found.find((r) => r.y > found[0].y + r.height) ?? found[0] ?? null;
  }, word);
  assert.ok(box, `«${word}» is not on screen`);
  return box;
}

/** Waits until the status bar item says the whole corpus (5 files) is indexed: no spinning icon. */
async function waitForCompleteIndex() {
  const item = page.locator('.statusbar-item', { hasText: /5 files · \d+ entries · \d+ findings/ });
  await item.waitFor(WAIT);
  await page.waitForFunction(() => {
    const items = [...document.querySelectorAll('.statusbar-item')].filter((el) => /\d+ files · \d+ entries/.test(el.textContent || ''));
    return items.length > 0 && items.every((el) => !el.querySelector('.codicon-sync, .codicon-modifier-spin'));
  }, null, WAIT);
}

before(async () => {
  assert.ok(fs.existsSync(VSIX), `no ${VSIX}: run npm run package first`);
  fs.mkdirSync(SHOTS, { recursive: true });
  // a scratch copy of the seeds with a config file: the extension must take *.txt there as corpus files by itself
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lint-e2e-'));
  const corpus = path.join(workspace, 'seeds');
  fs.cpSync(SEEDS, corpus, { recursive: true });
  fs.writeFileSync(path.join(corpus, 'corpus-lint.json'), '{}\n');
  server = await startCodeServer({ vsix: VSIX });
  browser = await launchChromium();
  page = browser.page;
  await page.goto(workbenchUrl(server.base, corpus));
  await page.locator('.monaco-workbench').waitFor(WAIT);
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor(WAIT);
  console.log(`workbench ready: ${elapsed()}`);
});

after(async () => {
  if (page) await shot('last').catch(() => {});
  if (browser) await browser.close();
  if (server) server.stop();
  if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
});

test('the Problems panel lists the duplicated paragraphs of 002', async () => {
  await openFile(FILE_002);
  const language = page.locator('.statusbar-item[id="status.editor.mode"]');
  await language.filter({ hasText: /corpus/i }).waitFor(WAIT);
  await filterProblems(FILE_002);
  const row = problemRows('Duplicated paragraph').first();
  await row.waitFor(WAIT);
  const label = (await row.getAttribute('aria-label')) ?? (await row.innerText());
  console.log(`problems row (${elapsed()}): ${label}`);
  assert.match(await row.innerText(), /duplicate-paragraph/);
  await shot('1-problems-002');
});

test('hovering «بوتين» in 003 shows the person card', async () => {
  await openFile(FILE_003);
  await waitForCompleteIndex();
  const box = await wordBox('بوتين');
  const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'بوتين' }).first();
  // like a person whose first hover came up empty: move away and hover again (at most three times)
  for (let attempt = 1; ; attempt++) {
    await page.mouse.move(5, 5);
    await page.mouse.move(box.x + box.width / 2 - 2, box.y + box.height / 2);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    try {
      await hover.waitFor({ state: 'visible', timeout: 15000 });
      break;
    } catch (err) {
      if (attempt === 3) throw err;
      console.log(`hover attempt ${attempt} showed no card: hovering again`);
    }
  }
  const text = await hover.innerText();
  console.log(`hover (${elapsed()}):\n  ${text.replace(/\n/g, '\n  ')}`);
  await shot('2-hover-003');
  assert.ok(text.includes('بوتين'));
  await page.mouse.move(5, 5);
});

test('a paragraph of 003 pasted into 004 becomes a new finding as it is typed', async () => {
  const paragraph = fs.readFileSync(path.join(SEEDS, FILE_003), 'utf8').split('\n')[9].trim();
  assert.ok(paragraph.split(/\s+/).length >= 8, 'the copied paragraph is long enough to count as a duplicate');
  // Ctrl+End lands on the last line; Enter opens the line the paste goes to
  const pastedLine = fs.readFileSync(path.join(SEEDS, FILE_004), 'utf8').split('\n').length + 1;
  await openFile(FILE_004);
  await filterProblems(FILE_004);
  const newRow = page.locator('.markers-panel .monaco-list-row[aria-label*="Duplicated paragraph"]', { has: page.locator('.marker-icon') })
    .and(page.locator(`[aria-label*="at line ${pastedLine} and"]`));
  assert.equal(await newRow.count(), 0, `004 has a duplicate at line ${pastedLine} before the paste`);
  // The click must leave the focus in the editor, not in the Problems filter that was typed into just before (a
  // click during the filter's own update can leave the focus there, and the paste would go to the filter).
  const editor = page.locator('.editor-instance .monaco-editor').first();
  const editorFocused = () => editor.evaluate((e) => e.contains(document.activeElement));
  for (let i = 0; i < 10 && !(await editorFocused()); i++) {
    await editor.locator('.view-lines').click();
    if (!(await editorFocused())) await page.waitForTimeout(200);
  }
  assert.ok(await editorFocused(), 'the editor of 004 has the focus before the paste');
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText(paragraph); // what a paste does: one edit, never saved
  await newRow.first().waitFor(WAIT);
  console.log(`new finding in 004 (${elapsed()}): ${await newRow.first().getAttribute('aria-label')}`);
  await shot('3-typed-004');
});
