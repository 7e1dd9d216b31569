/**
 * Accepted findings in the editor, exactly as the CLI honours them: each root's `.corpus-lint-ignore` (in the root
 * folder, which is the config file's folder) and the config's `"baseline"` (relative to that folder). Every feature
 * that shows or acts on findings (diagnostics, quick fixes, fix-all, hover, definition) reads them through
 * `visibleFindings`. A broken ignore or baseline file is not used (every finding shows) and becomes a diagnostic on
 * the file at fault.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findNodeAtLocation, parse, ParseError, parseTree } from 'jsonc-parser';
import type { WorkspaceEdit } from 'vscode-languageserver/node';
import { applyBaseline } from '../core/baseline';
import type { CorpusConfig } from '../core/config';
import { applyIgnoreFile, IGNORE_FILE_NAME, ignoreLineFor, IgnoreRule } from '../core/ignoreFile';
import type { Finding, Range } from '../core/types';
import { LoadedBaseline, readBaselineFile, readIgnoreFile, relativeKey } from '../node/acceptedFindings';
import { Encoding, fromUtf16 } from './encoding';
import type { Root } from './roots';
import { pathFromUri, uriFromPath } from './uris';
import { readSettingsText } from '../node/readText';

/** A problem of an ignore, baseline or config file, located in its text (UTF-16 offsets). */
export interface FileProblem {
  file: string;
  text: string;
  offset: number;
  length: number;
  message: string;
  code: 'invalid-ignore-file' | 'invalid-baseline';
}

/** The accepting files of one root, as loaded. */
export interface AcceptedFiles {
  /** Where the root's ignore file is (whether or not it exists); null for the loose root. */
  ignorePath: string | null;
  /** The ignore file in use: null when there is none or it is broken. */
  ignore: { file: string; rules: IgnoreRule[] } | null;
  /** The configured baseline file (absolute), or null when the config names none. */
  baselinePath: string | null;
  /** The baseline in use: null when none is configured or it is missing or broken. */
  baseline: LoadedBaseline | null;
  problems: FileProblem[];
  /** Equal when nothing that matters changed between two loads. */
  signature: string;
  /** The visible findings per findings list of the corpus (the corpus keeps a file's list until the file changes). */
  readonly visible: WeakMap<Finding[], Finding[]>;
}

const NOT_USED_IGNORE = ' (the ignore file is not used until this is fixed)';
const NOT_USED_BASELINE = ' (the baseline is not used until this is fixed: every finding is shown)';

export function noAcceptedFiles(): AcceptedFiles {
  return { ignorePath: null, ignore: null, baselinePath: null, baseline: null, problems: [], signature: '', visible: new WeakMap() };
}

/**
 * Loads a root's ignore file and configured baseline. Never throws: a broken file is left out and reported in
 * `problems`. `configFile` is where a missing baseline is reported (the `"baseline"` value).
 */
export function loadAcceptedFiles(folder: string | null, config: CorpusConfig, configFile: string | null): AcceptedFiles {
  if (!folder) return noAcceptedFiles();
  const problems: FileProblem[] = [];
  const ignorePath = path.join(folder, IGNORE_FILE_NAME);
  let ignore: AcceptedFiles['ignore'] = null;
  const readIgnore = readIgnoreFile(folder);
  if (readIgnore) {
    const text = withoutBom(readIgnore.text ?? '');
    if (!readIgnore.errors.length) ignore = { file: readIgnore.file, rules: readIgnore.rules };
    for (const e of readIgnore.errors) {
      const { offset, length } = lineSpan(text, e.line);
      problems.push({ file: readIgnore.file, text, offset, length, message: e.message + NOT_USED_IGNORE, code: 'invalid-ignore-file' });
    }
  }

  const baselinePath = config.baseline ? path.resolve(folder, config.baseline) : null;
  let baseline: LoadedBaseline | null = null;
  let baselineText: string | null = null;
  if (baselinePath) {
    const read = readBaselineFile(baselinePath);
    baselineText = read.text;
    if (read.baseline) {
      baseline = { file: read.file, baseline: read.baseline, index: read.index };
    } else if (read.problem === 'missing') {
      const configText = configFile ? readOr(configFile) : null;
      const at = configText === null ? { offset: 0, length: 0 } : valueSpan(configText, ['baseline']);
      problems.push({
        file: configFile ?? baselinePath,
        text: configText ?? '',
        ...at,
        message: `baseline file not found: ${config.baseline} (write one with \`corpus-lint baseline\`); every finding is shown until it exists`,
        code: 'invalid-baseline',
      });
    } else {
      const text = withoutBom(read.text ?? '');
      problems.push({ file: read.file, text, ...baselineErrorSpan(text, read.errors), message: read.message + NOT_USED_BASELINE, code: 'invalid-baseline' });
    }
  }

  const signature = JSON.stringify([
    readIgnore?.text ?? null,
    baselinePath,
    baselineText,
    problems.map((p) => [p.file, p.offset, p.length, p.message]),
  ]);
  return { ignorePath, ignore, baselinePath, baseline, problems, signature, visible: new WeakMap() };
}

/**
 * The findings of a file that are shown: the corpus's findings (inline markers already applied) minus those the
 * ignore file accepts, then minus those the baseline holds. Keys are paths relative to each accepting file's folder,
 * `/`-separated, as the CLI computes them.
 */
export function visibleFindings(root: Root, uri: string): Finding[] {
  const all = root.corpus.findings(uri);
  const accepted = root.accepted;
  if (!all.length || (!accepted.ignore && !accepted.baseline)) return all;
  const cached = accepted.visible.get(all);
  if (cached) return cached;
  const file = pathFromUri(uri);
  if (!file) return all;
  const text = root.corpus.text(uri) ?? '';
  let shown = all;
  if (accepted.ignore) shown = applyIgnoreFile(accepted.ignore.rules, relativeKey(accepted.ignore.file, file), text, shown).kept;
  if (accepted.baseline) shown = applyBaseline(accepted.baseline.index, relativeKey(accepted.baseline.file, file), text, shown).fresh;
  accepted.visible.set(all, shown);
  return shown;
}

/** True when `file` (a path) is one of the root's accepting files: its ignore file or its configured baseline. */
export function isAcceptingFile(root: Root, file: string): boolean {
  return root.accepted.ignorePath === file || root.accepted.baselinePath === file;
}

export interface AcceptEditOptions {
  encoding: Encoding;
  /** The client applies `CreateFile` operations in workspace edits. */
  canCreateFiles: boolean;
}

/**
 * The edit that accepts a finding in the root's ignore file: its `ignoreLineFor` line appended at the end, or the
 * file created with a header and that line. Null when the root has no folder, or the file is missing and the client
 * cannot create files. `text` is the corpus file's current text, on which `finding.range` was computed.
 */
export function acceptInIgnoreFileEdit(
  root: Root,
  uri: string,
  text: string,
  finding: Pick<Finding, 'code' | 'range'>,
  o: AcceptEditOptions,
): WorkspaceEdit | null {
  const ignorePath = root.accepted.ignorePath;
  const file = pathFromUri(uri);
  if (!ignorePath || !file) return null;
  const line = ignoreLineFor(relativeKey(ignorePath, file), text, finding);
  const ignoreUri = uriFromPath(ignorePath);
  let existing: string;
  try {
    existing = readSettingsText(ignorePath);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || !o.canCreateFiles) return null;
    const at = { line: 0, character: 0 };
    return {
      documentChanges: [
        { kind: 'create', uri: ignoreUri, options: { ignoreIfExists: true } },
        {
          textDocument: { uri: ignoreUri, version: null },
          edits: [{ range: { start: at, end: at }, newText: `# Findings Corpus Lint accepts: PATH-GLOB  RULE-CODE|*  [TEXT]\n${line}\n` }],
        },
      ],
    };
  }
  const body = existing.replace(/^\ufeff/, '');
  const eol = /\r\n/.test(body) ? '\r\n' : '\n';
  const lines = body.split(/\r\n|\r|\n/);
  const last = lines.length - 1;
  const tail = lines[last];
  const range: Range = tail === ''
    ? { start: { line: last, character: 0 }, end: { line: last, character: 0 } }
    : (() => {
        const character = fromUtf16(tail, tail.length, o.encoding);
        return { start: { line: last, character }, end: { line: last, character } };
      })();
  return { changes: { [ignoreUri]: [{ range, newText: (tail === '' ? '' : eol) + line + eol }] } };
}

/** Editors do not count a byte order mark as a character: problems are located in the text without it. */
function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function readOr(file: string): string | null {
  try {
    return withoutBom(readSettingsText(file));
  } catch {
    return null;
  }
}

/** Offset and length of a line's text (without its indentation), 0-based. */
function lineSpan(text: string, line: number): { offset: number; length: number } {
  const re = /\r\n|\r|\n/g;
  let start = 0;
  for (let l = 0; l < line; l++) {
    const m = re.exec(text);
    if (!m) return { offset: text.length, length: 0 };
    start = m.index + m[0].length;
  }
  re.lastIndex = start;
  const m = re.exec(text);
  const end = m ? m.index : text.length;
  const raw = text.slice(start, end);
  const indent = raw.length - raw.trimStart().length;
  return { offset: start + indent, length: raw.trim().length };
}

/** The span of a JSON value by its path, or the start of the text when it cannot be found. */
function valueSpan(text: string, at: (string | number)[]): { offset: number; length: number } {
  const node = findNodeAtLocation(parseTree(text) ?? { type: 'null', offset: 0, length: 0 }, at);
  return node ? { offset: node.offset, length: node.length } : { offset: 0, length: 0 };
}

/** Where a baseline's first error is: the JSON syntax error's position, or the offending value. */
function baselineErrorSpan(text: string, errors: string[]): { offset: number; length: number } {
  const first = errors[0] ?? '';
  if (first.startsWith('not valid JSON')) {
    const syntax: ParseError[] = [];
    parse(text, syntax, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    return syntax.length ? { offset: syntax[0].offset, length: syntax[0].length } : { offset: 0, length: 0 };
  }
  const entry = /^findings\[(\d+)\]/.exec(first);
  if (entry) return valueSpan(text, ['findings', Number(entry[1])]);
  if (first.startsWith('"findings"')) return valueSpan(text, ['findings']);
  if (first.startsWith('unsupported baseline version')) return valueSpan(text, ['version']);
  return { offset: 0, length: 0 };
}
