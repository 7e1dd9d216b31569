/**
 * Accepted findings in the CLI: the ignore file at the corpus root and the baseline (`--baseline FILE` or the
 * config's `baseline`). Filters each file's findings before they are counted and printed, and tallies what the
 * baseline hid and what it recorded that is now fixed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding, RuleCode } from '../core/types';
import type { Corpus } from '../core/corpus';
import { applyBaseline, fixedEntries } from '../core/baseline';
import { applyIgnoreFile } from '../core/ignoreFile';
import type { LoadedConfig } from '../node/configFile';
import { loadBaselineFile, LoadedBaseline, LoadedIgnoreFile, loadIgnoreFile, relativeKey } from '../node/acceptedFindings';

export interface Acceptance {
  ignore: LoadedIgnoreFile | null;
  baseline: LoadedBaseline | null;
  /** The findings of a file that are shown: not accepted by the ignore file or the baseline. Pure. */
  shown(file: string, findings: Finding[]): Finding[];
  /** `shown`, and tallies the file for the baseline summary (call once per reported file). */
  filter(file: string, findings: Finding[]): Finding[];
  /** One line for stderr about the baseline, or null when no baseline is used. */
  summary(): string | null;
}

/**
 * Loads the ignore file and the baseline for a run. `baselineOption` is `--baseline` (a path), null for
 * `--no-baseline`, undefined to use the config's. Throws AcceptedFileError for a missing or broken file.
 */
export function loadAcceptance(
  loaded: LoadedConfig,
  baselineOption: string | null | undefined,
  corpus: Pick<Corpus, 'text'>,
  absoluteOf: (file: string) => string,
): Acceptance {
  const ignore = loadIgnoreFile(loaded.root);
  const baselinePath =
    baselineOption === null ? null : baselineOption ?? (loaded.config.baseline ? path.resolve(loaded.root, loaded.config.baseline) : null);
  const baseline = baselinePath ? loadBaselineFile(baselinePath) : null;
  let hidden = 0;
  let fixed = 0;
  const seen = new Set<string>();

  const split = (file: string, findings: Finding[]) => {
    // Nothing to accept: the text is not needed (a check answered from its cache decodes no text then).
    if (!baseline && (!ignore || !findings.length)) return { fresh: findings, baselined: [] as Finding[], matched: new Set<string>(), key: '' };
    const text = corpus.text(file) ?? '';
    const abs = absoluteOf(file);
    const kept = ignore ? applyIgnoreFile(ignore.rules, relativeKey(ignore.file, abs), text, findings).kept : findings;
    if (!baseline) return { fresh: kept, baselined: [] as Finding[], matched: new Set<string>(), key: '' };
    const key = relativeKey(baseline.file, abs);
    return { ...applyBaseline(baseline.index, key, text, kept), key };
  };

  const active = (code: RuleCode) => loaded.config.rules[code] !== 'off';

  return {
    ignore,
    baseline,
    shown: (file, findings) => split(file, findings).fresh,
    filter(file, findings) {
      const s = split(file, findings);
      if (baseline) {
        seen.add(s.key);
        hidden += s.baselined.length;
        fixed += fixedEntries(baseline.index, s.key, s.matched).filter((e) => active(e.code)).length;
      }
      return s.fresh;
    },
    summary() {
      if (!baseline) return null;
      let fixedNow = fixed;
      // Files the baseline lists that are gone from disk: their findings are fixed too. Files merely not checked
      // in this run (a subset of the corpus) are not counted either way.
      for (const [key, entries] of baseline.index.byFile) {
        if (seen.has(key)) continue;
        if (!fs.existsSync(path.resolve(path.dirname(baseline.file), key))) {
          fixedNow += [...entries.values()].filter((e) => active(e.code)).length;
        }
      }
      const name = path.relative(process.cwd(), baseline.file) || baseline.file;
      return (
        `baseline ${name}: ${hidden} known finding${hidden === 1 ? '' : 's'} not shown, ` +
        `${fixedNow} fixed since it was recorded` +
        (fixedNow ? ' (run `corpus-lint baseline` to drop them from the file)' : '')
      );
    },
  };
}
