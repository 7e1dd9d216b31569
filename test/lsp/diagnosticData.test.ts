/** A diagnostic's data as a client sends it back with a code action request: ours when well formed, else ignored. */
import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver/node';
import { tagOfAnalysis, diagnosticData, SOURCE } from '../../server/src/lsp/diagnostics';

const range = { start: { line: 2, character: 0 }, end: { line: 2, character: 5 } };
const withData = (data: unknown, source = SOURCE): Diagnostic => ({ range, message: 'm', source, data });

describe('diagnostic data read back from a client', () => {
  it('takes the analysis tag alone, or with a UTF-16 range', () => {
    assert.deepEqual(diagnosticData(withData({ analysis: 'a1b2c3d4.5' })), { analysis: 'a1b2c3d4.5' });
    assert.deepEqual(diagnosticData(withData({ analysis: 'a1b2c3d4.5', range })), { analysis: 'a1b2c3d4.5', range });
  });

  it('ignores data without an analysis tag, with a malformed range, or from another source', () => {
    assert.equal(diagnosticData(withData({ range })), null);
    assert.equal(diagnosticData(withData({ analysis: 'a1b2c3d4.5', range: { start: { line: -1, character: 0 }, end: range.end } })), null);
    assert.equal(diagnosticData(withData({ analysis: 'a1b2c3d4.5', range: { start: range.start } })), null);
    assert.equal(diagnosticData(withData({ analysis: 'a1b2c3d4.5', range: 'line 3' })), null);
    assert.equal(diagnosticData(withData('a1b2c3d4.5')), null);
    assert.equal(diagnosticData(withData({ analysis: 'a1b2c3d4.5' }, 'other-linter')), null);
  });

  it('tags analyses apart, and apart from another server process', () => {
    const [a, b] = [tagOfAnalysis(1), tagOfAnalysis(2)];
    assert.notEqual(a, b);
    assert.equal(a, tagOfAnalysis(1));
    // A per-process prefix: a restarted server's first analysis is not the last one's first.
    assert.match(a, /^[0-9a-f]{8}\.1$/);
  });
});
