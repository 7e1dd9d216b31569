/** The shared reader of corpus files: strict UTF-8, a reason instead of a crash. */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
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

  it('says a UTF-16 file is UTF-16 (with or without a byte order mark), not binary', () => {
    const text = 'وصل الرئيس إلى موسكو في 15 مارس 2015.\n';
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    const bom = (b: number[], body: Buffer) => Buffer.concat([Buffer.from(b), body]);
    const reason = (buf: Buffer) => (decodeText(buf) as { reason: string }).reason;
    assert.match(reason(bom([0xff, 0xfe], le)), /^UTF-16 text \(little-endian, with a byte order mark\): only UTF-8 is read/);
    assert.match(reason(bom([0xfe, 0xff], be)), /^UTF-16 text \(big-endian, with a byte order mark\)/);
    assert.match(reason(le), /^UTF-16 text \(little-endian, without a byte order mark\)/);
    assert.match(reason(be), /^UTF-16 text \(big-endian, without a byte order mark\)/);
    // NUL bytes on both sides: binary, as before; UTF-8 Arabic has no NUL byte at all.
    assert.equal(reason(Buffer.from([0x00, 0x00, 0x41, 0x42, 0x00, 0x43, 0x44, 0x00, 0x00, 0x45])), 'binary file (contains NUL bytes)');
    assert.deepEqual(decodeText(Buffer.from(text, 'utf8')), { text });
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

  it('refuses a named pipe at once instead of waiting for a writer', function () {
    this.timeout(30000);
    if (process.platform === 'win32') this.skip();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lint-read-'));
    try {
      const pipe = path.join(dir, 'pipe.txt');
      execFileSync('mkfifo', [pipe]);
      // In a child process: a reader that waits for a writer would block this one for good.
      const reader = path.join(__dirname, '../../server/src/node/readText.ts');
      const script = `console.log(JSON.stringify(require(${JSON.stringify(reader)}).readTextFileSync(${JSON.stringify(pipe)})))`;
      const out = execFileSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], { timeout: 20000, encoding: 'utf8' });
      assert.deepEqual(JSON.parse(out), { reason: 'not a regular file: a pipe, socket or device' });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads whole files of any size, empty ones, and refuses a directory without leaking its descriptor', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lint-read-'));
    try {
      const big = 'بوتين '.repeat(300000);
      fs.writeFileSync(path.join(dir, 'big.txt'), big);
      fs.writeFileSync(path.join(dir, 'empty.txt'), '');
      assert.deepEqual(readTextFileSync(path.join(dir, 'big.txt')), { text: big });
      assert.deepEqual(readTextFileSync(path.join(dir, 'empty.txt')), { text: '' });
      // Open descriptors, where the system lists them (Linux).
      const open = () => (fs.existsSync('/proc/self/fd') ? fs.readdirSync('/proc/self/fd').length : 0);
      const before = open();
      for (let i = 0; i < 50; i++) assert.deepEqual(readTextFileSync(dir), { reason: 'cannot be read (EISDIR)' });
      for (let i = 0; i < 50; i++) readTextFileSync(path.join(dir, 'big.txt'), { maxBytes: 10 });
      assert.ok(open() <= before + 1, 'descriptors are closed');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
