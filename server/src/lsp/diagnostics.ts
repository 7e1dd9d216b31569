/**
 * Findings as LSP diagnostics. `Diagnostic.data` says which finding a diagnostic shows: a tag of the analysis of the
 * file's text it was computed from and, for a client that counts positions in other units than UTF-16, the finding's
 * range in the core's UTF-16 form (otherwise it is the diagnostic's range). A quick fix takes the fixes and facts from
 * the server's current findings of the file (the one at that range, while the analysis is the same): sent with every
 * diagnostic, they and the repeated range were 40% of the bytes of a first publication (on 10,000 files 10.6 MB, now
 * 6.4 MB).
 */
import { randomBytes } from 'node:crypto';
import { Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity } from 'vscode-languageserver/node';
import type { Finding, Range, Severity } from '../core/types';
import { isolateRtl } from '../core/text/bidi';
import { isLspRange } from './params';
import { editorRuleDocUrl } from './ruleDocs';
import type { PositionMapper } from './positions';

export const SOURCE = 'corpus-lint';

/** The payload of a Corpus Lint diagnostic's `data`. */
export interface DiagnosticData {
  /** The analysis of the file's text the finding comes from (see `tagOfAnalysis`). */
  analysis: string;
  /** The finding's range in UTF-16 units, when the diagnostic's own range is in another encoding. */
  range?: Range;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export interface ToDiagnosticOptions {
  positions: PositionMapper;
  /** The client shows `relatedInformation`; otherwise the other locations are written into the message. */
  relatedInformation: boolean;
  describe: (file: string) => string;
  /** The tag of the analysis the findings come from (see `tagOfAnalysis`). */
  analysis: string;
}

/**
 * A finding as a diagnostic. Its Arabic fragments are isolated (core/text/bidi.ts) in the message and the related
 * messages: the editor shows them inside English sentences. The CLI prints the core's messages as they are.
 */
export function toDiagnostic(f: Finding, o: ToDiagnosticOptions): Diagnostic {
  const range = o.positions.toClientRange(f.file, f.range);
  const data: DiagnosticData = range === f.range ? { analysis: o.analysis } : { analysis: o.analysis, range: f.range };
  const d: Diagnostic = {
    range,
    severity: SEVERITY[f.severity],
    code: f.code,
    codeDescription: { href: editorRuleDocUrl(f.code) },
    source: SOURCE,
    message: isolateRtl(f.message),
    data,
  };
  if (f.related.length) {
    if (o.relatedInformation) {
      d.relatedInformation = f.related.map(
        (r): DiagnosticRelatedInformation => ({
          location: { uri: r.file, range: o.positions.toClientRange(r.file, r.range) },
          message: isolateRtl(r.message),
        }),
      );
    } else {
      d.message += '\n' + f.related.map((r) => isolateRtl(`Also at ${o.describe(r.file)}:${r.range.start.line + 1}: ${r.message}`)).join('\n');
    }
  }
  return d;
}

/** Sets this server process's tags apart from those of an earlier one, whose diagnostics a client may still hold. */
const PROCESS_TAG = randomBytes(4).toString('hex');

/**
 * The tag of the `serial`-th analysis this process has tagged. The publisher keeps a file's tag while its text stays
 * the same, so equal tags mean the text the diagnostic was computed on; a hash of the text did the same for 50-60 ms
 * of a first publication of 10,000 files.
 */
export function tagOfAnalysis(serial: number): string {
  return `${PROCESS_TAG}.${serial.toString(36)}`;
}

/** Reads our payload back from a diagnostic sent by the client, or null when it is not one of ours. */
export function diagnosticData(d: Diagnostic): DiagnosticData | null {
  if (d.source !== SOURCE || !d.data || typeof d.data !== 'object') return null;
  const data = d.data as Partial<DiagnosticData>;
  if (typeof data.analysis !== 'string' || (data.range !== undefined && !isLspRange(data.range))) return null;
  return data as DiagnosticData;
}

