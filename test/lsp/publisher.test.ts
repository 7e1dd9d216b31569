/** Diagnostics queued after a change are published in steps on later turns of the message loop, newest first. */
import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver/node';
import { DiagnosticsPublisher, sameJson } from '../../server/src/lsp/publisher';
import { PositionMapper } from '../../server/src/lsp/positions';
import { Root } from '../../server/src/lsp/roots';
import { readSeeds, SEED } from '../helpers/fixture';

function setup(o: { isLive?: (root: Root) => boolean; written?: () => Promise<unknown>; passStepMs?: number } = {}) {
  const root = new Root(null, '', {});
  root.corpus.applyChange({ changed: readSeeds() });
  const sent: { uri: string; diagnostics: Diagnostic[] }[] = [];
  let drained = 0;
  const publisher = new DiagnosticsPublisher({
    send: (uri, diagnostics) => sent.push({ uri, diagnostics }),
    positions: new PositionMapper('utf-16', (f) => root.corpus.model(f)),
    relatedInformation: () => true,
    log: (m) => assert.fail(m),
    onQueueDrained: () => drained++,
    isLive: o.isLive,
    written: o.written,
    passStepMs: o.passStepMs,
  });
  const whenDrained = async () => {
    while (publisher.hasQueued() || !drained) await new Promise((resolve) => setTimeout(resolve, 1));
  };
  return { root, sent, publisher, whenDrained, drained: () => drained };
}

describe('language server: diagnostics queue', () => {
  it('publishes after an edit only once the client took what was sent before, each file once, as it is then', async () => {
    // The connection has not written the last diagnostics yet (a client slow to read a large message).
    let release: () => void = () => undefined;
    const pending = new Promise<void>((resolve) => (release = resolve));
    let taken = false;
    const { root, sent, publisher, whenDrained } = setup({ written: () => (taken ? Promise.resolve() : pending) });
    publisher.enqueue(root, [SEED.s002]);
    await new Promise((resolve) => setTimeout(resolve, 30));
    assert.equal(sent.length, 0, 'nothing more is sent while the connection is behind');
    // Edits go on meanwhile: the file is queued again and published once, from the text it has then.
    const text = readSeeds().find((f) => f.file === SEED.s002)!.text;
    root.corpus.applyChange({ changed: [{ file: SEED.s002, text: text.replace(/بوتن/g, 'بوتين') }] });
    publisher.enqueue(root, [SEED.s002]);
    taken = true;
    release();
    await whenDrained();
    assert.deepEqual(sent.map((s) => s.uri), [SEED.s002]);
    assert.deepEqual(sent[0].diagnostics, publisher.diagnosticsOf(root, SEED.s002));
    assert.ok(!sent[0].diagnostics.some((d) => JSON.stringify(d.message).includes('«بوتن»')), 'published from the edited text');
  });

  it('goes on with a full pass while the client reads the step before, and no further', async () => {
    // One file per step; the connection writes a step's diagnostics only when the test says so.
    const steps: (() => void)[] = [];
    const { root, sent, publisher } = setup({ passStepMs: 0, written: () => new Promise<void>((resolve) => steps.push(resolve)) });
    const files = root.corpus.files().filter((f) => publisher.diagnosticsOf(root, f).length > 0);
    assert.ok(files.length >= 3, 'seeds with findings');
    const pass = publisher.publishAll(root);
    const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
    // Waits for a count of sent files (a loaded machine may take longer than a settle for a step).
    const sentReaches = async (n: number) => {
      for (let waited = 0; sent.length < n && waited < 5000; waited += 5) await new Promise((resolve) => setTimeout(resolve, 5));
    };
    // The second step is made while the first is written; the third waits for the first.
    await sentReaches(2);
    await settle();
    assert.equal(sent.length, 2);
    steps[0]();
    await sentReaches(3);
    await settle();
    assert.equal(sent.length, 3);
    // Written at once from here on: the pass runs to the end.
    for (;;) {
      const before = steps.length;
      for (const release of steps) release();
      await settle();
      if (steps.length === before) break;
    }
    assert.equal(await pass, true);
    assert.deepEqual(sent.map((s) => s.uri).sort(), files.sort());
  });

  it('publishes queued files on a later turn, the latest change first, each file once', async () => {
    const { root, sent, publisher, whenDrained } = setup();
    publisher.enqueue(root, [SEED.s000, SEED.s001]);
    publisher.enqueue(root, [SEED.s002, SEED.s000]);
    // Nothing is computed in the turn of the change that queued the files.
    assert.equal(sent.length, 0);
    await whenDrained();
    assert.deepEqual(
      sent.map((s) => s.uri),
      [SEED.s002, SEED.s000, SEED.s001],
    );
    assert.deepEqual(sent[0].diagnostics, publisher.diagnosticsOf(root, SEED.s002));
    assert.ok(sent.every((s) => s.diagnostics.length > 0));
  });

  it('computes what it publishes from the corpus as it is then, and clears a file that left it', async () => {
    const { root, sent, publisher, whenDrained } = setup();
    publisher.enqueue(root, [SEED.s002]);
    root.corpus.applyChange({ removed: [SEED.s002] });
    await whenDrained();
    // Never published before: an empty list is not sent.
    assert.equal(sent.length, 0);
    root.corpus.applyChange({ changed: readSeeds().filter((f) => f.file === SEED.s002) });
    publisher.enqueue(root, [SEED.s002]);
    await whenDrained();
    root.corpus.applyChange({ removed: [SEED.s002] });
    publisher.enqueue(root, [SEED.s002]);
    await whenDrained();
    assert.deepEqual(
      sent.map((s) => [s.uri, s.diagnostics.length > 0]),
      [
        [SEED.s002, true],
        [SEED.s002, false],
      ],
    );
  });

  it('sends a file again only when its diagnostics changed, and counts what the client has', async () => {
    const { root, sent, publisher, whenDrained } = setup();
    publisher.publish(root, [SEED.s000, SEED.s002]);
    const first = sent.length;
    const shown = publisher.findingCount();
    assert.equal(first, 2);
    assert.equal(shown, sent.reduce((n, s) => n + s.diagnostics.length, 0));
    publisher.publish(root, [SEED.s000, SEED.s002]);
    assert.equal(sent.length, first, 'unchanged diagnostics are not sent again');
    const text = root.corpus.model(SEED.s002)!.text;
    root.corpus.applyChange({ changed: [{ file: SEED.s002, text: text.replace('بوتن', 'بوتين') }] });
    publisher.enqueue(root, [SEED.s002, SEED.s000]);
    await whenDrained();
    assert.deepEqual(
      sent.slice(first).map((s) => s.uri),
      [SEED.s002],
      'only the edited file changed',
    );
    assert.equal(publisher.findingCount(), shown - 1);
  });

  it('compares diagnostics as JSON would: key order aside, undefined properties absent', () => {
    const range = { start: { line: 1, character: 2 }, end: { line: 1, character: 5 } };
    assert.ok(sameJson([{ range, message: 'm', code: 'c' }], [{ code: 'c', message: 'm', range: JSON.parse(JSON.stringify(range)) }]));
    assert.ok(sameJson({ message: 'm', data: undefined }, { message: 'm' }));
    assert.ok(!sameJson({ message: 'm', data: 1 }, { message: 'm' }));
    assert.ok(!sameJson({ message: 'm' }, { message: 'm', data: 1 }));
    assert.ok(!sameJson([{ range }], [{ range: { ...range, end: { line: 1, character: 6 } } }]));
    assert.ok(!sameJson([1, 2], [1, 2, 3]));
    assert.ok(!sameJson([], {}));
    assert.ok(!sameJson(null, {}));
  });

  it('drops the queued files of a root that is gone', async () => {
    let live = true;
    const { root, sent, publisher, whenDrained } = setup({ isLive: () => live });
    publisher.enqueue(root, [SEED.s000, SEED.s001]);
    live = false;
    await whenDrained();
    assert.equal(sent.length, 0);
  });
  it('after a full pass, clears the files no corpus holds any more, and only those', async () => {
    const { root, sent, publisher } = setup();
    assert.ok(await publisher.publishAll(root));
    const shown = sent.map((s) => s.uri);
    assert.ok(shown.length >= 3);
    root.corpus.applyChange({ removed: [shown[0]] });
    await publisher.clearMissing((uri) => root.corpus.has(uri));
    assert.deepEqual(sent.slice(shown.length), [{ uri: shown[0], diagnostics: [] }]);
    assert.equal(publisher.findingCount(), sent.slice(1, shown.length).reduce((n, s) => n + s.diagnostics.length, 0));
  });
});
