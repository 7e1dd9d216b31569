/** A republished paragraph with a few scattered edits (a number in digits, a word added, a spelling) is a near-duplicate. */
import * as assert from 'node:assert';
import { Corpus } from '../../server/src/core/corpus';

const ORIGINAL =
  'وتراجعت أسعار القمح في الأسواق العالمية بنحو ثلاثة بالمئة يوم الثلاثاء بعد أن أعلنت الحكومة الروسية عن زيادة صادراتها من الحبوب خلال الموسم المقبل إلى مستويات قياسية لم تسجلها منذ عشر سنوات تقريبا وفق بيانات رسمية';
/** Three edits far apart: each costs five shingles, so the shingles alone fall to 0.36 (its words align at 92%). */
const EDITED = ORIGINAL.replace('ثلاثة بالمئة', '3%').replace('الحكومة الروسية', 'الحكومة الروسية (موسكو)').replace('عشر سنوات', '10 سنوات');

describe('near-duplicates with scattered edits', () => {
  it('a 36-word paragraph with three edits far apart is a near-duplicate (its words align at 90%)', () => {
    const c = new Corpus();
    c.applyChange({
      changed: [
        { file: 'agency.txt', text: `القمح يتراجع بعد قرار روسي\n\n${ORIGINAL}.\n` },
        { file: 'site.txt', text: `أسعار القمح تنخفض في الأسواق\n\n${EDITED}.\n` },
      ],
    });
    const near = c.findings('site.txt').filter((f) => f.code === 'near-duplicate-paragraph');
    assert.strictEqual(near.length, 1, JSON.stringify(c.findings('site.txt').map((f) => f.message)));
    assert.match(near[0].message, /^Near-duplicate of the paragraph at agency\.txt:3 \(similarity 0\.9\d\)$/);
  });
});
