/** The people, places and events index in the editor: cards, go to definition, references, CodeLens, registry. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { CodeLens, Diagnostic, Hover, Location, WorkspaceEdit, WorkspaceSymbol } from 'vscode-languageserver/node';
import { editorCapabilities, inProcess, positionOf, SEED, TempCorpus, TestClient, Session, SessionOptions, startSession } from './harness';

function start(o: SessionOptions = {}): Promise<Session> {
  return startSession(o);
}

const SUMMIT_POST = 'الرئيس #الأسد خلال القمة مع الرئيس الروسي #بوتين';
const valueOf = (h: Hover) => (h.contents as { value: string }).value;

/** The capabilities of an editor that applies edits but cannot create files. */
function noCreateCapabilities() {
  const caps = editorCapabilities();
  caps.workspace!.workspaceEdit = { documentChanges: true, resourceOperations: [] };
  return caps;
}

describe('language server: people, places and events', function () {
  this.timeout(60000);

  it('shows the person card with roles, and finds every mention of بوتين in all five files', async () => {
    const { client, corpus } = await start();
    const uri = corpus.uri(SEED.s003);
    const text = corpus.read(SEED.s003);
    const pos = positionOf(text, 'بوتين', 1);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: pos });
    const value = valueOf(hover);
    assert.match(value, /^\*\*فلاديمير بوتين\*\* — person/);
    assert.match(value, /Roles: [^\n]*الرئيس الروسي/);
    assert.match(value, /Variants: [^\n]*«فلاديمير بوتن» 2/);
    assert.match(value, /\d+ mentions in 5 files/);

    const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri }, position: pos, context: { includeDeclaration: true } });
    assert.deepEqual([...new Set(refs.map((r) => r.uri))].sort(), Object.values(SEED).map((f) => corpus.uri(f)).sort());
    const m = /(\d+) mentions/.exec(value)!;
    assert.equal(refs.length, Number(m[1]));

    // A word the people index does not know keeps the name-index card (or nothing): never the person card.
    const other = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'علاقاتنا', 1) });
    assert.ok(!other || !/— person/.test(valueOf(other)));
  });

  it('shows the event of an entry on its headline, and jumps between the reports of the Moscow summit', async () => {
    const { client, corpus } = await start();
    const uri003 = corpus.uri(SEED.s003);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: uri003 }, position: positionOf(corpus.read(SEED.s003), 'مستقبلاً', 1) });
    const value = valueOf(hover);
    assert.match(value, /\*\*meeting\*\* — event, 2023-03-15/);
    assert.match(value, /Participants: [^\n]*بوتين[^\n]*الأسد|Participants: [^\n]*الأسد[^\n]*بوتين/);
    assert.match(value, /Place: الكرملين/);
    assert.match(value, /1 report of this event/);

    const uri000 = corpus.uri(SEED.s000);
    const uri001 = corpus.uri(SEED.s001);
    const text000 = corpus.read(SEED.s000);
    // On the headline, away from the names (on «القمة»).
    const pos = positionOf(text000, SUMMIT_POST, SUMMIT_POST.indexOf('القمة') + 1);
    const summit = await client.request<Hover>('textDocument/hover', { textDocument: { uri: uri000 }, position: pos });
    assert.match(valueOf(summit), /\*\*summit\*\* — event[\s\S]*Place: موسكو[\s\S]*2 reports of this event/);
    const def = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: uri000 }, position: pos });
    assert.deepEqual(def.map((l) => l.uri), [uri001]);
    assert.equal(corpus.read(SEED.s001).split('\n')[def[0].range.start.line], 'قمة سورية روسية في موسكو بين الرئيسين الأسد وبوتين');
    const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri: uri000 }, position: pos, context: { includeDeclaration: true } });
    assert.deepEqual(refs.map((l) => l.uri).sort(), [uri000, uri001].sort());
    // And back from the article.
    const back = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: uri001 }, position: { line: def[0].range.start.line, character: 2 } });
    assert.deepEqual(back.map((l) => [l.uri, l.range.start.line]), [[uri000, positionOf(text000, SUMMIT_POST).line]]);
  });

  it('puts a CodeLens above the summit post: 1 other report, as a command or a plain title', async () => {
    const vscodeLike = await start({ init: { corpusRoots: [] } });
    const uri000 = vscodeLike.corpus.uri(SEED.s000);
    const line = positionOf(vscodeLike.corpus.read(SEED.s000), SUMMIT_POST).line;
    const lenses = await vscodeLike.client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uri000 } });
    const lens = lenses.find((l) => l.range.start.line === line)!;
    assert.ok(lens, JSON.stringify(lenses));
    assert.equal(lens.command!.title, '1 other report of this event');
    assert.equal(lens.command!.command, 'editor.action.showReferences');
    const [target, , locations] = lens.command!.arguments as [string, unknown, Location[]];
    assert.equal(target, uri000);
    assert.deepEqual(locations.map((l) => l.uri), [vscodeLike.corpus.uri(SEED.s001)]);

    const plain = await start();
    const plainLenses = await plain.client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: plain.corpus.uri(SEED.s000) } });
    const plainLens = plainLenses.find((l) => l.range.start.line === line)!;
    assert.equal(plainLens.command!.title, '1 other report of this event');
    assert.equal(plainLens.command!.command, '');

    const off = await start({ settings: { codeLens: { enabled: false } } });
    assert.deepEqual(await off.client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: off.corpus.uri(SEED.s000) } }), []);
  });

  it('lists people and events as workspace symbols', async () => {
    const { client, corpus } = await start();
    const ws = await client.request<WorkspaceSymbol[]>('workspace/symbol', { query: 'الشرع' });
    const person = ws.find((s) => s.name === 'أحمد الشرع' && /^person/.test(s.containerName ?? ''));
    assert.ok(person, JSON.stringify(ws.map((s) => [s.name, s.containerName])));
    const events = await client.request<WorkspaceSymbol[]>('workspace/symbol', { query: 'موسكو' });
    const summit = events.find((s) => /^summit event/.test(s.containerName ?? ''));
    assert.ok(summit && /2 reports/.test(summit.containerName!), JSON.stringify(events.map((s) => [s.name, s.containerName])));
    assert.ok([corpus.uri(SEED.s000), corpus.uri(SEED.s001)].includes((summit.location as Location).uri));
  });

  it('writes a starter registry (on disk, or as a create-file edit) and never overwrites one', async () => {
    const disk = await start({ capabilities: noCreateCapabilities() });
    const written = await disk.client.request<{ written: string; uri: string; people: number }>('corpusLint/writeRegistry', {});
    assert.equal(written.written, disk.corpus.path('corpus-registry.json'));
    const registry = JSON.parse(disk.corpus.read('corpus-registry.json')) as { people: { name: string }[] };
    assert.ok(registry.people.some((p) => p.name === 'فلاديمير بوتين'));
    assert.ok(written.people > 0);
    const before = disk.corpus.read('corpus-registry.json');
    await assert.rejects(disk.client.request('corpusLint/writeRegistry', { uri: disk.corpus.uri(SEED.s000) }), /never overwritten/);
    assert.equal(disk.corpus.read('corpus-registry.json'), before);

    const edit = await start({ extra: { 'corpus-lint.json': JSON.stringify({ registry: 'people/registry.json' }) } });
    const result = await edit.client.request<{ written: string; uri: string }>('corpusLint/writeRegistry', { uri: edit.corpus.uri(SEED.s001) });
    assert.equal(result.written, edit.corpus.path('people/registry.json'));
    const applied = edit.client.applied.at(-1) as WorkspaceEdit;
    const [create, insert] = applied.documentChanges as [{ kind: string; uri: string; options: unknown }, { edits: { newText: string }[] }];
    assert.deepEqual([create.kind, create.uri, create.options], ['create', result.uri, { overwrite: false, ignoreIfExists: false }]);
    assert.ok(JSON.parse(insert.edits[0].newText).people.length > 0);
  });

  it('loads the configured registry: go to definition lands on its entry; its errors are diagnostics on it', async () => {
    const registry = JSON.stringify(
      { version: 1, people: [{ name: 'فلاديمير بوتين', variants: ['بوتن'], roles: ['رئيس روسيا'], description: 'Russian president' }], places: [] },
      null,
      2,
    );
    const { client, corpus } = await start({ extra: { 'corpus-lint.json': JSON.stringify({ registry: 'corpus-registry.json' }), 'corpus-registry.json': registry } });
    const uri = corpus.uri(SEED.s003);
    const pos = positionOf(corpus.read(SEED.s003), 'بوتين', 1);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: pos });
    assert.match(valueOf(hover), /^\*\*فلاديمير بوتين\*\* — person\n\nRussian president\n\nRoles: رئيس روسيا/);
    const def = await client.request<Location>('textDocument/definition', { textDocument: { uri }, position: pos });
    const registryUri = corpus.uri('corpus-registry.json');
    assert.equal(def.uri, registryUri);
    const line = registry.split('\n')[def.range.start.line];
    assert.equal(line.slice(def.range.start.character, def.range.end.character), 'فلاديمير بوتين');

    // A broken registry: a diagnostic on the registry file, and the corpus goes on without it.
    const mark = client.mark();
    corpus.write('corpus-registry.json', '{ "version": 1, "people": [ { "name": 3 } ] }');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: registryUri, type: 2 }] });
    const diags = await client.nextDiagnostics(registryUri, mark, (d: Diagnostic[]) => d.length > 0);
    assert.equal(diags[0].code, 'invalid-registry');
    assert.ok(client.registrations.some((r) => JSON.stringify(r.registerOptions ?? '').includes('corpus-registry.json')));
    const after = await client.request<Location>('textDocument/definition', { textDocument: { uri }, position: pos });
    assert.notEqual(after.uri, registryUri);
  });
});
