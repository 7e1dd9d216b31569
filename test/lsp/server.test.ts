/** The language server in-process, over a pair of streams, on a temporary copy of the seeds. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CodeAction, Diagnostic, DocumentLink, DocumentSymbol, FoldingRange, Hover, Location, WorkspaceEdit, WorkspaceSymbol } from 'vscode-languageserver/node';
import { applyEdits, editorCapabilities, inProcess, positionOf, SEED, SEEDS, TempCorpus, TestClient, Session, SessionOptions, startSession, trackSession } from './harness';
import type { DiagnosticData } from '../../server/src/lsp/diagnostics';
import { uriFromPath } from '../../server/src/lsp/uris';
import { withoutIsolates } from '../../server/src/core/text/bidi';

function start(o: SessionOptions = {}): Promise<Session> {
  return startSession(o);
}

/** The text of seed 002, for a second corpus. */
function corpus002Copy(): string {
  return require('node:fs').readFileSync(require('node:path').join(SEEDS, SEED.s002), 'utf8') as string;
}

const messageOf = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);
const byCode = (ds: Diagnostic[] | undefined, code: string) => (ds ?? []).filter((d) => d.code === code);

/** The text a workspace edit gives a file. */
function editedText(edit: WorkspaceEdit, uri: string, text: string): string {
  return applyEdits(text, edit.changes?.[uri] ?? []);
}

/** Replaces a whole open document's text through an incremental change of its full range. */
async function replaceAll(client: TestClient, uri: string, newText: string): Promise<void> {
  const old = client.text(uri)!;
  const lines = old.split('\n');
  await client.change(uri, { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines[lines.length - 1].length } }, newText);
}

describe('language server (in-process)', function () {
  this.timeout(60000);

  it('indexes the workspace with progress and publishes the diagnostics of every file', async () => {
    const { client, corpus } = await start();
    const { peopleIndexing, ...status } = client.statuses[client.statuses.length - 1];
    assert.deepEqual(status, { files: 5, entries: 15, findings: 41, indexing: false });
    // The people index is built in the background once the files are indexed.
    assert.equal(typeof peopleIndexing, 'boolean');
    const kinds = client.progress.map((p) => (p as { value: { kind: string } }).value.kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds[kinds.length - 1], 'end');
    // 003 and 004 have no findings: nothing is sent for them.
    assert.deepEqual([...client.diagnostics.keys()].sort(), [corpus.uri(SEED.s000), corpus.uri(SEED.s001), corpus.uri(SEED.s002)].sort());
  });

  it('indexes every file of a larger workspace, in steps of several files', async () => {
    const extra: Record<string, string> = {};
    for (let i = 0; i < 150; i++) extra[`more/${String(i).padStart(3, '0')}.txt`] = `خبر رقم ${i} عن زيارة الوفد إلى الرياض.\n`;
    const { client } = await start({ extra });
    const status = await client.indexed();
    assert.equal(status.files, 155);
  });

  it('reports the duplicated paragraphs of 002 with related information, rule link and fix data', async () => {
    const { client, corpus } = await start();
    const uri = corpus.uri(SEED.s002);
    const dups = byCode(client.diagnostics.get(uri), 'duplicate-paragraph');
    assert.equal(dups.length, 20);
    const first = dups.find((d) => d.range.start.line === 1)!;
    assert.equal(first.source, 'corpus-lint');
    // The rule's documentation shipped with the server, opened at its heading.
    const link = new URL(first.codeDescription!.href);
    assert.equal(link.protocol, 'file:');
    assert.match(link.pathname, /\/docs\/rules\.md$/);
    const line = Number(/^#L(\d+)$/.exec(link.hash)?.[1]);
    assert.equal(fs.readFileSync(fileURLToPath(link), 'utf8').split('\n')[line - 1], '## duplicate-paragraph');
    assert.match(messageOf(first), /the same text is at line 8$/);
    assert.deepEqual(first.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line, r.message]), [[uri, 7, 'Same paragraph']]);
    const second = dups.find((d) => d.range.start.line === 7)!;
    // The data is the analysis' tag (the range is the diagnostic's, in UTF-16); fixes come with the code actions.
    const data = second.data as DiagnosticData;
    assert.deepEqual(Object.keys(data), ['analysis']);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: second.range,
      context: { diagnostics: [second], only: ['quickfix'] },
    });
    const remove = actions.find((a) => a.title === 'Remove this repeated paragraph')!;
    assert.equal(remove.isPreferred, true);
  });

  it('folds related locations into the message when the client cannot show related information', async () => {
    const { client, corpus } = await start({ capabilities: editorCapabilities({ relatedInformation: false }) });
    const d = byCode(client.diagnostics.get(corpus.uri(SEED.s002)), 'duplicate-paragraph').find((x) => x.range.start.line === 1)!;
    assert.equal(d.relatedInformation, undefined);
    assert.match(messageOf(d), /\nAlso at 002_59ed37bba01cb0ba\.txt:8: Same paragraph$/);
  });

  it('reads an open document as check would: not the config, a Markdown note, a script or a text with NUL characters', async () => {
    const text002 = corpus002Copy();
    const { client, corpus } = await start({ extra: { 'notes.md': text002, 'script.py': text002, 'binary.txt': `\u0000${text002}` } });
    for (const name of ['notes.md', 'script.py', 'binary.txt', 'corpus-lint.json']) await client.open(corpus.uri(name), name === 'binary.txt' ? `\u0000${text002}` : text002, 'plaintext');
    // A document the globs include is read when opened (its copy of 002 makes every paragraph a duplicate).
    const since = client.mark();
    await client.open(corpus.uri('copy.txt'), text002, 'plaintext');
    await client.nextDiagnostics(corpus.uri('copy.txt'), since, (d) => d.length > 0);
    for (const name of ['notes.md', 'script.py', 'binary.txt']) assert.equal(client.diagnostics.get(corpus.uri(name)), undefined, name);
    assert.ok(!(client.diagnostics.get(corpus.uri('corpus-lint.json')) ?? []).some((d) => d.code === 'undated-entry'));
  });

  it('raises a new finding in both files when a copied paragraph is typed into another file', async () => {
    const { client, corpus } = await start();
    const uri003 = corpus.uri(SEED.s003);
    const uri004 = corpus.uri(SEED.s004);
    const copied = corpus.read(SEED.s004).split('\n')[11];
    const text = corpus.read(SEED.s003);
    await client.open(uri003, text);
    const lines = text.split('\n');
    const end = { line: lines.length - 1, character: lines[lines.length - 1].length };
    const mark = client.mark();
    // Typed in pieces, as an editor sends it.
    await client.change(uri003, { start: end, end }, '\n\n');
    const at = { line: end.line + 2, character: 0 };
    await client.change(uri003, { start: at, end: at }, copied.slice(0, 100));
    await client.change(uri003, { start: { line: at.line, character: 100 }, end: { line: at.line, character: 100 } }, copied.slice(100));
    const in003 = await client.nextDiagnostics(uri003, mark, (ds) => byCode(ds, 'duplicate-paragraph').length > 0);
    const d003 = byCode(in003, 'duplicate-paragraph')[0];
    assert.equal(d003.range.start.line, at.line);
    assert.equal(d003.relatedInformation?.[0].location.uri, uri004);
    assert.equal(d003.relatedInformation?.[0].location.range.start.line, 11);
    const in004 = await client.nextDiagnostics(uri004, mark, (ds) => byCode(ds, 'duplicate-paragraph').length > 0);
    assert.equal(byCode(in004, 'duplicate-paragraph')[0].range.start.line, 11);
    assert.equal(byCode(in004, 'duplicate-paragraph')[0].relatedInformation?.[0].location.uri, uri003);
    // Closing the unsaved document reverts to the disk text: the findings go away again.
    const mark2 = client.mark();
    await client.close(uri003);
    await client.nextDiagnostics(uri003, mark2, (ds) => ds.length === 0);
    await client.nextDiagnostics(uri004, mark2, (ds) => byCode(ds, 'duplicate-paragraph').length === 0);
  });

  it('answers from the current text, not from the last published diagnostics (requests flush pending edits)', async () => {
    const { client, corpus } = await start();
    const uri = corpus.uri(SEED.s003);
    const text = corpus.read(SEED.s003);
    await client.open(uri, text);
    const before = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri },
      position: positionOf(text, 'بوتين'),
      context: { includeDeclaration: true },
    });
    await client.change(uri, { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, 'بوتين');
    // No wait for the debounced diagnostics: the request itself must see the edit.
    const after = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri },
      position: positionOf(text, 'بوتين'),
      context: { includeDeclaration: true },
    });
    assert.equal(after.length, before.length + 1);
    assert.ok(after.some((l) => l.uri === uri && l.range.start.line === 1 && l.range.start.character === 0));
  });

  it('offers quick fixes to replace بوتن, once or across the corpus', async () => {
    const { client, corpus } = await start();
    const uri = corpus.uri(SEED.s002);
    const text = corpus.read(SEED.s002);
    const diags = byCode(client.diagnostics.get(uri), 'name-variant').filter((d) => withoutIsolates(messageOf(d)).startsWith('«بوتن»'));
    assert.equal(diags.length, 2);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diags[0].range,
      context: { diagnostics: [diags[0]] },
    });
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Replace with «بوتين»'), titles.join('\n'));
    const all = actions.find((a) => a.title.startsWith('Replace all occurrences of «بوتن» with «بوتين» in the corpus'))!;
    assert.match(all.title, /\(2 in 1 file\)/);
    const replaced = editedText(all.edit!, uri, text);
    assert.ok(!replaced.includes('بوتن '));
    assert.equal(replaced.length, text.length + 2);
    // The single fix, applied in the editor, removes that finding only.
    const one = actions.find((a) => a.title === 'Replace with «بوتين»')!;
    assert.equal(one.isPreferred, true);
    await client.open(uri, text);
    const mark = client.mark();
    for (const e of one.edit!.changes![uri]) await client.change(uri, e.range, e.newText);
    const after = await client.nextDiagnostics(uri, mark, (ds) => byCode(ds, 'name-variant').filter((d) => withoutIsolates(messageOf(d)).startsWith('«بوتن»')).length === 1);
    assert.ok(after.length > 0);
  });

  it('removes a repeated paragraph, inserts a date line and suppresses a finding', async () => {
    const { client, corpus } = await start();
    const uri = corpus.uri(SEED.s002);
    const text = corpus.read(SEED.s002);
    const diags = client.diagnostics.get(uri)!;
    const second = byCode(diags, 'duplicate-paragraph').find((d) => d.range.start.line === 7)!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: second.range, context: { diagnostics: [second] } });
    const remove = actions.find((a) => a.title === 'Remove this repeated paragraph')!;
    const removed = editedText(remove.edit!, uri, text);
    assert.equal(removed.split('\n').length, text.split('\n').length - 1);
    assert.equal(removed.split('\n')[7], text.split('\n')[8]);

    // Suppress the date without a year on the first line.
    const incomplete = byCode(diags, 'incomplete-date')[0];
    const actions2 = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: incomplete.range, context: { diagnostics: [incomplete] } });
    const suppress = actions2.find((a) => a.title.startsWith('Suppress this finding'))!;
    assert.deepEqual(suppress.edit!.changes![uri], [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '<!-- corpus-lint-disable-next-line incomplete-date -->\n' },
    ]);
    await client.open(uri, text);
    let mark = client.mark();
    for (const e of suppress.edit!.changes![uri]) await client.change(uri, e.range, e.newText);
    const afterSuppress = await client.nextDiagnostics(uri, mark, (ds) => byCode(ds, 'incomplete-date').length === 1);
    assert.equal(byCode(afterSuppress, 'incomplete-date')[0].range.start.line, 14);

    // An undated entry of 000 gets a date line (today as a placeholder).
    const uri000 = corpus.uri(SEED.s000);
    const text000 = corpus.read(SEED.s000);
    const undated = byCode(client.diagnostics.get(uri000), 'undated-entry')[0];
    const actions3 = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uri000 }, range: undated.range, context: { diagnostics: [undated] } });
    const insert = actions3.find((a) => a.title.startsWith('Insert a date line'))!;
    assert.match(insert.title, /2026-11-22, as a placeholder: correct it/);
    const dated = editedText(insert.edit!, uri000, text000);
    assert.equal(dated.split('\n')[undated.range.start.line + 1], 'تاريخ النشر: 2026-11-22');
    await client.open(uri000, text000);
    mark = client.mark();
    for (const e of insert.edit!.changes![uri000]) await client.change(uri000, e.range, e.newText);
    const undatedBefore = byCode(client.diagnostics.get(uri000), 'undated-entry').length;
    await client.nextDiagnostics(uri000, mark, (ds) => byCode(ds, 'undated-entry').length === undatedBefore - 1);
  });

  it('tags diagnostics with the analysis of the text: a new one after an edit, even one undone; a diagnostic from before is matched by place and message', async () => {
    const { client, corpus } = await start();
    const uri = corpus.uri(SEED.s002);
    const text = corpus.read(SEED.s002);
    const tagOf = (d: Diagnostic) => (d.data as DiagnosticData).analysis;
    const before = byCode(client.diagnostics.get(uri), 'duplicate-paragraph').find((d) => d.range.start.line === 7)!;
    const otherUri = corpus.uri(SEED.s000);
    const otherTag = tagOf(client.diagnostics.get(otherUri)![0]);
    await client.open(uri, text);
    let mark = client.mark();
    await client.change(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, 'x');
    const edited = await client.nextDiagnostics(uri, mark);
    assert.ok(edited.every((d) => tagOf(d) !== tagOf(before)));
    mark = client.mark();
    await client.change(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, '');
    const undone = await client.nextDiagnostics(uri, mark);
    const again = byCode(undone, 'duplicate-paragraph').find((d) => d.range.start.line === 7)!;
    assert.notEqual(tagOf(again), tagOf(before));
    assert.notEqual(tagOf(again), tagOf(edited[0]));
    // Another file's analysis is the same: its tag too.
    assert.equal(tagOf(client.diagnostics.get(otherUri)![0]), otherTag);
    // The diagnostic from before the edit still gets its quick fix: the finding at its place, with its message.
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: before.range, context: { diagnostics: [before] } });
    assert.ok(actions.some((a) => a.title === 'Remove this repeated paragraph'), actions.map((a) => a.title).join('\n'));
  });

  it('re-indexes unchanged files without sending their diagnostics again (their analyses keep their tags)', async () => {
    const { client, corpus } = await start();
    const uri = corpus.uri(SEED.s002);
    const before = client.diagnostics.get(uri)!;
    const mark = client.mark();
    const statuses = client.statuses.length;
    assert.equal((await client.request<{ files: number }>('corpusLint/reindex', null)).files, 5);
    await client.indexed(statuses);
    assert.deepEqual(client.publications.slice(mark).filter((p) => p.diagnostics.length).map((p) => p.uri), []);
    assert.deepEqual(client.diagnostics.get(uri), before);
  });

  it('offers no removal of a paragraph whose copy is in another file (001 quotes the post of 000), and says «line N» within a file', async () => {
    const { client, corpus } = await start();
    const uri = corpus.uri(SEED.s001);
    const dup = byCode(client.diagnostics.get(uri), 'duplicate-paragraph').find((d) => d.range.start.line === 13)!;
    assert.match(messageOf(dup), /the same text is at 000_47cabcfadfbade24\.txt:46$/);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: dup.range, context: { diagnostics: [dup] } });
    assert.ok(!actions.some((a) => a.title === 'Remove this repeated paragraph'), actions.map((a) => a.title).join('\n'));
    assert.ok(actions.some((a) => a.title.startsWith('Suppress this finding')));
    const within = byCode(client.diagnostics.get(corpus.uri(SEED.s002)), 'duplicate-paragraph').find((d) => d.range.start.line === 1)!;
    assert.equal(messageOf(within), 'Duplicated paragraph: the same text is at line 8');
  });

  it('fixes every safe finding of a file: source.fixAll.corpusLint and corpusLint/fixAll', async () => {
    const { client, corpus } = await start();
    const uri = corpus.uri(SEED.s002);
    const text = corpus.read(SEED.s002);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.deepEqual(actions.map((a) => a.kind), ['source.fixAll.corpusLint']);
    const fixed = editedText(actions[0].edit!, uri, text);
    // The later copy of each repeated block goes; the first copies stay.
    assert.equal(fixed.split('\n').length, text.split('\n').length - 10);
    const edit = await client.request<WorkspaceEdit>('corpusLint/fixAll', { uri });
    assert.deepEqual(edit, actions[0].edit);
    assert.deepEqual(client.applied, [edit]);
    await client.open(uri, text);
    const mark = client.mark();
    await replaceAll(client, uri, fixed);
    const after = await client.nextDiagnostics(uri, mark);
    assert.equal(byCode(after, 'duplicate-paragraph').length, 0);
  });

  it('shows on a date the day it names: weekday, ISO, and the other calendar', async () => {
    const { client, corpus } = await start();
    const uri = corpus.uri(SEED.s003);
    const pos = positionOf(corpus.read(SEED.s003), '15 مارس 2023', 3);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: pos });
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /\*\*Date\*\* «15 مارس 2023»/);
    assert.match(value, /Wednesday 2023-03-15/);
    assert.match(value, /Hijri \(Umm al-Qura\): 23 شعبان 1444 هـ/);
    assert.deepEqual(hover.range?.start, { line: pos.line, character: pos.character - 3 });
  });

  it('shows a person card on hover, and finds the definition and references of بوتين across files', async () => {
    const { client, corpus } = await start();
    const uri001 = corpus.uri(SEED.s001);
    const text001 = corpus.read(SEED.s001);
    const pos = positionOf(text001, 'وبوتين', 2);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: uri001 }, position: pos });
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /^\*\*فلاديمير بوتين\*\* — person/);
    assert.match(value, /Roles: [^\n]*الرئيس الروسي/);
    assert.match(value, /Variants: «بوتين» \d+, «فلاديمير بوتين» \d+, «فلاديمير بوتن» 2/);
    assert.match(value, /in 5 files/);
    assert.match(value, /First dated mention: 2023-03-15 \(003_[^)]*\); last: 2026-01-28/);
    // The range covers the name, not its proclitic و.
    assert.equal(hover.range!.start.character, pos.character - 1);

    const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri: uri001 }, position: pos, context: { includeDeclaration: true } });
    const files = new Set(refs.map((r) => r.uri));
    assert.equal(files.size, 5);
    const uri002 = corpus.uri(SEED.s002);
    const text002 = corpus.read(SEED.s002).split('\n');
    const spelled = refs.filter((r) => r.uri === uri002).map((r) => text002[r.range.start.line].slice(r.range.start.character, r.range.end.character));
    assert.ok(spelled.some((w) => /(^| )بوتن$/.test(w)) && spelled.some((w) => /(^| )بوتين$/.test(w)), spelled.join(' '));
    // No mention inside a longer word: every span starts and ends at a word boundary.
    for (const r of refs) {
      const line = corpus.read(Object.values(SEED).find((f) => corpus.uri(f) === r.uri)!).split('\n')[r.range.start.line];
      assert.ok(!/[\u0621-\u064A]/.test(line[r.range.end.character] ?? ' '), line);
    }
    const withoutDecl = await client.request<Location[]>('textDocument/references', { textDocument: { uri: uri001 }, position: pos, context: { includeDeclaration: false } });
    assert.equal(withoutDecl.length, refs.length - 1);

    const def = await client.request<Location>('textDocument/definition', { textDocument: { uri: uri001 }, position: pos });
    assert.ok(refs.some((r) => r.uri === def.uri && r.range.start.line === def.range.start.line && r.range.start.character === def.range.start.character));

    // A diagnostic under the cursor: the rule's summary and link.
    const diag = byCode(client.diagnostics.get(uri002), 'duplicate-paragraph')[0];
    const ruleHover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: uri002 }, position: { line: diag.range.start.line, character: 0 } });
    assert.match((ruleHover.contents as { value: string }).value, /duplicate-paragraph\*\*: The same paragraph appears more than once[\s\S]*\(file:\/\/\S*\/docs\/rules\.md#L\d+\)/);
  });

  it('lists entries with their dates, folds them, and links URLs', async () => {
    const { client, corpus } = await start();
    const uri = corpus.uri(SEED.s000);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    // The ten posts of the Telegram export, none dated.
    assert.equal(symbols.length, 10);
    assert.ok(symbols.every((s) => s.kind === 24 && s.detail === 'no date'));
    assert.match(symbols[0].name, /^الرئيس الأسد يستقبل يوري بوريسوف/);
    assert.equal(symbols[0].selectionRange.start.line, 7);
    const uri003 = corpus.uri(SEED.s003);
    const symbols003 = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uri003 } });
    assert.deepEqual(symbols003.map((s) => s.detail), ['2023-03-15']);

    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    assert.equal(folds.length, symbols.filter((s) => s.range.end.line > s.range.start.line).length);
    assert.deepEqual([folds[1].startLine, folds[1].endLine], [symbols[1].range.start.line, symbols[1].range.end.line]);

    const links = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri } });
    assert.deepEqual(links.map((l) => l.target), [
      'http://www.sana.sy/?p=1499795',
      'https://www.instagram.com/syrianpresidency',
      'https://www.instagram.com/syrianpresidency',
      'https://www.instagram.com/syrianpresidency',
    ]);
    const line = corpus.read(SEED.s000).split('\n')[links[0].range.start.line];
    assert.equal(line.slice(links[0].range.start.character, links[0].range.end.character), 'http://www.sana.sy/?p=1499795');

    const ws = await client.request<WorkspaceSymbol[]>('workspace/symbol', { query: 'بوتين' });
    assert.equal(ws[0].name, 'بوتين');
    assert.ok(ws.some((s) => s.kind === 24 && /بوتين/.test(s.name)));
    const byDate = await client.request<WorkspaceSymbol[]>('workspace/symbol', { query: '2023-03-15' });
    assert.deepEqual(byDate.map((s) => (s.location as Location).uri), [uri003]);
  });

  it('renames a spelling across the corpus, keeping proclitics; prepareRename only on a known name', async () => {
    const { client, corpus } = await start();
    const uri002 = corpus.uri(SEED.s002);
    const text002 = corpus.read(SEED.s002);
    const at = positionOf(text002, 'بوتن ', 1);
    const prep = await client.request<{ range: { start: { character: number } }; placeholder: string }>('textDocument/prepareRename', { textDocument: { uri: uri002 }, position: at });
    assert.equal(prep.placeholder, 'بوتن');
    const none = await client.request<unknown>('textDocument/prepareRename', { textDocument: { uri: uri002 }, position: positionOf(text002, 'زار', 1) });
    assert.equal(none, null);

    const uri001 = corpus.uri(SEED.s001);
    const text001 = corpus.read(SEED.s001);
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: uri001 }, position: positionOf(text001, 'بوتين', 1), newName: 'پوتين' });
    assert.equal(Object.keys(edit.changes!).length, 5);
    const renamed = editedText(edit, uri001, text001);
    assert.equal((renamed.match(/بوتين/g) ?? []).length, 0);
    assert.equal((renamed.match(/وپوتين/g) ?? []).length, (text001.match(/وبوتين/g) ?? []).length);
    // Only that spelling: the variant بوتن stays.
    assert.ok(editedText(edit, uri002, text002).includes('بوتن'));
  });

  it('turns a broken config file into a diagnostic on it, uses the defaults, and recovers when it is fixed', async () => {
    const { client, corpus } = await start({ extra: { 'corpus-lint.json': '{ "rules": { "incomplete-date": "of" }, }' } });
    const configUri = corpus.uri('corpus-lint.json');
    const configDiags = client.diagnostics.get(configUri)!;
    assert.equal(configDiags.length, 1);
    assert.equal(configDiags[0].code, 'invalid-config');
    assert.equal(configDiags[0].severity, 1);
    assert.match(messageOf(configDiags[0]), /incomplete-date.*must be equal to one of the allowed values|allowed values/);
    assert.equal(byCode(client.diagnostics.get(corpus.uri(SEED.s002)), 'incomplete-date').length, 2);
    // Fixed on disk; the editor's watcher reports it.
    assert.ok(client.registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles'));
    corpus.write('corpus-lint.json', '// house rules\n{ "rules": { "incomplete-date": "off" } }');
    const mark = client.mark();
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
    await client.nextDiagnostics(configUri, mark, (ds) => ds.length === 0);
    await client.nextDiagnostics(corpus.uri(SEED.s002), mark, (ds) => byCode(ds, 'incomplete-date').length === 0);
    // Broken again while it is being edited: its last valid content stays in force (the rule stays off).
    corpus.write('corpus-lint.json', '// house rules\n{ "rules": { "incomplete-date": "off" }');
    const broken = client.mark();
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
    const again = await client.nextDiagnostics(configUri, broken, (ds) => ds.length === 1);
    assert.match(messageOf(again[0]), /its last valid content is used until this is fixed/);
    await client.indexed();
    assert.equal(byCode(client.diagnostics.get(corpus.uri(SEED.s002)), 'incomplete-date').length, 0);
  });

  it('applies editor settings over the config file (rule severities, exclude globs)', async () => {
    const { client, corpus } = await start({ settings: { rules: { 'name-variant': 'error' } } });
    const uri002 = corpus.uri(SEED.s002);
    assert.ok(byCode(client.diagnostics.get(uri002), 'name-variant').every((d) => d.severity === 1));
    client.settings = { rules: { 'name-variant': 'off' }, exclude: ['000_*.txt'] };
    const mark = client.mark();
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.nextDiagnostics(uri002, mark, (ds) => byCode(ds, 'name-variant').length === 0);
    await client.nextDiagnostics(corpus.uri(SEED.s000), mark, (ds) => ds.length === 0);
    const status = await client.waitFor(() => client.statuses.slice(-1).find((s) => s.files === 4), 'status with 4 files');
    assert.equal(status.files, 4);
  });

  it('for the VS Code extension, lints a folder without a config only when the user opted it in (lintFolders)', async () => {
    const notOptedIn = { corpus: new TempCorpus(), ...inProcess() };
    trackSession(notOptedIn);
    await notOptedIn.client.initialize(notOptedIn.corpus.dir, undefined, { corpusRoots: [], lintFolders: [] });
    await notOptedIn.client.waitFor(() => notOptedIn.client.statuses.find((st) => !st.indexing), 'a finished indexing');
    assert.deepEqual(notOptedIn.client.statuses.filter((st) => st.files > 0), []);
    assert.equal([...notOptedIn.client.diagnostics.values()].filter((ds) => ds.length).length, 0);
    // Opted in: its files.associations give .txt files the corpus language.
    const optedIn = { corpus: new TempCorpus(), ...inProcess() };
    trackSession(optedIn);
    await optedIn.client.initialize(optedIn.corpus.dir, undefined, { corpusRoots: [], lintFolders: [uriFromPath(optedIn.corpus.dir)] });
    assert.equal((await optedIn.client.indexed()).files, 5);
    const withConfig = await start({ init: { corpusRoots: [], lintFolders: [] }, extra: { 'corpus-lint.json': '{}' } });
    assert.equal((await withConfig.client.indexed()).files, 5);
  });

  it('clears the diagnostics of every file of a workspace folder that is removed', async () => {
    const { client, corpus } = await start();
    const shown = [...client.diagnostics].filter(([, ds]) => ds.length).map(([uri]) => uri);
    assert.equal(shown.length, 3);
    const mark = client.mark();
    const folder = { uri: corpus.uri('').replace(/\/$/, ''), name: 'corpus' };
    await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [folder] } });
    for (const uri of shown) await client.nextDiagnostics(uri, mark, (ds) => ds.length === 0);
    await client.waitFor(() => client.statuses.slice(-1).find((st) => st.files === 0 && !st.indexing), 'status with no files');
  });

  it('follows files created, changed and deleted on disk, and skips binary and invalid UTF-8 files', async () => {
    const { client, corpus } = await start({ extra: { 'binary.txt': Buffer.from([0x41, 0x00, 0x42]), 'latin1.txt': Buffer.from([0x61, 0xe9, 0x62]) } });
    assert.ok(client.logs.some((l) => /skipped binary\.txt: binary file/.test(l)), client.logs.join('\n'));
    assert.ok(client.logs.some((l) => /skipped latin1\.txt: invalid UTF-8 at byte 1/.test(l)));
    const copied = corpus.read(SEED.s004).split('\n')[11];
    corpus.write('new/copy.txt', `عنوان الخبر\n\n${copied}\n`);
    const uri = corpus.uri('new/copy.txt');
    let mark = client.mark();
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 1 }] });
    const ds = await client.nextDiagnostics(uri, mark, (d) => byCode(d, 'duplicate-paragraph').length === 1);
    assert.equal(byCode(ds, 'duplicate-paragraph')[0].range.start.line, 2);
    mark = client.mark();
    corpus.write('new/copy.txt', 'عنوان آخر\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
    await client.nextDiagnostics(uri, mark, (d) => byCode(d, 'duplicate-paragraph').length === 0);
    mark = client.mark();
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: corpus.uri(SEED.s001), type: 3 }] });
    await client.nextDiagnostics(corpus.uri(SEED.s001), mark, (d) => d.length === 0);
    await client.nextDiagnostics(corpus.uri(SEED.s000), mark, (d) => byCode(d, 'duplicate-paragraph').length === 0);
  });

  it('returns an error response when a handler throws, logs it, and keeps answering', async () => {
    let failures = 1;
    const { client, corpus } = await start({
      beforeRequest: (method) => {
        if (method === 'textDocument/hover' && failures-- > 0) throw new Error('injected failure');
      },
    });
    const uri = corpus.uri(SEED.s001);
    const params = { textDocument: { uri }, position: positionOf(corpus.read(SEED.s001), 'بوتين', 1) };
    await assert.rejects(client.request('textDocument/hover', params), (err: { code: number; message: string }) => {
      assert.equal(err.code, -32603);
      assert.match(err.message, /textDocument\/hover failed: injected failure/);
      return true;
    });
    assert.ok(client.logs.some((l) => l.includes('injected failure')));
    const hover = await client.request<Hover>('textDocument/hover', params);
    assert.ok(hover);
    // Bad params are an error too, not a crash.
    await assert.rejects(client.request('corpusLint/fixAll', {}), /needs \{ uri \}/);
    const status = await client.request<{ files: number }>('corpusLint/reindex', null);
    assert.equal(status.files, 5);
  });

  it('republishes other files when an edit changes a corpus-wide name decision, and only those', async () => {
    const { client, corpus } = await start();
    const uri002 = corpus.uri(SEED.s002);
    const uri003 = corpus.uri(SEED.s003);
    const text = corpus.read(SEED.s003);
    await client.open(uri003, text);
    const mark = client.mark();
    // One more «بوتن» in 003: the variant's count in 002's messages goes from 2 to 3.
    await client.change(uri003, { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, 'الرئيس فلاديمير بوتن');
    const ds = await client.nextDiagnostics(uri002, mark, (d) => d.some((x) => /this spelling 3 times/.test(messageOf(x))));
    assert.equal(byCode(ds, 'name-variant').filter((d) => /«بوتن»/.test(messageOf(d))).length, 2);
    await client.nextDiagnostics(uri003, mark, (d) => d.some((x) => /«بوتن»/.test(messageOf(x))));
    await client.waitFor(() => client.statuses.slice(-1).find((st) => st.findings === 42), 'status with 42 findings');
    // 004 has no name findings: it is not re-sent.
    assert.ok(!client.publications.slice(mark).some((p) => p.uri === corpus.uri(SEED.s004)));
  });

  it('coalesces rapid typing: at most two rounds of diagnostics (the first keystroke, then the rest of the burst)', async () => {
    const { client, corpus } = await start();
    const uri = corpus.uri(SEED.s002);
    await client.open(uri, corpus.read(SEED.s002));
    const mark = client.mark();
    // Every keystroke at the start of line 1 moves the findings of that line.
    const word = 'الاجتماع ';
    for (let i = 0; i < word.length; i++) await client.change(uri, { start: { line: 0, character: i }, end: { line: 0, character: i } }, word[i]);
    await client.nextDiagnostics(uri, mark, (ds) => byCode(ds, 'incomplete-date')[0]?.range.start.character === 6 + word.length);
    const forFile = client.publications.slice(mark).filter((p) => p.uri === uri);
    assert.ok(forFile.length <= 2, `published ${forFile.length} times for ${word.length} keystrokes`);
  });

  it('keeps documents opened before the first indexing ends, and answers cross-file questions only once it has', async () => {
    const corpus = new TempCorpus();
    const { client, dispose } = inProcess();
    trackSession({ client, corpus, dispose });
    await client.initialize(corpus.dir);
    const uri = corpus.uri(SEED.s002);
    const text = corpus.read(SEED.s002);
    await client.open(uri, text);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'بوتن ', 1) });
    assert.match((hover.contents as { value: string }).value, /^\*\*فلاديمير بوتين\*\* — person[\s\S]*in 5 files/);
    await client.indexed();
    assert.equal(byCode(client.diagnostics.get(uri), 'name-variant').length, 3);
  });

  it('applies edits made while the corpus loads, and ends with the diagnostics of a server started on the edited text', async () => {
    // Enough files that the load takes many steps: the edit lands during it (the status says so).
    const extra: Record<string, string> = {};
    const seed = corpus002Copy().split('\n');
    for (let i = 0; i < 300; i++) extra[`bulk/${i}.txt`] = seed.map((l, k) => (k % 3 === i % 3 ? `${l} ${i}` : `${i} ${l}`)).join('\n');
    const corpus = new TempCorpus(extra);
    const { client, dispose } = inProcess();
    trackSession({ client, corpus, dispose });
    await client.initialize(corpus.dir);
    const uri = corpus.uri(SEED.s001);
    const text = corpus.read(SEED.s001);
    // The first paragraph of 000 copied into 001: both files gain a duplicate.
    const copied = corpus.read(SEED.s000).split('\n').find((l) => l.split(' ').length > 12)!;
    await client.open(uri, text);
    await client.change(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, `${copied}\n`);
    assert.ok(!client.statuses.some((st) => !st.indexing && st.files > 0), 'the edit came before the indexing ended');
    await client.indexed();
    await client.request('corpusLint/serverStats', {}).catch(() => undefined);
    const edited = corpus.read(SEED.s001).replace(/^/, `${copied}\n`);
    const fresh = new TempCorpus({ ...extra, [SEED.s001]: edited });
    const second = inProcess();
    trackSession({ client: second.client, corpus: fresh, dispose: second.dispose });
    await second.client.initialize(fresh.dir);
    await second.client.indexed();
    const relative = (c: TempCorpus, diagnostics: Map<string, Diagnostic[]>) =>
      [...diagnostics]
        .map(([u, ds]) => [u.slice(c.uri('').length), ds.map((d) => [d.code, d.range, messageOf(d)])] as const)
        .filter(([, ds]) => ds.length)
        .sort(([a], [b]) => (a < b ? -1 : 1));
    const here = relative(corpus, client.diagnostics);
    assert.deepEqual(here, relative(fresh, second.client.diagnostics));
    assert.ok(byCode(client.diagnostics.get(corpus.uri(SEED.s000)), 'duplicate-paragraph').length > 0);
  });

  it('gives a folder with its own config file its own corpus and rules', async () => {
    const { client, corpus } = await start({
      extra: {
        'archive/corpus-lint.json': '{ "rules": { "duplicate-paragraph": "off" } }',
        'archive/a.txt': corpus002Copy(),
      },
    });
    // The copy in archive/ is a corpus of its own: no cross-folder duplicates, and its own rules.
    const inArchive = client.diagnostics.get(corpus.uri('archive/a.txt')) ?? [];
    assert.equal(byCode(inArchive, 'duplicate-paragraph').length, 0);
    assert.ok(byCode(inArchive, 'incomplete-date').length > 0);
    assert.equal(byCode(client.diagnostics.get(corpus.uri(SEED.s002)), 'duplicate-paragraph').length, 20);
    assert.ok(!byCode(client.diagnostics.get(corpus.uri(SEED.s002)), 'duplicate-paragraph').some((d) => d.relatedInformation?.some((r) => r.location.uri.includes('archive'))));
  });

  for (const [encoding, character] of [
    ['utf-8', 10],
    ['utf-32', 5],
  ] as const) {
    it(`speaks ${encoding} positions to a client that offers only ${encoding}`, async () => {
      const { client, corpus } = await start({ capabilities: editorCapabilities({ encodings: [encoding] }) });
      const uri = corpus.uri(SEED.s002);
      const d = byCode(client.diagnostics.get(uri), 'incomplete-date')[0];
      // «🗓 في 28 يناير»: the emoji is 4 bytes, 2 UTF-16 units, 1 code point.
      assert.deepEqual(d.range.start, { line: 0, character });
      // The data keeps the finding's UTF-16 range, by which a quick fix finds it.
      assert.deepEqual((d.data as DiagnosticData).range?.start, { line: 0, character: 6 });
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: d.range,
        context: { diagnostics: [d], only: ['quickfix'] },
      });
      assert.ok(actions.some((a) => a.title.startsWith('Suppress this finding (incomplete-date)')), actions.map((a) => a.title).join('\n'));
      // An edit after the emoji, in the client's units.
      const text = corpus.read(SEED.s002);
      await client.open(uri, text);
      const mark = client.mark();
      const at = { line: 0, character: encoding === 'utf-8' ? 5 : 2 };
      await client.change(uri, { start: at, end: { line: 0, character: at.character + (encoding === 'utf-8' ? 4 : 2) } }, 'يوم');
      const after = await client.nextDiagnostics(uri, mark, (ds) => ds.length > 0 && !!byCode(ds, 'incomplete-date')[0] && byCode(ds, 'incomplete-date')[0].range.start.character === (encoding === 'utf-8' ? 12 : 6));
      assert.ok(after.length > 0);
    });
  }
});
