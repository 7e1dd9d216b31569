/** The status item's text and its plain accessibility label (client/src/statusText.ts). */
import * as assert from 'node:assert/strict';
import { statusLabel, statusText } from '../../client/src/statusText';

describe('status item', () => {
  it('reads a plain sentence to a screen reader, without Markdown or icons', () => {
    const status = { files: 5, entries: 15, findings: 41, indexing: false };
    assert.equal(statusText(status), '$(book) 5 files · 15 entries · 41 findings');
    assert.equal(statusLabel(status), "Corpus Lint: 5 files, 15 entries, 41 findings. Activate to show the server's output.");
    assert.equal(statusLabel({ files: 1, entries: 1, findings: 0, indexing: true }), "Corpus Lint (indexing): 1 file, 1 entry, 0 findings. Activate to show the server's output.");
  });
});
