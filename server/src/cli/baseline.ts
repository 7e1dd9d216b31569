/**
 * `corpus-lint baseline`: records today's findings (minus the ones the ignore file accepts) in a baseline file with
 * line-independent fingerprints, so `check` reports only new findings. Entries of files outside the given paths are
 * kept when those files still exist, so a baseline can be refreshed one folder at a time.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BaselineEntry, baselineEntries, DEFAULT_BASELINE_FILE, parseBaseline, serializeBaseline } from '../core/baseline';
import { applyIgnoreFile } from '../core/ignoreFile';
import { loadIgnoreFile, relativeKey } from '../node/acceptedFindings';
import { writeGeneratedFile } from '../node/atomicWrite';
import type { BaselineArgs } from './args';
import { loadCorpus, usageProblem } from './loadCorpus';
import type { Io } from './main';

export function runBaseline(args: BaselineArgs, io: Io): number {
  const c = loadCorpus(args.paths, args, io);
  if (c === 2) return 2;
  const { loaded, corpus } = c;
  const output = path.resolve(
    args.output ?? (loaded.config.baseline ? path.join(loaded.root, loaded.config.baseline) : path.join(loaded.root, DEFAULT_BASELINE_FILE)),
  );
  let ignore;
  try {
    ignore = loadIgnoreFile(loaded.root);
  } catch (err) {
    return usageProblem(err, io);
  }
  const entries: BaselineEntry[] = [];
  const recorded = new Set<string>();
  for (const file of c.files) {
    const abs = c.absoluteOf(file);
    const text = corpus.text(file) ?? '';
    let findings = corpus.findings(file);
    if (ignore) findings = applyIgnoreFile(ignore.rules, relativeKey(ignore.file, abs), text, findings).kept;
    const key = relativeKey(output, abs);
    recorded.add(key);
    entries.push(...baselineEntries(key, text, findings));
  }
  let kept = 0;
  // The findings of files not checked now are kept from the baseline there (a regular file: not --output /dev/null).
  if (fs.statSync(output, { throwIfNoEntry: false })?.isFile()) {
    const previous = parseBaseline(fs.readFileSync(output, 'utf8')).baseline;
    for (const e of previous?.findings ?? []) {
      if (recorded.has(e.file) || !fs.existsSync(path.resolve(path.dirname(output), e.file))) continue;
      entries.push(e);
      kept++;
    }
  }
  try {
    writeGeneratedFile(output, serializeBaseline(entries));
  } catch (err) {
    io.stderr(`corpus-lint: cannot write ${output}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
    return 2;
  }
  const shown = path.relative(process.cwd(), output) || output;
  const files = new Set(entries.map((e) => e.file)).size;
  io.stdout(
    `Baseline ${shown}: ${entries.length} finding${entries.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}` +
      (kept ? ` (${kept} kept from files not checked now)` : '') +
      '.\n',
  );
  const configured = loaded.config.baseline && path.resolve(loaded.root, loaded.config.baseline) === output;
  if (!configured) {
    const rel = relativeKey(path.join(loaded.root, 'x'), output);
    io.stdout(
      `Use it with \`corpus-lint check --baseline ${shown}\`, or add "baseline": "${rel}" to the config file ` +
        `so that check and the editor both honour it.\n`,
    );
  }
  return 0;
}
