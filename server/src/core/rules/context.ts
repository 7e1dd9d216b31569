/** What every rule receives to produce the findings of one file. */
import type { CorpusConfig } from '../config';
import type { FileModel } from '../file';
import type { RuleCode, Severity } from '../types';

export interface RuleContext {
  file: string;
  model: FileModel;
  config: CorpusConfig;
  /** How to name a file in a message. */
  describe: (file: string) => string;
  /** The configured severity of a rule, or null when it is off. */
  severity: (code: RuleCode) => Severity | null;
}

/** «file:line» (1-based line) for messages; «line N» when the place is in the file the finding is on. */
export function where(ctx: RuleContext, file: string, line: number): string {
  return file === ctx.file ? `line ${line + 1}` : `${ctx.describe(file)}:${line + 1}`;
}
