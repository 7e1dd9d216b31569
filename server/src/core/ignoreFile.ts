/**
 * The ignore file (`.corpus-lint-ignore` at the corpus root): accepted findings written in plain text, one per line,
 * independent of line numbers, for corpora whose files should not carry inline markers. Pure: the host reads the
 * file and passes its text; matching is on paths relative to the ignore file's folder.
 *
 *   # PATH-GLOB  RULE-CODE|*  [TEXT]
 *   archive/**             undated-entry
 *   002_59ed37bba01cb0ba.txt  duplicate-paragraph  زار الوفد الروسي
 *   *.txt                  name-variant  سورية
 *
 * A glob without `/` matches the file name in any folder (as in .gitignore); `*` stays inside a folder, `**` crosses
 * folders, `?` is one character. TEXT, when given, must occur as whole words in the flagged text, compared after
 * normalization (diacritics, hamza forms, ى/ي, ة/ه and digit scripts do not matter).
 */
import type { Finding, RuleCode } from './types';
import { isRuleCode } from './rules/catalog';
import { flaggedText } from './baseline';
import { indexLines } from './text/lines';
import { normalizeForMatch } from './text/normalize';

export const IGNORE_FILE_NAME = '.corpus-lint-ignore';

export interface IgnoreRule {
  /** 0-based line of the rule in the ignore file. */
  line: number;
  glob: string;
  /** null: every rule. */
  code: RuleCode | null;
  /** Normalized words that must occur in the flagged text; empty: any text. */
  text: string;
  matchesPath: (file: string) => boolean;
}

export interface IgnoreFileError {
  line: number;
  message: string;
}

/** Parses an ignore file. Never throws: bad lines become errors and are left out. */
export function parseIgnoreFile(source: string): { rules: IgnoreRule[]; errors: IgnoreFileError[] } {
  const rules: IgnoreRule[] = [];
  const errors: IgnoreFileError[] = [];
  const lines = source.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  lines.forEach((raw, line) => {
    const trimmed = raw.trim();
    if (!trimmed || trimmed.startsWith('#')) return;
    const m = /^(\S+)(?:\s+(\S+))?(?:\s+(.*))?$/.exec(trimmed);
    if (!m || !m[2]) {
      errors.push({ line, message: 'expected «PATH-GLOB RULE-CODE [TEXT]» (use * for every rule)' });
      return;
    }
    const [, glob, codeText, rest] = m;
    if (codeText !== '*' && !isRuleCode(codeText)) {
      errors.push({ line, message: `unknown rule «${codeText}»` });
      return;
    }
    rules.push({
      line,
      glob,
      code: codeText === '*' ? null : (codeText as RuleCode),
      text: rest ? normalizeForMatch(rest) : '',
      matchesPath: globMatcher(glob),
    });
  });
  return { rules, errors };
}

/** Splits one file's findings into the ones shown and the ones the ignore file accepts. */
export function applyIgnoreFile(rules: IgnoreRule[], file: string, text: string, findings: Finding[]): { kept: Finding[]; ignored: Finding[] } {
  if (!rules.length) return { kept: findings, ignored: [] };
  const pathRules = rules.filter((r) => r.matchesPath(file));
  if (!pathRules.length) return { kept: findings, ignored: [] };
  const lines = indexLines(text);
  const kept: Finding[] = [];
  const ignored: Finding[] = [];
  for (const f of findings) {
    let hit = false;
    for (const r of pathRules) {
      if (r.code && r.code !== f.code) continue;
      if (r.text && !containsWords(flaggedText(text, f, lines), r.text)) continue;
      hit = true;
      break;
    }
    (hit ? ignored : kept).push(f);
  }
  return { kept, ignored };
}

/**
 * The line to add to the ignore file to accept one finding: the file's path, the code and the first words of the
 * flagged text (enough to tell it from the file's other findings of that rule in practice).
 */
export function ignoreLineFor(file: string, text: string, finding: Pick<Finding, 'code' | 'range'>, maxWords = 8): string {
  const words = flaggedText(text, finding).split(' ').slice(0, maxWords).join(' ');
  return `${file.includes(' ') ? file.replace(/ /g, '?') : file}  ${finding.code}${words ? '  ' + words : ''}`;
}

function containsWords(haystack: string, needle: string): boolean {
  return (' ' + haystack + ' ').includes(' ' + needle + ' ');
}

/** A glob as a predicate on `/`-separated relative paths. */
export function globMatcher(glob: string): (file: string) => boolean {
  let g = glob.replace(/\\/g, '/').replace(/^\.\//, '');
  const anchored = g.replace(/\/$/, '').includes('/');
  if (g.startsWith('/')) g = g.slice(1);
  if (g.endsWith('/')) g += '**';
  let re = '';
  for (let i = 0; i < g.length; i++) {
    const c = g[i];
    if (c === '*') {
      if (g[i + 1] === '*') {
        // `**/` matches zero or more folders; a trailing `**` matches everything below.
        if (g[i + 2] === '/') {
          re += '(?:.*/)?';
          i += 2;
        } else {
          re += '.*';
          i += 1;
        }
      } else {
        re += '[^/]*';
      }
    } else if (c === '?') {
      re += '[^/]';
    } else {
      re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  const compiled = new RegExp(anchored ? `^${re}$` : `^(?:.*/)?${re}$`, 'u');
  return (file: string) => compiled.test(file.replace(/\\/g, '/'));
}
