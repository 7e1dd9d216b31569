/** A one-line post reposted in the same channel export is one event, reported twice (as copies across files are). */
import * as assert from 'node:assert';
import { Corpus } from '../../server/src/core/corpus';

const VISIT = 'وزير الخارجية السوري أسعد الشيباني يصل إلى العاصمة الأردنية عمان في زيارة رسمية يلتقي خلالها نظيره الأردني أيمن الصفدي.';
const OTHER = 'انقطاع التيار الكهربائي عن عدة أحياء في المدينة بسبب عطل فني في محطة التحويل الرئيسية.';

describe('events of reposted one-line posts', () => {
  it('two posts of the same line in one file are two reports of one event', () => {
    const text = `🔴 عاجل | ${VISIT}\n12/3/2024\n@chan\n\n${OTHER}\n12/3/2024\n@chan\n\n⚡️ ${VISIT}\n12/3/2024\n@chan\n`;
    const c = new Corpus();
    c.applyChange({ changed: [{ file: 'a.txt', text }] });
    const people = c.people();
    const first = people.eventAt('a.txt', 0);
    const repost = people.eventAt('a.txt', 8);
    assert.ok(first && repost, 'both posts are reports of an event');
    assert.strictEqual(repost.id, first.id);
    assert.deepStrictEqual(first.reports.map((r) => r.range.start.line), [0, 8]);
  });

  it('two different one-line posts naming the same people stay two events in one file', () => {
    const other = 'وزير الخارجية السوري أسعد الشيباني يبحث مع نظيره الأردني أيمن الصفدي في زيارة رسمية ملف اللاجئين والحدود.';
    const text = `${VISIT}\n12/3/2024\n@chan\n\n${OTHER}\n12/3/2024\n@chan\n\n${other}\n12/3/2024\n@chan\n`;
    const c = new Corpus();
    c.applyChange({ changed: [{ file: 'a.txt', text }] });
    const people = c.people();
    const first = people.eventAt('a.txt', 0);
    const second = people.eventAt('a.txt', 8);
    assert.ok(first && second);
    assert.notStrictEqual(second.id, first.id);
  });
});
