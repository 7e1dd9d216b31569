/** What the server sends the editor isolates each Arabic fragment of an English sentence (FSI … PDI). */
import * as assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, Hover } from 'vscode-languageserver/node';
import { positionOf, SEED, startSession } from './harness';

const FSI = '\u2068';
const PDI = '\u2069';
const messageOf = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);
const byCode = (ds: Diagnostic[] | undefined, code: string) => (ds ?? []).filter((d) => d.code === code);

describe('language server: Arabic in English text is isolated', function () {
  this.timeout(60000);

  it('in hover cards, diagnostic messages, related messages and quick fix titles', async () => {
    const { client, corpus } = await startSession();
    const uri001 = corpus.uri(SEED.s001);
    const hover = await client.requestRaw<Hover>('textDocument/hover', { textDocument: { uri: uri001 }, position: positionOf(corpus.read(SEED.s001), 'وبوتين', 2) });
    const card = (hover.contents as { value: string }).value;
    assert.match(card, new RegExp(`Variants: «${FSI}بوتين${PDI}» \\d+, «${FSI}فلاديمير بوتين${PDI}» \\d+`));
    assert.match(card, new RegExp(`^\\*\\*${FSI}فلاديمير بوتين${PDI}\\*\\* — person`));

    const undated = byCode(client.rawDiagnostics.get(corpus.uri(SEED.s000)), 'undated-entry')[0];
    assert.match(messageOf(undated), new RegExp(`^Entry has no date: «${FSI}[^${PDI}]+…${PDI}»$`));

    const uri002 = corpus.uri(SEED.s002);
    const variant = byCode(client.rawDiagnostics.get(uri002), 'name-variant').find((d) => messageOf(d).includes('بوتن'))!;
    assert.match(messageOf(variant), new RegExp(`^«${FSI}بوتن${PDI}» is a variant spelling of «${FSI}بوتين${PDI}»`));
    const actions = await client.requestRaw<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uri002 }, range: variant.range, context: { diagnostics: [variant] } });
    assert.ok(actions.some((a) => a.title === `Replace with «${FSI}بوتين${PDI}»`), actions.map((a) => a.title).join('\n'));
  });
});
