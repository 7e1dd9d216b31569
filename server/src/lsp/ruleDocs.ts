/**
 * Where the editor's «Rule documentation» links go: the rules document shipped beside the server (docs/rules.md in the
 * extension), opened at the rule's heading, so the link works offline and matches the installed version; the published
 * document when the server runs without it (from sources, or installed from npm without docs).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ruleDocUrl } from '../core/rules/catalog';
import { ruleHeadingLine } from '../core/rules/rulesDoc';
import type { RuleCode } from '../core/types';

let shipped: { url: string; doc: string } | null | undefined;
/** Each rule's link, made once: finding a heading splits the whole document, and every diagnostic carries a link. */
const links = new Map<RuleCode, string>();

/** The rules document next to the server's bundle (`dist/server.js` -> `docs/rules.md`), if there is one. */
function shippedDoc(): { url: string; doc: string } | null {
  if (shipped !== undefined) return shipped;
  shipped = null;
  for (const candidate of [path.join(__dirname, '..', 'docs', 'rules.md'), path.join(__dirname, '..', '..', '..', 'docs', 'rules.md')]) {
    try {
      shipped = { url: pathToFileURL(candidate).href, doc: fs.readFileSync(candidate, 'utf8') };
      break;
    } catch {
      // not there: try the next place, else the published document
    }
  }
  return shipped;
}

/** The link to a rule's documentation for the editor: the shipped document at the rule's line («#L12»), or the web. */
export function editorRuleDocUrl(code: RuleCode): string {
  let link = links.get(code);
  if (link === undefined) {
    const local = shippedDoc();
    const line = local ? ruleHeadingLine(local.doc, code) : null;
    link = local && line !== null ? `${local.url}#L${line}` : ruleDocUrl(code);
    links.set(code, link);
  }
  return link;
}
