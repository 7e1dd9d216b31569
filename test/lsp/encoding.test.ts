/** Position encodings: UTF-16 offsets converted to and from UTF-8 and UTF-32, on Arabic text with emoji. */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { fromUtf16, negotiateEncoding, toUtf16 } from '../../server/src/lsp/encoding';

describe('position encoding', () => {
  // «🗓 في 28 يناير»: the emoji is one code point, two UTF-16 units, four UTF-8 bytes; Arabic letters are two bytes.
  const line = '🗓 في 28 يناير';

  it('negotiates UTF-16 whenever the client offers it, else UTF-32, else UTF-8', () => {
    assert.equal(negotiateEncoding(undefined), 'utf-16');
    assert.equal(negotiateEncoding([]), 'utf-16');
    assert.equal(negotiateEncoding(['utf-8', 'utf-16']), 'utf-16');
    assert.equal(negotiateEncoding(['utf-8']), 'utf-8');
    assert.equal(negotiateEncoding(['utf-8', 'utf-32']), 'utf-32');
    assert.equal(negotiateEncoding(['latin-1']), 'utf-16');
  });

  it('converts offsets after an emoji and Arabic letters', () => {
    // UTF-16 offset 6 is the «2» of «28».
    assert.equal(fromUtf16(line, 6, 'utf-8'), 10);
    assert.equal(fromUtf16(line, 6, 'utf-32'), 5);
    assert.equal(fromUtf16(line, 6, 'utf-16'), 6);
    assert.equal(toUtf16(line, 10, 'utf-8'), 6);
    assert.equal(toUtf16(line, 5, 'utf-32'), 6);
    // The end of the line.
    assert.equal(fromUtf16(line, line.length, 'utf-8'), Buffer.byteLength(line, 'utf8'));
    assert.equal(fromUtf16(line, line.length, 'utf-32'), [...line].length);
  });

  it('clamps past the end and snaps inside a character to its start', () => {
    assert.equal(fromUtf16(line, 999, 'utf-8'), Buffer.byteLength(line, 'utf8'));
    assert.equal(toUtf16(line, 999, 'utf-32'), line.length);
    // Between the two surrogates of the emoji.
    assert.equal(fromUtf16(line, 1, 'utf-8'), 0);
    // Inside the emoji's four bytes, inside «ف»'s two.
    assert.equal(toUtf16(line, 2, 'utf-8'), 0);
    assert.equal(toUtf16(line, 6, 'utf-8'), 3);
  });

  it('keeps lone surrogates countable (three bytes, one code point)', () => {
    const broken = 'a\ud83db';
    assert.equal(fromUtf16(broken, 2, 'utf-8'), 4);
    assert.equal(fromUtf16(broken, 2, 'utf-32'), 2);
    assert.equal(toUtf16(broken, 4, 'utf-8'), 2);
  });

  it('round-trips every character boundary of any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite' }), fc.constantFrom('utf-8' as const, 'utf-32' as const), (text, encoding) => {
        const cps = [...text];
        let u16 = 0;
        let u8 = 0;
        for (const cp of cps) {
          const there = fromUtf16(text, u16, encoding);
          assert.equal(there, encoding === 'utf-8' ? u8 : [...text.slice(0, u16)].length);
          assert.equal(toUtf16(text, there, encoding), u16);
          u16 += cp.length;
          u8 += Buffer.byteLength(cp, 'utf8');
        }
      }),
    );
  });
});
