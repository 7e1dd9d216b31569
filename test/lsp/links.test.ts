/** URLs found for document links, on lines like those of the seeds. */
import * as assert from 'node:assert/strict';
import { findLinks } from '../../server/src/lsp/links';

const targets = (text: string) => findLinks(text).map((l) => [text.slice(l.start, l.end), l.target]);

describe('document links', () => {
  it('finds http, https, www. and t.me addresses, without trailing punctuation', () => {
    assert.deepEqual(targets('للمزيد: http://www.sana.sy/?p=1499795.'), [['http://www.sana.sy/?p=1499795', 'http://www.sana.sy/?p=1499795']]);
    assert.deepEqual(targets('تابعونا www.instagram.com/syrianpresidency، و t.me/SyrianPresidency'), [
      ['www.instagram.com/syrianpresidency', 'https://www.instagram.com/syrianpresidency'],
      ['t.me/SyrianPresidency', 'https://t.me/SyrianPresidency'],
    ]);
    assert.deepEqual(targets('(https://en.wikipedia.org/wiki/Damascus_(city))'), [
      ['https://en.wikipedia.org/wiki/Damascus_(city)', 'https://en.wikipedia.org/wiki/Damascus_(city)'],
    ]);
    assert.deepEqual(targets('«https://example.org/a»'), [['https://example.org/a', 'https://example.org/a']]);
  });

  it('ignores look-alikes', () => {
    assert.deepEqual(targets('name@t.me/x and abc.t.me/y and http:// alone'), []);
  });
});
