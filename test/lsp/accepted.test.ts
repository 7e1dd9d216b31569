/**
 * Accepted findings in the language server: the root's `.corpus-lint-ignore` and the config's baseline hide findings
 * from diagnostics, quick fixes, fix-all and hover, exactly as `corpus-lint check` does; broken files become
 * diagnostics on themselves; the "Accept in .corpus-lint-ignore" quick fix writes the ignore line.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import type { CodeAction, CreateFile, Diagnostic, Hover, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import { applyEdits, editorCapabilities, inProcess, REPO, SEED, TempCorpus, TestClient, Session, SessionOptions, startSession, trackSession } from './harness';
import { baselineEntries, serializeBaseline } from '../../server/src/core/baseline';
import { corpusOf, readSeeds } from '../helpers/fixture';

function start(extra: Record<string, string> = {}, capabilities = editorCapabilities()): Promise<Session> {
  return startSession({ extra, capabilities });
}

const CLI = path.join(REPO, 'dist', 'cli.js');
const WATCHED = { Created: 1, Changed: 2, Deleted: 3 } as const;

const messageOf = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);
const byCode = (ds: Diagnostic[] | undefined, code: string) => (ds ?? []).filter((d) => d.code === code);
const isVariant = (d: Diagnostic) => d.code === 'name-variant' && messageOf(d).includes('«الإتحادية»');

/** The baseline text recording the findings of one seed file that `pick` selects (the file at the corpus root). */
function baselineOf(file: string, pick: (code: string, message: string) => boolean, prefix = ''): string {
  const seeds = readSeeds();
  const corpus = corpusOf(seeds);
  const text = corpus.text(file)!;
  return serializeBaseline(baselineEntries(prefix + file, text, corpus.findings(file).filter((f) => pick(f.code, f.message))));
}

async function notifyWatched(client: TestClient, uri: string, type: number): Promise<void> {
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type }] });
}

function hoverText(h: Hover | null): string {
  if (!h) return '';
  const c = h.contents as { value?: string } | string;
  return typeof c === 'string' ? c : (c.value ?? '');
}

describe('accepted findings in the language server', function () {
  this.timeout(60000);

  it('hides the findings the configured baseline holds; fix-all and hover leave them alone', async () => {
    const baseline = baselineOf(SEED.s002, (code, message) => code === 'duplicate-paragraph' || message.includes('«الإتحادية»'), '../');
    const { client, corpus } = await start({ 'corpus-lint.json': '{ "baseline": "lint/baseline.json" }', 'lint/baseline.json': baseline });
    const uri = corpus.uri(SEED.s002);
    const shown = client.diagnostics.get(uri) ?? [];
    assert.equal(byCode(shown, 'duplicate-paragraph').length, 0);
    assert.equal(shown.filter(isVariant).length, 0);
    assert.equal(shown.length, 25 - 20 - 1, 'the other findings of 002 are still shown');
    assert.equal(client.statuses[client.statuses.length - 1].findings, 41 - 21);
    // No safe fix is left in 002: the repeated paragraphs are baselined.
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.deepEqual(actions, []);
    assert.equal(await client.request('corpusLint/fixAll', { uri }), null);
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 7, character: 3 } });
    assert.doesNotMatch(hoverText(hover), /duplicate-paragraph/);
    // The baseline file is watched where it is.
    const watchers = client.registrations.flatMap((r) => (r.registerOptions as { watchers?: { globPattern: unknown }[] })?.watchers ?? []);
    assert.ok(watchers.some((w) => JSON.stringify(w.globPattern).includes('.corpus-lint-ignore')));
    await client.waitFor(
      () => client.registrations.some((r) => JSON.stringify(r.registerOptions).includes('"pattern":"baseline.json"') && JSON.stringify(r.registerOptions).includes('/lint')),
      'the baseline watcher',
    );
  });

  it('hides the findings the ignore file accepts, and republishes when the ignore file changes', async () => {
    const { client, corpus } = await start({ '.corpus-lint-ignore': `# accepted\n${SEED.s002}  duplicate-paragraph\n` });
    const uri = corpus.uri(SEED.s002);
    assert.equal(byCode(client.diagnostics.get(uri), 'duplicate-paragraph').length, 0);
    assert.equal((client.diagnostics.get(uri) ?? []).length, 5);
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 7, character: 3 } });
    assert.doesNotMatch(hoverText(hover), /duplicate-paragraph/);
    assert.equal(await client.request('corpusLint/fixAll', { uri }), null);

    // Edited on disk: now the name variant is accepted instead.
    let mark = client.mark();
    corpus.write('.corpus-lint-ignore', `*.txt  name-variant  الاتحادية\n`);
    await notifyWatched(client, corpus.uri('.corpus-lint-ignore'), WATCHED.Changed);
    let ds = await client.nextDiagnostics(uri, mark, (d) => byCode(d, 'duplicate-paragraph').length === 20);
    assert.equal(ds.filter(isVariant).length, 0);
    assert.equal(ds.length, 24);
    // Deleted: everything is back.
    mark = client.mark();
    fs.rmSync(corpus.path('.corpus-lint-ignore'));
    await notifyWatched(client, corpus.uri('.corpus-lint-ignore'), WATCHED.Deleted);
    ds = await client.nextDiagnostics(uri, mark, (d) => d.length === 25);
    assert.equal(ds.filter(isVariant).length, 1);
    await client.waitFor(() => client.statuses[client.statuses.length - 1].findings === 41 && true, 'the status count');
  });

  it('turns a broken ignore file into a diagnostic on it and shows every finding; recovers when it is fixed', async () => {
    const { client, corpus } = await start({ '.corpus-lint-ignore': `${SEED.s002}  duplicate-paragraph\n  ${SEED.s000}  no-such-rule\n` });
    const ignoreUri = corpus.uri('.corpus-lint-ignore');
    const problems = client.diagnostics.get(ignoreUri)!;
    assert.equal(problems.length, 1);
    assert.equal(problems[0].severity, 1);
    assert.equal(problems[0].code, 'invalid-ignore-file');
    assert.deepEqual(problems[0].range, { start: { line: 1, character: 2 }, end: { line: 1, character: 2 + `${SEED.s000}  no-such-rule`.length } });
    assert.match(messageOf(problems[0]), /unknown rule «no-such-rule» \(the ignore file is not used until this is fixed\)/);
    // Treated as absent: the good line does not apply either, as in the CLI (which stops with exit 2).
    assert.equal(byCode(client.diagnostics.get(corpus.uri(SEED.s002)), 'duplicate-paragraph').length, 20);
    assert.equal(client.statuses[client.statuses.length - 1].findings, 41, 'problems of accepting files are not findings');

    const mark = client.mark();
    corpus.write('.corpus-lint-ignore', `${SEED.s002}  duplicate-paragraph\n`);
    await notifyWatched(client, ignoreUri, WATCHED.Changed);
    await client.nextDiagnostics(ignoreUri, mark, (d) => d.length === 0);
    await client.nextDiagnostics(corpus.uri(SEED.s002), mark, (d) => byCode(d, 'duplicate-paragraph').length === 0);
  });

  it('reports a broken or missing baseline on the file at fault and shows every finding', async () => {
    const { client, corpus } = await start({
      'corpus-lint.json': '{\n  "baseline": "baseline.json"\n}\n',
      'baseline.json': '{ "version": 1, "findings": [\n  { "file": 3 }\n] }\n',
    });
    const baselineUri = corpus.uri('baseline.json');
    const [broken] = client.diagnostics.get(baselineUri)!;
    assert.equal(broken.code, 'invalid-baseline');
    assert.equal(broken.severity, 1);
    assert.equal(broken.range.start.line, 1, 'the offending entry');
    assert.match(messageOf(broken), /findings\[0\] needs "file", "code" and "fingerprint" strings \(the baseline is not used/);
    assert.equal(client.statuses[client.statuses.length - 1].findings, 41);

    // Invalid JSON: located at the syntax error.
    let mark = client.mark();
    corpus.write('baseline.json', '{ "version": 1,\n  "findings": [ }\n');
    await notifyWatched(client, baselineUri, WATCHED.Changed);
    let ds = await client.nextDiagnostics(baselineUri, mark, (d) => d.length === 1 && /not valid JSON/.test(messageOf(d[0])));
    assert.equal(ds[0].range.start.line, 1);

    // Missing: reported on the config's "baseline" value.
    mark = client.mark();
    fs.rmSync(corpus.path('baseline.json'));
    await notifyWatched(client, baselineUri, WATCHED.Deleted);
    await client.nextDiagnostics(baselineUri, mark, (d) => d.length === 0);
    ds = await client.waitFor(() => {
      const list = client.diagnostics.get(corpus.uri('corpus-lint.json'));
      return list?.length ? list : undefined;
    }, 'the config diagnostic');
    assert.equal(ds[0].code, 'invalid-baseline');
    assert.deepEqual(ds[0].range, { start: { line: 1, character: 14 }, end: { line: 1, character: 29 } });
    assert.match(messageOf(ds[0]), /baseline file not found: baseline\.json \(write one with `corpus-lint baseline`\)/);

    // Written: the config diagnostic goes, the baselined findings are hidden.
    mark = client.mark();
    corpus.write('baseline.json', baselineOf(SEED.s002, (code) => code === 'duplicate-paragraph'));
    await notifyWatched(client, baselineUri, WATCHED.Created);
    await client.nextDiagnostics(corpus.uri('corpus-lint.json'), mark, (d) => d.length === 0);
    await client.nextDiagnostics(corpus.uri(SEED.s002), mark, (d) => d.length === 5);
  });

  it('offers "Accept in .corpus-lint-ignore": creates the file, then appends to it', async () => {
    const { client, corpus } = await start();
    const uri = corpus.uri(SEED.s002);
    const ignoreUri = corpus.uri('.corpus-lint-ignore');
    const actionFor = async (d: Diagnostic) => {
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: d.range,
        context: { diagnostics: [d], only: ['quickfix'] },
      });
      const titles = actions.map((a) => a.title);
      const suppress = titles.findIndex((t) => t.startsWith('Suppress this finding'));
      const accept = titles.findIndex((t) => t.startsWith('Accept in .corpus-lint-ignore'));
      assert.ok(suppress >= 0 && accept === suppress + 1, titles.join(' | '));
      return actions[accept];
    };

    // No ignore file yet: create it (CreateFile + insert).
    const variant = client.diagnostics.get(uri)!.find(isVariant)!;
    const create = await actionFor(variant);
    assert.equal(create.title, 'Accept in .corpus-lint-ignore (name-variant)');
    const [op, insert] = create.edit!.documentChanges! as [CreateFile, TextDocumentEdit];
    assert.deepEqual(op, { kind: 'create', uri: ignoreUri, options: { ignoreIfExists: true } });
    assert.equal(insert.textDocument.uri, ignoreUri);
    const created = applyEdits('', insert.edits as TextEdit[]);
    assert.match(created, /^# .*\n002_59ed37bba01cb0ba\.txt {2}name-variant {2}\S+\n$/);
    let mark = client.mark();
    corpus.write('.corpus-lint-ignore', created);
    await notifyWatched(client, ignoreUri, WATCHED.Created);
    let ds = await client.nextDiagnostics(uri, mark, (d) => d.length === 24);
    assert.equal(ds.filter(isVariant).length, 0);

    // The file exists (without a final line break): the line is appended after its last line.
    corpus.write('.corpus-lint-ignore', created.trimEnd());
    const incomplete = byCode(client.diagnostics.get(corpus.uri(SEED.s000)), 'undated-entry')[0];
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: corpus.uri(SEED.s000) },
      range: incomplete.range,
      context: { diagnostics: [incomplete], only: ['quickfix'] },
    });
    const append = actions.find((a) => a.title === 'Accept in .corpus-lint-ignore (undated-entry)')!;
    const edits = (append.edit as WorkspaceEdit).changes![ignoreUri];
    const appended = applyEdits(created.trimEnd(), edits);
    assert.equal(appended.split('\n').length, 4);
    assert.match(appended.split('\n')[2], /^000_47cabcfadfbade24\.txt {2}undated-entry {2}\S/);
    mark = client.mark();
    corpus.write('.corpus-lint-ignore', appended);
    await notifyWatched(client, ignoreUri, WATCHED.Changed);
    ds = await client.nextDiagnostics(corpus.uri(SEED.s000), mark);
    assert.equal(byCode(ds, 'undated-entry').length, byCode(client.publications.find((p) => p.uri === corpus.uri(SEED.s000))!.diagnostics, 'undated-entry').length - 1);
  });

  it('does not offer to create the ignore file to a client that cannot create files', async () => {
    const capabilities = editorCapabilities();
    delete capabilities.workspace!.workspaceEdit;
    const { client, corpus } = await start({}, capabilities);
    const uri = corpus.uri(SEED.s002);
    const d = client.diagnostics.get(uri)!.find(isVariant)!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d], only: ['quickfix'] },
    });
    assert.ok(actions.some((a) => a.title.startsWith('Suppress this finding')));
    assert.ok(!actions.some((a) => a.title.startsWith('Accept in')));
  });

  it('shows exactly the findings `corpus-lint check` reports, with a baseline and an ignore file', async function () {
    if (!fs.existsSync(CLI)) throw new Error('build first: node esbuild.js');
    const seeds = readSeeds();
    const s003 = seeds.find((s) => s.file === SEED.s003)!.text;
    const copied = s003.split('\n').find((l) => l.split(' ').length > 20)!;
    const corpus = new TempCorpus({ 'corpus-lint.json': '{ "baseline": "lint/baseline.json" }' });
    const session: Session = { client: undefined as unknown as TestClient, corpus, dispose: () => undefined };
    trackSession(session);
    const run = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: corpus.dir, encoding: 'utf8' });
    {
      // Baseline: the findings of 000 only. Then 000 moves down (still baselined) and 004 copies a paragraph of 003.
      const b = run(['baseline', '--context', '.', SEED.s000]);
      assert.equal(b.status, 0, b.stderr);
      corpus.write(SEED.s000, 'سطر جديد في أول الملف\n\n' + corpus.read(SEED.s000));
      corpus.write(SEED.s004, corpus.read(SEED.s004) + '\n' + copied + '\n');
      corpus.write(
        '.corpus-lint-ignore',
        `# accepted\n${SEED.s002}  duplicate-paragraph  ${corpus.read(SEED.s002).split('\n')[1].split(' ').slice(0, 4).join(' ')}\n*.txt  name-variant  الاتحادية\n001_*  undated-entry\n`,
      );
      const check = run(['check', '.', '--format', 'json']);
      assert.equal(check.status, 0, check.stderr);
      assert.match(check.stderr, /baseline lint\/baseline\.json: 13 known findings not shown, 0 fixed/);
      const cliFiles = new Map<string, { code: string; message: string; range: unknown }[]>();
      for (const f of JSON.parse(check.stdout).files as { path: string; diagnostics: { code: string; message: string; range: unknown }[] }[]) {
        cliFiles.set(corpus.uri(f.path), f.diagnostics.map((d) => ({ code: d.code, message: d.message, range: d.range })));
      }
      // `--no-baseline` still applies the ignore file.
      const all = JSON.parse(run(['check', '.', '--format', 'json', '--no-baseline']).stdout).files.flatMap((f: { diagnostics: unknown[] }) => f.diagnostics);
      const shown = [...cliFiles.values()].flat();
      assert.equal(shown.length, all.length - 13);
      // What the ignore file hides: two copies in 002, the variant, 001's undated entries. The rest is shown.
      assert.equal(cliFiles.get(corpus.uri(SEED.s002))!.filter((d) => d.code === 'duplicate-paragraph').length, 18);
      assert.ok(!shown.some((d) => d.message.includes('«الإتحادية»')));
      assert.ok(!cliFiles.get(corpus.uri(SEED.s001))!.some((d) => d.code === 'undated-entry'));
      assert.ok(cliFiles.get(corpus.uri(SEED.s004))!.some((d) => d.code === 'duplicate-paragraph'), 'new findings are shown');

      const { client, dispose } = inProcess();
      Object.assign(session, { client, dispose });
      await client.initialize(corpus.dir);
      await client.indexed();
      assert.equal(client.statuses[client.statuses.length - 1].findings, shown.length);
      for (const [uri, expected] of cliFiles) {
        const got = (client.diagnostics.get(uri) ?? []).map((d) => ({ code: d.code, message: messageOf(d), range: d.range }));
        assert.deepEqual(got, expected, `findings of ${path.basename(uri)}`);
      }
      for (const uri of client.diagnostics.keys()) {
        if (uri.endsWith('.txt')) assert.ok(cliFiles.has(uri), `${uri} is checked by the CLI`);
      }
    }
  });
});
