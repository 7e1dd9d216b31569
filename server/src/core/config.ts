/**
 * The corpus config: its shape, defaults, and parsing and validation of the config file's text (JSON with comments)
 * against the JSON schema. Pure: hosts find and read the file, this turns text into a config or clear errors.
 */
import Ajv from 'ajv';
import { parse, ParseError, printParseErrorCode } from 'jsonc-parser';
import schema from '../../../schemas/corpus-lint.schema.json';
import type { RuleCode, SeveritySetting } from './types';
import { DEFAULT_DUPLICATE_OPTIONS, DuplicateOptions } from './duplicates/index';
import { RULES, RULE_CODES } from './rules/catalog';

export const CONFIG_FILE_NAMES = ['corpus-lint.json', '.corpus-lint.json'];

export interface CorpusConfig {
  include: string[];
  exclude: string[];
  rules: Record<RuleCode, SeveritySetting>;
  duplicates: DuplicateOptions;
  names: { preferred: Record<string, string[]>; minRatio: number };
  registry?: string;
  /** Baseline file, relative to the config file's folder: its findings are not reported (CLI and editor). */
  baseline?: string;
}

export type PartialConfig = {
  include?: string[];
  exclude?: string[];
  rules?: Partial<Record<RuleCode, SeveritySetting>>;
  duplicates?: Partial<DuplicateOptions>;
  names?: Partial<CorpusConfig['names']>;
  registry?: string;
  baseline?: string;
};

export function defaultConfig(): CorpusConfig {
  const rules = {} as Record<RuleCode, SeveritySetting>;
  for (const code of RULE_CODES) rules[code] = RULES[code].defaultSeverity;
  return {
    include: ['**/*.txt'],
    exclude: [],
    rules,
    duplicates: { ...DEFAULT_DUPLICATE_OPTIONS },
    names: { preferred: {}, minRatio: 2 },
  };
}

/** Merges partial settings over a config (later settings win). */
export function mergeConfig(base: CorpusConfig, over: PartialConfig | undefined): CorpusConfig {
  if (!over) return base;
  return {
    include: over.include ?? base.include,
    exclude: over.exclude ?? base.exclude,
    rules: { ...base.rules, ...(over.rules ?? {}) },
    duplicates: { ...base.duplicates, ...(over.duplicates ?? {}) },
    names: {
      preferred: { ...base.names.preferred, ...(over.names?.preferred ?? {}) },
      minRatio: over.names?.minRatio ?? base.names.minRatio,
    },
    registry: over.registry ?? base.registry,
    baseline: over.baseline ?? base.baseline,
  };
}

export interface ConfigError {
  message: string;
  /** Offset and length in the config text (UTF-16). */
  offset: number;
  length: number;
}

export interface ParsedConfig {
  config: PartialConfig | null;
  errors: ConfigError[];
}

let validator: ReturnType<Ajv['compile']> | null = null;

/** Parses and validates a config file's text. Never throws. */
export function parseConfigText(text: string): ParsedConfig {
  const syntax: ParseError[] = [];
  const value = parse(text, syntax, { allowTrailingComma: true, disallowComments: false });
  if (syntax.length) {
    return {
      config: null,
      errors: syntax.map((e) => ({ message: `JSON syntax error: ${printParseErrorCode(e.error)}`, offset: e.offset, length: e.length })),
    };
  }
  if (!validator) validator = new Ajv({ allErrors: true, strict: false }).compile(schema);
  if (!validator(value)) {
    return {
      config: null,
      errors: (validator.errors ?? []).map((e) => ({
        message: `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}${
          e.params && 'additionalProperty' in e.params ? `: «${String(e.params.additionalProperty)}»` : ''
        }${e.params && 'allowedValues' in e.params ? ` (${(e.params.allowedValues as string[]).join(', ')})` : ''}`,
        ...locate(text, e.instancePath),
      })),
    };
  }
  const config = value as PartialConfig;
  const outside = (['include', 'exclude'] as const).flatMap((key) =>
    (config[key] ?? []).map((glob, i) => ({ key, glob, i })).filter(({ glob }) => leavesRoot(glob)),
  );
  if (outside.length) {
    return {
      config: null,
      errors: outside.map(({ key, glob, i }) => ({
        message: `/${key}/${i} «${glob}» leaves the config's folder: globs are relative to it and stay inside it`,
        ...locateValue(text, glob),
      })),
    };
  }
  return { config, errors: [] };
}

/**
 * A glob that reaches outside the config's folder (an absolute path, a drive, a «..» segment): `check --fix` would
 * rewrite files of another corpus or of the system.
 */
function leavesRoot(glob: string): boolean {
  return /^(?:[\\/]|[A-Za-z]:)/.test(glob) || glob.split(/[\\/]/).includes('..');
}

/** Best-effort position of a string value in the text. */
function locateValue(text: string, value: string): { offset: number; length: number } {
  const at = text.indexOf(JSON.stringify(value));
  return at >= 0 ? { offset: at, length: JSON.stringify(value).length } : { offset: 0, length: Math.min(1, text.length) };
}

/** Best-effort position of a JSON pointer's last key in the text. */
function locate(text: string, pointer: string): { offset: number; length: number } {
  const key = pointer.split('/').pop();
  if (key) {
    const at = text.indexOf(JSON.stringify(key.replace(/~1/g, '/').replace(/~0/g, '~')));
    if (at >= 0) return { offset: at, length: key.length + 2 };
  }
  return { offset: 0, length: Math.min(1, text.length) };
}
