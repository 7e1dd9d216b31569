/** Document links: URLs written in the text (http, https, www. and t.me addresses). */
import type { DocumentLink } from 'vscode-languageserver/node';
import { positionAt } from '../core/text/lines';
import type { PositionMapper } from './positions';
import type { Root } from './roots';

const URL_PATTERN = /(?:\bhttps?:\/\/|\bwww\.|(?<![\p{L}\p{N}_.@/-])t\.me\/)[^\s<>"«»“”]+/giu;
/** Punctuation that ends a sentence rather than the address. */
const TRAILING = /[.,;:!?'’،؛؟…)\]}]+$/u;

/** The links of a text, with offsets and the address each opens. */
export function findLinks(text: string): { start: number; end: number; target: string }[] {
  const out: { start: number; end: number; target: string }[] = [];
  for (const m of text.matchAll(URL_PATTERN)) {
    let url = m[0];
    // Keep a closing bracket that closes one opened inside the address (Wikipedia style).
    while (TRAILING.test(url)) {
      const last = url[url.length - 1];
      if ((last === ')' && count(url, '(') >= count(url, ')')) || (last === ']' && count(url, '[') >= count(url, ']'))) break;
      url = url.slice(0, -1);
    }
    const target = /^https?:\/\//i.test(url) ? url : `https://${url}`;
    try {
      new URL(target);
    } catch {
      continue;
    }
    if (url.length < 6) continue;
    out.push({ start: m.index!, end: m.index! + url.length, target });
  }
  return out;
}

function count(s: string, c: string): number {
  let n = 0;
  for (const x of s) if (x === c) n++;
  return n;
}

export function documentLinks(root: Root, uri: string, positions: PositionMapper): DocumentLink[] {
  const model = root.corpus.model(uri);
  if (!model) return [];
  return findLinks(model.text).map((l) => ({
    range: positions.toClientRange(uri, { start: positionAt(model.lineIndex, l.start), end: positionAt(model.lineIndex, l.end) }),
    target: l.target,
  }));
}
