/** The shared reader of corpus files: strict UTF-8, a reason instead of a crash. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { decodeText, readTextFileSync } from '../../server/src/node/readText';

describe('reading corpus files', () => {
  it('decodes UTF-8 and drops a BOM', () => {
    assert.deepEqual(decodeText(Buffer.from('\ufeffبوتين 🗓', 'utf8')), { text: 'بوتين 🗓' });
  });

  it('says where invalid UTF-8 starts, and refuses binary files', () => {
    assert.deepEqual(decodeText(Buffer.from([0x61, 0xe9, 0x62])), { reason: 'invalid UTF-8 at byte 1' });
    assert.deepEqual(decodeText(Buffer.from([0x61, 0x62, 0xd8])), { reason: 'invalid UTF-8 at byte 2' });
    assert.deepEqual(decodeText(Buffer.from([0xc0, 0xaf])), { reason: 'invalid UTF-8 at byte 0' });
    assert.deepEqual(decodeText(Buffer.from([0xed, 0xa0, 0x80])), { reason: 'invalid UTF-8 at byte 0' });
    assert.deepEqual(decodeText(Buffer.from([0x41, 0x00, 0x42])), { reason: 'binary file (contains NUL bytes)' });
  });

  it('skips missing and too large files', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lint-read-'));
    try {
      const file = path.join(dir, 'a.txt');
      fs.writeFileSync(file, 'x'.repeat(2048));
      assert.deepEqual(readTextFileSync(file, { maxBytes: 1024 }), { reason: 'larger than 1 KB' });
      assert.deepEqual(readTextFileSync(file, { maxBytes: 0 }), { text: 'x'.repeat(2048) });
      assert.deepEqual(readTextFileSync(path.join(dir, 'none.txt')), { reason: 'cannot be read (ENOENT)' });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
