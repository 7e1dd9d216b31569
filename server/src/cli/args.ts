/** Command-line parsing for `corpus-lint`. Usage errors are values, never exceptions. */
import { parseArgs } from 'node:util';

export type Format = 'text' | 'json' | 'sarif' | 'github';
const FORMATS: Format[] = ['text', 'json', 'sarif', 'github'];

export interface CheckArgs {
  command: 'check';
  paths: string[];
  format: Format;
  config?: string;
  maxWarnings?: number;
  quiet: boolean;
  /** Apply the safe fixes (`--fix`), or print them as a diff (`--fix-dry-run`). */
  fix: 'off' | 'write' | 'dry-run';
  /** Baseline file (`--baseline`); null: none, even if the config names one (`--no-baseline`). */
  baseline?: string | null;
  /** Folders or files read as context (`--context`): they inform the findings but are not reported. */
  context: string[];
  /** Reuse the last results when nothing changed (`--cache`), stored in `cacheLocation` (`--cache-location`). */
  cache: boolean;
  cacheLocation?: string;
  /** `--shard i/n --shard-dir DIR`: analyze every n-th file and write the analyses (no report). */
  shard?: { index: number; count: number; dir: string };
  /** `--merge-shards DIR`: use the shards' analyses instead of analyzing. */
  mergeShards?: string;
}

export interface BaselineArgs extends CacheArgs {
  command: 'baseline';
  paths: string[];
  config?: string;
  /** Where to write the baseline (default: the config's `baseline`, else corpus-lint-baseline.json at the root). */
  output?: string;
  context: string[];
}

/** `--cache` / `--cache-location` for the commands that analyze the corpus without checking it: the analyses only. */
export interface CacheArgs {
  cache: boolean;
  cacheLocation?: string;
}

export interface ReportArgs extends CacheArgs {
  command: 'report';
  paths: string[];
  format: 'html';
  config?: string;
  baseline?: string | null;
  /** Output file; stdout when absent. */
  output?: string;
  context: string[];
}

/** `entities`: people, places and events (see entities.ts). */
export interface EntitiesArgs extends CacheArgs {
  command: 'entities';
  paths: string[];
  format: 'text' | 'json';
  config?: string;
  context: string[];
}

/** `registry init`: write a starter registry of people and places learned from the corpus. */
export interface RegistryArgs {
  command: 'registry';
  action: 'init';
  paths: string[];
  config?: string;
  output?: string;
  force: boolean;
  minMentions?: number;
  context: string[];
}

export type Args =
  | CheckArgs
  | EntitiesArgs
  | RegistryArgs
  | BaselineArgs
  | ReportArgs
  | { command: 'explain'; code?: string }
  | { command: 'help' }
  | { command: 'version' };

export class UsageError extends Error {}

export const USAGE = `Usage: corpus-lint <command> [options]

Commands:
  check [paths...]     Lint corpus files or folders (default: the current folder)
  baseline [paths...]  Record today's findings in a baseline file; check then reports only new ones
  report [paths...]    Write a self-contained HTML report (--format html, --output FILE)
  entities [paths...]  List the people, places and events of the corpus (--format text or json)
  registry init [paths...]  Write a starter registry of people and places (--output FILE, --force,
                       --min-mentions N; default file: the config's "registry", else corpus-registry.json)
  explain CODE         Explain a rule: what it finds, why, an example, how to configure it
  help                 Show this help

Options of check:
  --format FORMAT      text (default), json, sarif or github
  --config FILE        Use this config file instead of looking for corpus-lint.json upwards
  --max-warnings N     Exit 1 when there are more than N warnings
  --quiet              Report errors only
  --fix                Apply the safe fixes, then report what is left
  --fix-dry-run        Print the safe fixes as a unified diff; change nothing (exit 1 when there are fixes)
  --baseline FILE      Report only findings not recorded in this baseline (default: the config's "baseline")
  --no-baseline        Ignore the config's baseline
  --context PATH       Read PATH as context (repeatable): duplicates and name spellings are judged against it,
                       but only the checked paths are reported (pre-commit: --context . plus the staged files;
                       also for baseline and report)
  --output FILE        baseline, report: where to write
  --cache              Reuse the last results when the config and every file are unchanged, and otherwise
                       the analyses of the files that are (stored in .corpus-lint-cache/ at the corpus root;
                       baseline, report and entities reuse and store the analyses)
  --cache-location DIR Where the cache lives (implies --cache)
  --shard i/n          With --shard-dir DIR: analyze every n-th file (sorted by path) and write the analyses to DIR;
                       no report (one CI job per shard)
  --merge-shards DIR   Use the analyses of all shards in DIR instead of analyzing: the same findings as one run
  --version            Print the version

Exit codes: 0 no errors (and warnings within --max-warnings), 1 findings over the limit, 2 usage error,
missing path or invalid config.`;

export function parseCommandLine(argv: string[]): Args {
  if (!argv.length) return { command: 'help' };
  if (argv[0] === '--version' || argv[0] === '-v') return { command: 'version' };
  if (argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') return { command: 'help' };
  const [command, ...rest] = argv;
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        config: { type: 'string', short: 'c' },
        'max-warnings': { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        fix: { type: 'boolean' },
        'fix-dry-run': { type: 'boolean' },
        baseline: { type: 'string' },
        'no-baseline': { type: 'boolean' },
        context: { type: 'string', multiple: true },
        output: { type: 'string', short: 'o' },
        force: { type: 'boolean' },
        'min-mentions': { type: 'string' },
        cache: { type: 'boolean' },
        shard: { type: 'string' },
        'shard-dir': { type: 'string' },
        'merge-shards': { type: 'string' },
        'cache-location': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  // An empty argument is an unset shell variable, not the current folder: checked (or fixed) whole, it would surprise.
  if (positionals.includes('')) throw new UsageError('a path is empty');
  for (const [option, value] of Object.entries(values)) {
    if (value === '' || (Array.isArray(value) && value.includes(''))) throw new UsageError(`--${option} is empty`);
  }
  if (command === 'explain') {
    if (positionals.length > 1) throw new UsageError('explain takes one rule code');
    return { command: 'explain', code: positionals[0] };
  }
  const baseline = values['no-baseline'] ? null : values.baseline;
  const cache: CacheArgs = { cache: (values.cache ?? false) || values['cache-location'] !== undefined, cacheLocation: values['cache-location'] };
  if (command === 'baseline') {
    const paths = positionals.length ? positionals : ['.'];
    return { command: 'baseline', paths, config: values.config, output: values.output, context: values.context ?? [], ...cache };
  }
  if (command === 'report') {
    if ((values.format ?? 'html') !== 'html') throw new UsageError(`report writes --format html, not «${values.format}»`);
    const paths = positionals.length ? positionals : ['.'];
    return { command: 'report', paths, format: 'html', config: values.config, baseline, output: values.output, context: values.context ?? [], ...cache };
  }
  if (command === 'entities') {
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`entities prints --format text or json, not «${format}»`);
    return { command: 'entities', paths: positionals.length ? positionals : ['.'], format, config: values.config, context: values.context ?? [], ...cache };
  }
  if (command === 'registry') {
    if (positionals[0] !== 'init') throw new UsageError('registry takes the action «init»: corpus-lint registry init [paths...]');
    const min = values['min-mentions'];
    const minMentions = min === undefined ? undefined : Number(min);
    if (minMentions !== undefined && (!Number.isInteger(minMentions) || minMentions < 1)) throw new UsageError(`--min-mentions needs a whole number of 1 or more, not «${min}»`);
    const paths = positionals.length > 1 ? positionals.slice(1) : ['.'];
    return { command: 'registry', action: 'init', paths, config: values.config, output: values.output, force: values.force ?? false, minMentions, context: values.context ?? [] };
  }
  if (command !== 'check') throw new UsageError(`Unknown command «${command}»`);
  if (values.fix && values['fix-dry-run']) throw new UsageError('use either --fix or --fix-dry-run');
  const format = (values.format ?? 'text') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`Unknown format «${values.format}»: use ${FORMATS.join(', ')}`);
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) {
      throw new UsageError(`--max-warnings needs a whole number of 0 or more, not «${values['max-warnings']}»`);
    }
  }
  let shard: CheckArgs['shard'];
  if (values.shard !== undefined) {
    const m = /^(\d+)\/(\d+)$/.exec(values.shard);
    const index = m ? Number(m[1]) : 0;
    const count = m ? Number(m[2]) : 0;
    if (!m || index < 1 || index > count) throw new UsageError(`--shard needs i/n with 1 <= i <= n, not «${values.shard}»`);
    if (!values['shard-dir']) throw new UsageError('--shard needs --shard-dir DIR to write the analyses to');
    shard = { index, count, dir: values['shard-dir'] };
  }
  if (shard && values['merge-shards']) throw new UsageError('use either --shard or --merge-shards');
  return {
    command: 'check',
    shard,
    mergeShards: values['merge-shards'],
    paths: positionals.length ? positionals : ['.'],
    format,
    config: values.config,
    maxWarnings,
    quiet: values.quiet ?? false,
    fix: values.fix ? 'write' : values['fix-dry-run'] ? 'dry-run' : 'off',
    baseline,
    context: values.context ?? [],
    ...cache,
  };
}
