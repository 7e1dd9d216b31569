/** Plain, serializable data types shared by the analysis core and its hosts (CLI, language server). */

/** A position in a text: 0-based line, character offset in UTF-16 code units (the LSP default). */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** Severity of a finding; `off` disables a rule in the config. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

/** Stable rule codes: never renamed. */
export type RuleCode =
  | 'duplicate-paragraph'
  | 'near-duplicate-paragraph'
  | 'name-variant'
  | 'undated-entry'
  | 'incomplete-date';

/** A location in another (or the same) file that belongs to a finding, e.g. the other member of a duplicate group. */
export interface RelatedLocation {
  /** The file key as given to `applyChange` (a URI in the language server, a path in the CLI). */
  file: string;
  range: Range;
  message: string;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

/** A fix: edits grouped by file. `safe` fixes are applied by `check --fix`; the others only by a person in the editor. */
export interface Fix {
  title: string;
  safe: boolean;
  changes: { file: string; edits: TextEdit[] }[];
}

/** One finding of one rule in one file. Everything a quick fix needs rides along (`fixes`, `data`). */
export interface Finding {
  file: string;
  code: RuleCode;
  severity: Severity;
  message: string;
  range: Range;
  related: RelatedLocation[];
  fixes: Fix[];
  /** Extra machine-readable facts (canonical spelling, similarity, ...). Serializable. */
  data?: Record<string, unknown>;
}

/** An entry of a file: a Telegram post or a news article. */
export interface EntryInfo {
  /** Lines covered by the entry, from its first to its last content line. */
  range: Range;
  title: string;
  titleRange: Range;
  /** ISO date `YYYY-MM-DD` when the entry carries a complete date, else null. */
  date: string | null;
  /** The date as written in the text (also set for a date without a year). */
  dateText: string | null;
  dateRange: Range | null;
  /** `full`: day, month and year; `partial`: day and month only; `none`. */
  dateKind: 'full' | 'partial' | 'none';
}

/** A change pushed into the corpus by a host. Texts are the files' full contents. */
export interface CorpusChange {
  /**
   * Files with their full text. `analysis` may carry the file's analysis made elsewhere (a shard job): it is used when
   * it was made from the same text (see `analyzeFile`), otherwise the file is analyzed here.
   */
  changed?: { file: string; text: string; analysis?: import('./file').FileModel }[];
  removed?: string[];
}
