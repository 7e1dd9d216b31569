/**
 * Converts ranges between the core (UTF-16 code units) and the client's negotiated position encoding, using the
 * current text of each file. With UTF-16 (the usual case) every conversion is the identity.
 */
import type { Position, Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LineIndex } from '../core/text/lines';
import { Encoding, fromUtf16, toUtf16 } from './encoding';

/** The text of a file with its line index, as the core holds it. */
export interface LinedText {
  text: string;
  lineIndex: LineIndex;
}

export class PositionMapper {
  constructor(
    /** Set once, when the client's capabilities are known. */
    public encoding: Encoding,
    private readonly textOf: (file: string) => LinedText | undefined,
  ) {}

  get identity(): boolean {
    return this.encoding === 'utf-16';
  }

  private lineText(file: string, line: number): string | undefined {
    const t = this.textOf(file);
    if (!t || line < 0 || line >= t.lineIndex.starts.length) return undefined;
    return t.text.slice(t.lineIndex.starts[line], t.lineIndex.ends[line]);
  }

  /** A core position to the client's encoding. */
  toClientPosition(file: string, pos: Position): Position {
    if (this.identity) return pos;
    const line = this.lineText(file, pos.line);
    return line === undefined ? pos : { line: pos.line, character: fromUtf16(line, pos.character, this.encoding) };
  }

  toClientRange(file: string, range: Range): Range {
    if (this.identity) return range;
    return { start: this.toClientPosition(file, range.start), end: this.toClientPosition(file, range.end) };
  }

  /** A client position to the core's UTF-16 units. */
  fromClientPosition(file: string, pos: Position): Position {
    if (this.identity) return pos;
    const line = this.lineText(file, pos.line);
    return line === undefined ? pos : { line: pos.line, character: toUtf16(line, pos.character, this.encoding) };
  }

  fromClientRange(file: string, range: Range): Range {
    if (this.identity) return range;
    return { start: this.fromClientPosition(file, range.start), end: this.fromClientPosition(file, range.end) };
  }

  /** A client range inside an open document (before a change is applied) to UTF-16 units. */
  fromClientRangeIn(doc: TextDocument, range: Range): Range {
    if (this.identity) return range;
    const convert = (p: Position): Position => {
      if (p.line >= doc.lineCount) return p;
      const line = doc.getText({ start: { line: p.line, character: 0 }, end: { line: p.line + 1, character: 0 } }).replace(/\r?\n$|\r$/, '');
      return { line: p.line, character: toUtf16(line, p.character, this.encoding) };
    };
    return { start: convert(range.start), end: convert(range.end) };
  }
}
