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
}

export type Args =
  | CheckArgs
  | { command: 'explain'; code?: string }
  | { command: 'help' }
  | { command: 'version' };

export class UsageError extends Error {}

export const USAGE = `Usage: corpus-lint <command> [options]

Commands:
  check [paths...]     Lint corpus files or folders (default: the current folder)
  explain CODE         Explain a rule: what it finds, why, an example, how to configure it
  help                 Show this help

Options of check:
  --format FORMAT      text (default), json, sarif or github
  --config FILE        Use this config file instead of looking for corpus-lint.json upwards
  --max-warnings N     Exit 1 when there are more than N warnings
  --quiet              Report errors only
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
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  if (command === 'explain') {
    if (positionals.length > 1) throw new UsageError('explain takes one rule code');
    return { command: 'explain', code: positionals[0] };
  }
  if (command !== 'check') throw new UsageError(`Unknown command «${command}»`);
  const format = (values.format ?? 'text') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`Unknown format «${values.format}»: use ${FORMATS.join(', ')}`);
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) {
      throw new UsageError(`--max-warnings needs a whole number of 0 or more, not «${values['max-warnings']}»`);
    }
  }
  return {
    command: 'check',
    paths: positionals.length ? positionals : ['.'],
    format,
    config: values.config,
    maxWarnings,
    quiet: values.quiet ?? false,
  };
}
