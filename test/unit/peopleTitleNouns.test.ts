/**
 * Title words used as ordinary nouns (الفريق: the team, المدرب: the coach, شيخ الأزهر), and a word that only looks
 * like a learned given name (مني: from me, beside the name منى). Small corpora on purpose: they cannot tell a verb or
 * an adjective by counting.
 */
import { assertIncludes, assertNoneHolds } from '../helpers/lists';
import { peopleNamesOf } from '../helpers/people';

const namesOf = (texts: string[]) => peopleNamesOf(texts, 'title-nouns');

describe('people: title words used as nouns', () => {
  it('one word after «إن/أن» and a title is its predicate, not a name (إن المدرب اختار، إن الفريق جاهز)', () => {
    const names = namesOf([
      'وقال اللاعب مصطفى محمد إن الفريق جاهز للمباراة، وإن المدرب اختار التشكيلة المناسبة.',
      'وأوضح اللاعب أحمد سعيد أن المدرب اختار التشكيلة المناسبة للمباراة.',
      'وأكد الحارس أن الفريق جاهز للمباراة المقبلة.',
      // A name of two parts after «إن/أن» and a title is still a name.
      'وقال المتحدث إن الرئيس بشار الأسد سيزور موسكو.',
    ]);
    assertIncludes(names, ['مصطفى محمد', 'أحمد سعيد', 'بشار الأسد']);
    assertNoneHolds(names, ['اختار', 'جاهز']);
  });

  it('a title without the article before a word with it is in construct (شيخ الأزهر)', () => {
    const names = namesOf([
      'وقال الإمام أحمد الطيب شيخ الأزهر إن الأمة بحاجة إلى الوحدة.',
      'وقال الإمام أحمد الطيب شيخ الأزهر إن الحوار طريق السلام.',
      'وقال الإمام أحمد الطيب شيخ الأزهر إن العلماء يتحملون مسؤولية كبيرة.',
    ]);
    assertIncludes(names, ['أحمد الطيب']);
    assertNoneHolds(names, ['الأزهر']);
  });

  it('a word written with ي beside a name written with ى is another word (سمع مني القصة; منى زكي)', () => {
    const names = namesOf([
      'وقال أحد الطلاب إن المعلم طلب مني إعادة الواجب، وأضاف أن زميله سمع مني القصة كاملة.',
      'وقال أحد الطلاب إن زميله سمع مني القصة كاملة حتى النهاية.',
      'وقالت الفنانة منى زكي إن الفيلم الجديد يعرض قريبا، مشيرة إلى نجاحه حتى الآن.',
    ]);
    assertIncludes(names, ['منى زكي']);
    assertNoneHolds(names, ['القصة']);
  });

  it('a family name written with إ is no listed word written with أ (عادل إمام; أمام)', () => {
    const texts = [
      'وقال الفنان عادل إمام إن الفن رسالة.',
      'وأكد الفنان عادل إمام أن المسرح بخير.',
      'ووقف الجمهور أمام المسرح طويلا، وقال عبدالعزيز أمام الحضور إن الحفل ناجح.',
    ];
    const names = namesOf(texts);
    assertIncludes(names, ['عادل إمام']);
    assertNoneHolds(names, ['أمام']);
  });

  it('after a woman\'s title a common given name goes with a name-like family name (الفنانة أمل عرفة; الأمل)', () => {
    const names = namesOf([
      'وقالت الفنانة أمل عرفة إن الأمل كبير في نجاح مسلسلها الجديد.',
      'وأكدت الفنانة أمل عرفة أن الأمل باق رغم الصعوبات.',
      'وظهرت الفنانة أمل عرفة في صورة جديدة مع ابنتها.',
    ]);
    assertIncludes(names, ['أمل عرفة']);
  });
});
