/**
 * `check --context PATH`: files read into the corpus so that duplicates and name spellings are judged against the
 * whole corpus, but not reported (a pre-commit hook checks the staged files with `--context .`). With a context, a
 * named file that the config's `include`/`exclude` globs leave out of the corpus is not checked either: a hook passes
 * every staged `.txt` file, drafts and notes included.
 */
import * as path from 'node:path';
import picomatch from 'picomatch';
import { Discovered, Discovery, discoverFiles, SkippedEntry } from './files';

export interface FoundFile {
  display: string;
  absolute: string;
}

export interface ContextSplit {
  /** The files to check and report. */
  checked: FoundFile[];
  /** The other files of the context: read, not reported. */
  context: FoundFile[];
  /** Named files left out because the config's globs do not select them. */
  outside: FoundFile[];
  /** Entries of the named and the context folders that are not read (links, pipes, unlistable folders), once each. */
  skipped: SkippedEntry[];
}

export function discoverContext(paths: string[], discovered: Discovered, d: Discovery): ContextSplit {
  const named = discovered.files;
  if (!paths.length) return { checked: named, context: [], outside: [], skipped: discovered.skipped };
  const included = picomatch(d.include, { dot: true });
  const excluded = picomatch(d.exclude.length ? d.exclude : ['\u0000'], { dot: true });
  const inCorpus = (abs: string) => {
    const rel = path.relative(d.root, abs).split(path.sep).join('/');
    return included(rel) && !excluded(rel);
  };
  const checked = named.filter((f) => inCorpus(f.absolute));
  const outside = named.filter((f) => !inCorpus(f.absolute));
  const seen = new Set(named.map((f) => f.absolute));
  const around = discoverFiles(paths, d);
  const context = around.files.filter((f) => !seen.has(f.absolute));
  // Once each, and not a named file (a link named on the command line is read through).
  const skippedAlready = new Set(discovered.skipped.map((s) => s.absolute));
  const skipped = [...discovered.skipped, ...around.skipped.filter((s) => !skippedAlready.has(s.absolute) && !seen.has(s.absolute))];
  return { checked, context, outside, skipped };
}

/** Maps file keys (display paths) back to their paths on disk. */
export function absoluteLookup(files: FoundFile[]): (file: string) => string {
  const m = new Map(files.map((f) => [f.display, f.absolute]));
  return (file) => m.get(file) ?? file;
}
