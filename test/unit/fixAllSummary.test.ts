/** The sentence the editor shows after «Fix All» (client/src/fixAllSummary.ts). */
import * as assert from 'node:assert/strict';
import { fixAllSummary } from '../../client/src/fixAllSummary';

describe('Fix All summary', () => {
  it('counts the removed paragraphs and the rewritten spellings, and the files when more than one', () => {
    const removals = Array.from({ length: 10 }, () => ({ file: '002.txt', newText: '' }));
    assert.equal(fixAllSummary(removals), 'Corpus Lint: removed 10 repeated paragraphs in this file.');
    assert.equal(
      fixAllSummary([{ file: 'a.txt', newText: '' }, { file: 'b.txt', newText: 'سوريا' }, { file: 'c.txt', newText: 'سوريا' }]),
      'Corpus Lint: removed 1 repeated paragraph and rewrote 2 spellings in 3 files.',
    );
  });

  it('says when there is nothing to fix', () => {
    assert.equal(fixAllSummary([]), 'Corpus Lint: nothing to fix automatically in this file.');
  });
});
