/**
 * Malformed params from a client: a request gets InvalidParams (-32602) naming the field, never an internal error; a
 * notification is ignored as a whole with a line in the log; positions past the end and unknown documents get the
 * empty answer. The server answers normally afterwards.
 */
import * as assert from 'node:assert/strict';
import type { DocumentSymbol, Hover } from 'vscode-languageserver/node';
import { ResponseError } from 'vscode-jsonrpc';
import { SEED, startSession } from './harness';

const INVALID_PARAMS = -32602;

describe('language server: malformed params', function () {
  this.timeout(60000);

  it('a request with a wrong type, a missing field or a negative or fractional position is InvalidParams, naming it', async () => {
    const { client, corpus } = await startSession();
    const uri = corpus.uri(SEED.s000);
    const at = { textDocument: { uri }, position: { line: 7, character: 3 } };
    const cases: [string, unknown, string][] = [
      ['textDocument/hover', { textDocument: { uri } }, 'params.position must be an object (got nothing)'],
      ['textDocument/hover', { textDocument: null, position: at.position }, 'params.textDocument must be an object (got null)'],
      ['textDocument/hover', { textDocument: { uri: 42 }, position: at.position }, 'params.textDocument.uri must be a string (got 42)'],
      ['textDocument/definition', { ...at, position: { line: -1, character: 0 } }, 'params.position.line must be an integer from 0 to 2^31-1 (got -1)'],
      ['textDocument/definition', { ...at, position: { line: 1.5, character: 0 } }, 'params.position.line must be an integer from 0 to 2^31-1 (got 1.5)'],
      ['textDocument/references', at, 'params.context must be an object (got nothing)'],
      ['textDocument/rename', { ...at, newName: 7 }, 'params.newName must be a string (got 7)'],
      ['textDocument/codeAction', { textDocument: { uri }, range: { start: at.position, end: at.position }, context: { diagnostics: [null] } }, 'params.context.diagnostics[0] must be an object (got null)'],
      ['textDocument/documentSymbol', { textDocument: 'x' }, 'params.textDocument must be an object (got "x")'],
      ['workspace/symbol', { query: null }, 'params.query must be a string (got null)'],
      ['corpusLint/writeRegistry', { uri: 42 }, 'params.uri must be a string (got 42)'],
    ];
    for (const [method, params, problem] of cases) {
      const err = await client.request(method, params).then(
        () => assert.fail(`${method} ${JSON.stringify(params)} answered`),
        (e: unknown) => e as ResponseError<unknown>,
      );
      assert.equal(err.code, INVALID_PARAMS, `${method}: ${err.message}`);
      assert.equal(err.message, `Corpus Lint: ${method}: ${problem}`);
    }
    // Past the end of a line or of the document, or a document the server does not know: no answer, no error.
    for (const position of [{ line: 99999, character: 0 }, { line: 0, character: 99999 }]) {
      assert.equal(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position }), null);
    }
    assert.equal(await client.request('textDocument/definition', { textDocument: { uri: 'untitled:Untitled-1' }, position: at.position }), null);
    assert.ok(await client.request<Hover | null>('textDocument/hover', at), 'still answers');
  });

  it('a malformed change is ignored as a whole, with a line in the log: a change before it in the batch is not applied', async () => {
    const { client, corpus } = await startSession();
    const uri = corpus.uri(SEED.s000);
    await client.open(uri, corpus.read(SEED.s000));
    const symbols = () => client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const before = await symbols();
    const top = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: top, text: 'سطر جديد في أعلى الملف\n\n' }, { range: { start: null, end: null }, text: 'x' }],
    });
    await client.waitFor(() => client.logs.find((l) => l.includes('textDocument/didChange ignored')), 'the log line');
    assert.ok(client.logs.includes('[server] textDocument/didChange ignored: params.contentChanges[1].range.start must be an object (got null)'));
    assert.deepEqual(await symbols(), before, 'the text is as it was');
    // A malformed change of the workspace folders leaves them as they were.
    await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: null, removed: [] } });
    await client.waitFor(() => client.logs.includes('[server] workspace/didChangeWorkspaceFolders ignored: params.event.added must be an array (got null)'), 'the log line');
    assert.equal((await client.request<{ files: number }>('corpusLint/reindex', {})).files, 5);
    // A well-formed change afterwards is applied.
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ range: top, text: 'سطر جديد في أعلى الملف\n\n' }] });
    // (Messages are handled in order, and a request applies the changes before it.)
    assert.notDeepEqual(await symbols(), before);
  });
});
