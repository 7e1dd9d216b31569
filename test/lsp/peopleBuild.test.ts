/**
 * The people index is built in slices in the server: requests that need it wait for the finished snapshot while
 * the message loop keeps answering others; a change during a build starts it again; a waiting request can be
 * cancelled; CodeLenses are refreshed when the events behind them change.
 */
import * as assert from 'node:assert/strict';
import * as rpc from 'vscode-jsonrpc/node';
import type { CodeLens, FoldingRange, Hover, Location } from 'vscode-languageserver/node';
import { SERVER_STATS_REQUEST, ServerStats } from '../../server/src/lsp/server';
import { editorCapabilities, positionOf, SEED, startSession } from './harness';

const valueOf = (h: Hover) => (h.contents as { value: string }).value;
const SUMMIT_POST = 'الرئيس #الأسد خلال القمة مع الرئيس الروسي #بوتين';

/** Holds a people build between two of its slices until released. */
class Gate {
  private open = false;
  private held: (() => void)[] = [];
  /** Times the build passed (or waited at) the gate: one per slice after the first. */
  passes = 0;
  private reachedResolve!: () => void;
  /** Resolves when the build first waits at the gate: it is in progress then. */
  readonly reached = new Promise<void>((resolve) => (this.reachedResolve = resolve));

  readonly wait = (): Promise<void> | void => {
    this.passes++;
    if (this.open) return;
    this.reachedResolve();
    return new Promise<void>((resolve) => this.held.push(resolve));
  };

  release(): void {
    this.open = true;
    for (const r of this.held.splice(0)) r();
  }
}

/** Tracks whether a promise has settled. */
function track<T>(p: Promise<T>): { promise: Promise<T>; settled: () => boolean } {
  let done = false;
  const promise = p.finally(() => (done = true));
  promise.catch(() => undefined);
  return { promise, settled: () => done };
}

describe('language server: the people index is built without blocking', function () {
  this.timeout(60000);

  it('answers a hover asked during the build with the finished index, and other requests meanwhile', async () => {
    const gate = new Gate();
    const { client, corpus } = await startSession({ server: { peopleSliceMs: 0, betweenPeopleSlices: gate.wait } });
    await gate.reached;
    await client.waitFor(() => client.statuses[client.statuses.length - 1].peopleIndexing, 'the status to say the people index is being built');
    const uri = corpus.uri(SEED.s003);
    const pos = positionOf(corpus.read(SEED.s003), 'بوتين', 1);
    const hover = track(client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: pos }));

    // The message loop is free: requests that do not need the people index are answered while the build waits.
    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    assert.ok(Array.isArray(folds));
    const stats = await client.request<ServerStats>(SERVER_STATS_REQUEST, {});
    assert.ok(stats.rss! > 0 && stats.heapUsed! > 0);
    // A client polling for responsiveness asks without the memory figures.
    const ping = await client.request<ServerStats>(SERVER_STATS_REQUEST, { memory: false });
    assert.equal(ping.rss, undefined);
    assert.ok('lastPeopleBuild' in ping);
    assert.equal(hover.settled(), false);

    gate.release();
    const value = valueOf(await hover.promise);
    assert.match(value, /^\*\*فلاديمير بوتين\*\* — person/);
    assert.match(value, /\d+ mentions in 5 files/);
    assert.ok(gate.passes > 10, `built in ${gate.passes + 1} slices`);
    await client.waitFor(() => client.statuses[client.statuses.length - 1].peopleIndexing === false, 'the status to say the build is over');
  });

  it('answers a hover without the index when the build takes longer than the hover waits, and says so', async () => {
    const gate = new Gate();
    const { client, corpus } = await startSession({ server: { peopleSliceMs: 0, betweenPeopleSlices: gate.wait, peopleFirstWaitMs: 100 } });
    await gate.reached;
    const uri = corpus.uri(SEED.s003);
    const pos = positionOf(corpus.read(SEED.s003), 'بوتين', 1);
    // The build is held: the hover answers after its wait, with the card read from the spelling counts.
    const early = valueOf(await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: pos }));
    assert.match(early, /^\*\*بوتين\*\* — name/);
    assert.match(early, /still being built/);
    gate.release();
    await client.waitFor(() => client.statuses[client.statuses.length - 1].peopleIndexing === false, 'the status to say the build is over');
    const late = valueOf(await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: pos }));
    assert.match(late, /^\*\*فلاديمير بوتين\*\* — person/);
    assert.doesNotMatch(late, /still being built/);
  });

  it('starts the build again after a change, and answers from the edited text', async () => {
    const gate = new Gate();
    const { client, corpus } = await startSession({ server: { peopleSliceMs: 0, betweenPeopleSlices: gate.wait } });
    await gate.reached;
    const uri = corpus.uri(SEED.s003);
    const text = corpus.read(SEED.s003);
    await client.open(uri, text);
    // Text inserted before the first «بوتين»: a snapshot from before the edit would miss the shifted name.
    const at = positionOf(text, 'بوتين');
    await client.change(uri, { start: at, end: at }, 'نص قصير. ');
    // The request applies the change first: the build held at the gate is stale from then on.
    const edited = client.text(uri)!;
    const hover = track(client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(edited, 'بوتين', 1) }));
    // Answered after the hover has started waiting for the index (requests are handled in order).
    await client.request(SERVER_STATS_REQUEST, {});
    gate.release();
    const h = await hover.promise;
    assert.match(valueOf(h), /^\*\*فلاديمير بوتين\*\* — person/);
    assert.deepEqual(h.range?.start, positionOf(edited, 'بوتين'));
    const stats = await client.request<ServerStats>(SERVER_STATS_REQUEST, {});
    assert.ok(stats.lastPeopleBuild && stats.lastPeopleBuild.restarts >= 1, JSON.stringify(stats.lastPeopleBuild));
  });

  it('answers a cancelled request that waits for the index with RequestCancelled', async () => {
    const gate = new Gate();
    const { client, corpus } = await startSession({ server: { peopleSliceMs: 0, betweenPeopleSlices: gate.wait } });
    await gate.reached;
    const uri = corpus.uri(SEED.s003);
    const source = new rpc.CancellationTokenSource();
    const refs = client.request('textDocument/references', { textDocument: { uri }, position: positionOf(corpus.read(SEED.s003), 'بوتين', 1), context: { includeDeclaration: true } }, source.token);
    // Cancelled once the server has it (a request answered after it shows it was read).
    await client.request(SERVER_STATS_REQUEST, {});
    source.cancel();
    await assert.rejects(refs, (err: { code?: number }) => err.code === -32800);
    gate.release();
    // The build goes on and later requests are answered.
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(corpus.read(SEED.s003), 'بوتين', 1) });
    assert.match(valueOf(hover), /فلاديمير بوتين/);
  });

  it('reads the card of a name the people index does not know in slices: hover, definition and references agree', async () => {
    const { client, corpus } = await startSession({ server: { peopleSliceMs: 0 } });
    const uri = corpus.uri(SEED.s000);
    const text = corpus.read(SEED.s000);
    const pos = positionOf(text, 'السوفيتي', 2);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: pos });
    assert.match(valueOf(hover), /^\*\*السوفييتي\*\* — name\n\nSpellings: «السوفييتي» 2 \(canonical\), «السوفيتي» 1\n\n3 mentions in 1 file/);
    const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri }, position: pos, context: { includeDeclaration: true } });
    assert.equal(refs.length, 3);
    const lines = text.split('\n');
    for (const r of refs) assert.match(lines[r.range.start.line].slice(r.range.start.character, r.range.end.character), /^السوفي+تي$/);
    const def = await client.request<Location>('textDocument/definition', { textDocument: { uri }, position: pos });
    assert.ok(refs.some((r) => r.range.start.line === def.range.start.line && r.range.start.character === def.range.start.character));
  });

  it('on a corpus whose index takes long to build, answers from the last index carried over to an edit while it is built again', async () => {
    // Builds pass freely until `held` is set; this corpus counts as slow (any build), and requests wait 50 ms.
    let held: Promise<void> | null = null;
    let release = () => {};
    const { client, corpus } = await startSession({
      server: { peopleSliceMs: 0, betweenPeopleSlices: () => held ?? undefined, peopleStaleAfterMs: 0, peopleFreshWaitMs: 50 },
    });
    const uri = corpus.uri(SEED.s003);
    const text = corpus.read(SEED.s003);
    const before = await client.request<Location[]>('textDocument/references', { textDocument: { uri }, position: positionOf(text, 'بوتين', 1), context: { includeDeclaration: true } });
    await client.waitFor(() => client.statuses[client.statuses.length - 1].peopleIndexing === false, 'the first build to end');

    held = new Promise<void>((resolve) => (release = resolve));
    await client.open(uri, text);
    // Text inserted before the first «بوتين» shifts every name after it; a second edit replaces a word further on.
    const inserted = 'نص قصير. ';
    const at = positionOf(text, 'بوتين');
    await client.change(uri, { start: at, end: at }, inserted);
    const edited = client.text(uri)!;
    const pos = positionOf(edited, 'بوتين', 1);

    // The new index is held: the answers come from the last one, at the positions of the edited text.
    const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: pos });
    assert.match(valueOf(h), /^\*\*فلاديمير بوتين\*\* — person/);
    assert.deepEqual(h.range?.start, positionOf(edited, 'بوتين'));
    const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri }, position: pos, context: { includeDeclaration: true } });
    assert.equal(refs.length, before.length);
    const lines = edited.split('\n');
    for (const r of refs.filter((x) => x.uri === uri)) assert.match(lines[r.range.start.line].slice(r.range.start.character, r.range.end.character), /بوتين/);
    const def = await client.request<Location | null>('textDocument/definition', { textDocument: { uri }, position: pos });
    assert.ok(def && refs.some((r) => r.uri === def.uri && r.range.start.line === def.range.start.line && r.range.start.character === def.range.start.character));
    // Inside the inserted text the last index knows no one.
    const inside = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(edited, inserted, 2) });
    assert.ok(!inside || !/— (person|place)/.test(valueOf(inside)), inside ? valueOf(inside) : '');
    const stats = await client.request<ServerStats>(SERVER_STATS_REQUEST, {});
    assert.ok(client.statuses[client.statuses.length - 1].peopleIndexing, 'the build is still held');
    assert.ok(stats.rss! > 0);

    held = null;
    release();
    await client.waitFor(() => client.statuses[client.statuses.length - 1].peopleIndexing === false, 'the build to end');
    const fresh = await client.request<Location[]>('textDocument/references', { textDocument: { uri }, position: pos, context: { includeDeclaration: true } });
    assert.deepEqual(
      fresh.map((r) => [r.uri, r.range]),
      refs.map((r) => [r.uri, r.range]),
    );
  });

  it('asks the client to refresh CodeLenses when an edit changes the events behind them', async () => {
    const capabilities = editorCapabilities();
    capabilities.workspace!.codeLens = { refreshSupport: true };
    const { client, corpus } = await startSession({ capabilities });
    const uri000 = corpus.uri(SEED.s000);
    const line = positionOf(corpus.read(SEED.s000), SUMMIT_POST).line;
    const before = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uri000 } });
    assert.equal(before.find((l) => l.range.start.line === line)?.command?.title, '1 other report of this event');

    /** Waits for a people build after status mark `since` to start and finish. */
    const rebuilt = (since: number) =>
      client.waitFor(() => {
        const after = client.statuses.slice(since);
        return after.some((s) => s.peopleIndexing) && after[after.length - 1].peopleIndexing === false;
      }, 'the people index to be built again');

    // An edit that changes no event: the index is built again, the lenses stay.
    const uri003 = corpus.uri(SEED.s003);
    const text003 = corpus.read(SEED.s003);
    await client.open(uri003, text003);
    let since = client.statuses.length;
    const at = positionOf(text003, 'بوتين');
    await client.change(uri003, { start: at, end: at }, 'نص قصير. ');
    await rebuilt(since);
    assert.equal(client.codeLensRefreshes, 0);

    // The article of 001 no longer reports the summit: the post's lens goes.
    const uri001 = corpus.uri(SEED.s001);
    const text001 = corpus.read(SEED.s001);
    await client.open(uri001, text001);
    since = client.statuses.length;
    const lines = text001.split('\n');
    await client.change(uri001, { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines[lines.length - 1].length } }, 'نص قصير لا خبر فيه.\n');
    await client.waitFor(() => client.codeLensRefreshes > 0, 'workspace/codeLens/refresh');
    const after = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uri000 } });
    assert.equal(after.find((l) => l.range.start.line === line), undefined);
  });
});
