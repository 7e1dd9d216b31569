/** Hover: the rule behind a diagnostic under the cursor (summary and link), the card of a name, and the day a date names. */
import { Hover, MarkupKind } from 'vscode-languageserver/node';
import type { Position, Range, RuleCode } from '../core/types';
import { RULES } from '../core/rules/catalog';
import { editorRuleDocUrl } from './ruleDocs';
import { LineIndex, offsetAt, positionAt } from '../core/text/lines';
import { DateMention, findDates } from '../core/dates';
import { dateCardMarkdown } from '../core/dates/dateCard';
import { isolateRtl } from '../core/text/bidi';
import { isKnownName, PersonCard, personCardMarkdown, wordAt } from './people';
import type { PositionMapper } from './positions';
import type { Root } from './roots';
import { visibleFindings } from './accepted';
import { entityHover, eventAtHeadline, eventCardMarkdown } from './entities';
import type { PeopleSnapshot } from '../core/people/index';

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

function inRange(r: Range, p: Position): boolean {
  return before(r.start, p) && before(p, r.end);
}

export function ruleMarkdown(code: RuleCode): string {
  return `**Corpus Lint · ${code}**: ${RULES[code].summary}\n\n[Rule documentation](${editorRuleDocUrl(code)})`;
}

/**
 * `pos` is in UTF-16 units; `snapshot` is the root's people index. Findings the ignore file or the baseline accepts
 * are not hovered. A name the people index does not know gets the name index's card, read by `nameCard` (it may take
 * a while: the answer is null when the file changed meanwhile, or when the card was cancelled).
 */
export async function hover(
  root: Root,
  snapshot: PeopleSnapshot,
  uri: string,
  pos: Position,
  positions: PositionMapper,
  markdown: boolean,
  nameCard: (stem: string) => Promise<PersonCard | null>,
): Promise<Hover | null> {
  const corpus = root.corpus;
  const model = corpus.model(uri);
  if (!model) return null;
  const offset = offsetAt(model.lineIndex, pos);
  let card: PersonCard | null = null;
  if (!snapshot.entityAt(uri, offset)) {
    const word = wordAt(corpus, uri, offset);
    if (word && isKnownName(corpus, word.stem)) {
      card = await nameCard(word.stem);
      if (!card || corpus.model(uri) !== model) return null;
    }
  }
  return hoverWith(root, snapshot, uri, pos, positions, markdown, card);
}

function hoverWith(root: Root, snapshot: PeopleSnapshot, uri: string, pos: Position, positions: PositionMapper, markdown: boolean, card: PersonCard | null): Hover | null {
  const corpus = root.corpus;
  const model = corpus.model(uri)!;
  const parts: string[] = [];
  let range: Range | undefined;
  const seen = new Set<RuleCode>();
  for (const f of visibleFindings(root, uri)) {
    if (!inRange(f.range, pos) || seen.has(f.code)) continue;
    seen.add(f.code);
    parts.push(ruleMarkdown(f.code));
    range ??= f.range;
  }
  const offset = offsetAt(model.lineIndex, pos);
  const date = dateAt(model.text, model.lineIndex, pos.line, offset);
  if (date) {
    parts.push(dateCardMarkdown(date.mention));
    range ??= date.range;
  }
  const person = entityHover(root, snapshot, uri, offset);
  const word = person || !card ? null : wordAt(corpus, uri, offset);
  if (person) {
    parts.unshift(person.markdown);
    range = person.range;
  } else if (word && card) {
    parts.unshift(personCardMarkdown(card, (f) => root.describe(f)));
    range = { start: positionAt(model.lineIndex, word.start), end: positionAt(model.lineIndex, word.end) };
  }
  // On an entry's headline: the event it reports (after a name's card, when the cursor is on a name).
  const event = eventAtHeadline(root, snapshot, uri, pos);
  if (event) {
    parts.push(eventCardMarkdown(event.snapshot, event.event));
    range ??= corpus.entries(uri)[event.entry].titleRange;
  }
  if (!parts.length) return null;
  // Arabic names, roles and titles sit in English sentences: each fragment is isolated (core/text/bidi.ts).
  const value = isolateRtl(parts.join('\n\n---\n\n'));
  return {
    contents: markdown ? { kind: MarkupKind.Markdown, value } : { kind: MarkupKind.PlainText, value: toPlainText(value) },
    range: range && positions.toClientRange(uri, range),
  };
}

/** The date mention under the cursor, if any (the line's dates as the date finder reads them). */
function dateAt(text: string, index: LineIndex, line: number, offset: number): { mention: DateMention; range: Range } | null {
  if (line < 0 || line >= index.starts.length) return null;
  const start = index.starts[line];
  const at = offset - start;
  const mention = findDates(text.slice(start, index.ends[line])).find((d) => d.start <= at && at < d.end);
  return mention ? { mention, range: { start: positionAt(index, start + mention.start), end: positionAt(index, start + mention.end) } } : null;
}

function toPlainText(md: string): string {
  return md.replace(/\*\*/g, '').replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1: $2').replace(/\n---\n/g, '\n');
}
