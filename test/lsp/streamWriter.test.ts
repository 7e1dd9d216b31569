/** The server's stream writer: framing a reader understands, order, and a failed write reported, not thrown. */
import * as assert from 'node:assert/strict';
import { PassThrough, Writable } from 'node:stream';
import { Message, NotificationMessage, StreamMessageReader } from 'vscode-languageserver/node';
import { DirectStreamWriter } from '../../server/src/lsp/streamWriter';

function note(i: number, text: string): NotificationMessage {
  return { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: `file:///c/${i}.txt`, text } };
}

describe('DirectStreamWriter', () => {
  it('writes messages that the protocol reader reads back whole and in order, multibyte text included', async () => {
    const pipe = new PassThrough();
    const writer = new DirectStreamWriter(pipe);
    const reader = new StreamMessageReader(pipe);
    const got: Message[] = [];
    const all = new Promise<void>((resolve) =>
      reader.listen((m) => {
        got.push(m);
        if (got.length === 300) resolve();
      }),
    );
    const sent = Array.from({ length: 300 }, (_, i) => note(i, i % 3 ? `«بوتين» ${'ـ'.repeat(i)} \u{1F600}` : 'ascii only'));
    await Promise.all(sent.map((m) => writer.write(m)));
    await all;
    assert.deepEqual(got, sent);
    reader.dispose();
  });

  it('rejects a write the stream refuses and reports it as an error of the connection', async () => {
    const broken = new Writable({ write: (_chunk, _enc, cb) => cb(new Error('EPIPE')) });
    broken.on('error', () => undefined);
    const writer = new DirectStreamWriter(broken);
    const errors: unknown[] = [];
    writer.onError(([error]) => errors.push(error));
    await assert.rejects(writer.write(note(1, 'x')), /EPIPE/);
    assert.ok(errors.some((e) => e instanceof Error && /EPIPE/.test(e.message)));
  });

  it('rejects a message that cannot be encoded without writing anything', async () => {
    const chunks: Buffer[] = [];
    const sink = new Writable({ write: (chunk, _enc, cb) => (chunks.push(chunk), cb()) });
    const writer = new DirectStreamWriter(sink);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    await assert.rejects(writer.write({ jsonrpc: '2.0', method: 'x', params: cyclic } as NotificationMessage));
    await writer.write(note(2, 'after'));
    assert.equal(chunks.length, 1, 'only the good message was written');
  });
});
