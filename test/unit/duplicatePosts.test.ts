/**
 * Reposts in channel exports: a one-line post is its own text (not a headline exempt from duplicates), and the label
 * or signature a channel adds («🔴 عاجل |», «… @chan», «| تابعونا») does not keep a repost from being an exact copy.
 */
import * as assert from 'node:assert';
import { Corpus } from '../../server/src/core/corpus';
import { analyzeFile } from '../../server/src/core/file';
import { signatureStart } from '../../server/src/core/duplicates/compared';

const NEWS = 'وزير الخارجية يصل إلى العاصمة في زيارة رسمية يلتقي خلالها نظيره لبحث العلاقات الثنائية بين البلدين';
const OTHER = 'انقطاع التيار الكهربائي عن عدة أحياء في المدينة بسبب عطل فني في محطة التحويل الرئيسية';
const THIRD = 'ارتفاع أسعار الوقود في الأسواق المحلية للمرة الثالثة خلال شهر واحد وسط شكاوى المواطنين';
const LEAD = 'وقال المتحدث باسم الوزارة في مؤتمر صحفي إن الزيارة تأتي في إطار التشاور المستمر حول الملفات الإقليمية';

function findingsOf(files: Record<string, string>, file: string): { line: number; code: string; severity: string; message: string }[] {
  const c = new Corpus();
  c.applyChange({ changed: Object.entries(files).map(([f, text]) => ({ file: f, text })) });
  return c
    .findings(file)
    .filter((f) => f.code.includes('duplicate'))
    .map((f) => ({ line: f.range.start.line + 1, code: f.code, severity: f.severity, message: f.message }));
}

describe('reposts of one-line posts', () => {
  it('a one-line post reposted in the same export is a duplicate, whatever emoji and «عاجل» label open it', () => {
    const text = `🔴 عاجل | ${NEWS}.\n12/3/2024\n@chan\n\n${OTHER}.\n12/3/2024\n@chan\n\n⚡️ ${NEWS}.\n12/3/2024\n@chan\n`;
    const found = findingsOf({ 'a.txt': text }, 'a.txt');
    assert.deepStrictEqual(
      found.map((f) => [f.line, f.code, f.severity]),
      [
        [1, 'duplicate-paragraph', 'warning'],
        [9, 'duplicate-paragraph', 'warning'],
      ],
      JSON.stringify(found),
    );
  });

  it('«#عاجل» and «خبر عاجل:» are labels too', () => {
    const a = `#عاجل ${NEWS}.\n@chan\n\n${OTHER}.\n@chan\n`;
    const b = `خبر عاجل: ${NEWS}\n@other\n\n${THIRD}.\n@other\n`;
    const found = findingsOf({ 'a.txt': a, 'b.txt': b }, 'b.txt');
    assert.deepStrictEqual(found.map((f) => [f.line, f.code]), [[1, 'duplicate-paragraph']], JSON.stringify(found));
  });

  it('a headline over a post\'s text, and an article\'s title, stay exempt', () => {
    const post = `${NEWS}\n${LEAD}.\n@chan\n\n${OTHER}.\n@chan\n`;
    const article = `${NEWS}\n\n${LEAD} وأضاف أن البلدين سيوقعان عدة اتفاقيات.\n`;
    assert.deepStrictEqual(findingsOf({ 'a.txt': post, 'b.txt': article }, 'b.txt'), []);
  });

  it('a line of numbers under a post is no paragraph: the post is still one line', () => {
    const a = `${NEWS}.\n2024-03-12T10:45:00\n@chan\n\n${OTHER}.\n@chan\n`;
    const b = `${NEWS}.\n@other\n\n${THIRD}.\n@other\n`;
    const found = findingsOf({ 'a.txt': a, 'b.txt': b }, 'a.txt');
    assert.deepStrictEqual(found.map((f) => [f.line, f.code]), [[1, 'duplicate-paragraph']], JSON.stringify(found));
  });
});

describe('signatures inside a paragraph', () => {
  it('a trailing handle or follow-us call leaves a repost an exact duplicate, its range the whole line', () => {
    const text = `${NEWS}\n${LEAD}.\n12/3/2024\n@chan\n\n${OTHER}\n${LEAD}. @chan\n@chan\n\n${OTHER} | تابعونا\n@chan\n`;
    const found = findingsOf({ 'a.txt': text }, 'a.txt');
    assert.deepStrictEqual(
      found.map((f) => [f.line, f.code, f.severity]),
      [
        [2, 'duplicate-paragraph', 'warning'],
        [7, 'duplicate-paragraph', 'warning'],
      ],
      JSON.stringify(found),
    );
    const c = new Corpus();
    c.applyChange({ changed: [{ file: 'a.txt', text }] });
    const later = c.findings('a.txt').find((f) => f.range.start.line === 6)!;
    assert.strictEqual(later.range.end.character, `${LEAD}. @chan`.length);
    assert.strictEqual(later.fixes.length, 1);
  });

  it('finds where a run of signatures starts, and leaves handles and calls inside a sentence', () => {
    const at = (s: string): string => s.slice(0, signatureStart(s, 0, s.length)).trimEnd();
    assert.strictEqual(at(`${NEWS}. @chan`), `${NEWS}.`);
    assert.strictEqual(at(`${NEWS} 🔻 @Syria_Now`), `${NEWS} 🔻`);
    assert.strictEqual(at(`${NEWS}. | تابعونا على تلغرام 🔻 @chan`), `${NEWS}.`);
    assert.strictEqual(at(`${NEWS} https://t.me/chan`), NEWS);
    // Inside a sentence: no bar or emoji before the call, an e-mail address, a handle in the middle.
    for (const s of [`${NEWS} وتابعوا`, `راسلونا على info@site.com`, `نشر @chan تغريدة ${NEWS}`]) assert.strictEqual(at(s), s);
  });

  it('only the compared words change: the paragraph keeps its line and its words for names', () => {
    const m = analyzeFile(`🔴 عاجل | ${NEWS} @chan\n${LEAD}\n`);
    const p = m.paragraphs[0];
    assert.strictEqual(m.text.slice(p.start, p.end), `🔴 عاجل | ${NEWS} @chan`);
    assert.strictEqual(m.text.slice(p.compareStart, p.compareEnd), NEWS);
  });
});
