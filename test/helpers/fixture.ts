/**
 * Data-driven fixtures: one string describes several files (`--- name.txt` headers), the result is rendered in the
 * CLI's text format and compared with a snapshot file (set UPDATE_SNAPSHOTS=1 to rewrite snapshots).
 */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Corpus } from '../../server/src/core/corpus';
import { CorpusConfig, defaultConfig, mergeConfig, PartialConfig } from '../../server/src/core/config';
import { buildReport } from '../../server/src/cli/report';
import { formatText } from '../../server/src/cli/format/text';

export function parseFixture(spec: string): { file: string; text: string }[] {
  const files: { file: string; text: string }[] = [];
  const parts = spec.split(/^--- (.+)$/m);
  for (let i = 1; i < parts.length; i += 2) files.push({ file: parts[i].trim(), text: parts[i + 1].replace(/^\n/, '') });
  return files;
}

export function corpusOf(files: { file: string; text: string }[], config?: PartialConfig): Corpus {
  const c = new Corpus({ config: mergeConfig(defaultConfig(), config) as CorpusConfig });
  c.applyChange({ changed: files });
  return c;
}

/** The text report of a fixture, as `corpus-lint check` would print it. */
export function checkFixture(spec: string, config?: PartialConfig): string {
  const files = parseFixture(spec);
  const corpus = corpusOf(files, config);
  return formatText(buildReport(corpus, files.map((f) => f.file), [], { quiet: false }));
}

const SNAPSHOT_DIR = path.join(__dirname, '..', 'snapshots');

export function matchSnapshot(name: string, actual: string): void {
  const file = path.join(SNAPSHOT_DIR, name);
  if (process.env.UPDATE_SNAPSHOTS || !fs.existsSync(file)) {
    fs.mkdirSync(SNAPSHOT_DIR, { recursive: true });
    fs.writeFileSync(file, actual);
    if (!process.env.UPDATE_SNAPSHOTS && process.env.CI) assert.fail(`snapshot ${name} was missing (written now)`);
    return;
  }
  assert.strictEqual(actual, fs.readFileSync(file, 'utf8'), `snapshot ${name} differs (UPDATE_SNAPSHOTS=1 to accept)`);
}

/** The seed documents' file names. */
export const SEED = {
  s000: '000_47cabcfadfbade24.txt',
  s001: '001_6de14405470ad9f8.txt',
  s002: '002_59ed37bba01cb0ba.txt',
  s003: '003_9f36dc66b4847675.txt',
  s004: '004_4843e7fa21632428.txt',
};

export const SEEDS_DIR = path.join(__dirname, '..', 'fixtures', 'corpus', 'seeds');

export function readSeeds(): { file: string; text: string }[] {
  return fs
    .readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ file: f, text: fs.readFileSync(path.join(SEEDS_DIR, f), 'utf8') }));
}

/** The line of a file holding a string, 0-based. */
export function lineOf(text: string, needle: string): number {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `«${needle}» not in text`);
  return text.slice(0, i).split(/\r\n|\r|\n/).length - 1;
}
