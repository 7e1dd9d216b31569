/**
 * Where a name ends: the word after a full name that is the sentence's (a future verb, a noun with a possessive
 * suffix, a dual verb after و, a plural noun, a word with the article after a known family name). Small corpora on
 * purpose: they cannot tell a verb or a common noun by counting.
 */
import * as assert from 'node:assert';
import { assertIncludes, assertNoneHolds } from '../helpers/lists';
import { peopleNamesOf, peopleSnapshotOf } from '../helpers/people';

const peopleOf = (texts: string[]) => peopleSnapshotOf(texts, 'bounds');
const namesOf = (texts: string[]) => peopleNamesOf(texts, 'bounds');

describe('people: the word after a full name', () => {
  it('a future verb is no third part (إيمانويل ماكرون سيزور), a transliterated name is (إيلين جونسون سيرليف)', () => {
    const names = namesOf([
      'قال قصر الإليزيه إن الرئيس الفرنسي إيمانويل ماكرون سيزور الرباط الأسبوع المقبل لإجراء محادثات.',
      'وقالت الرئيسة الليبيرية إيلين جونسون سيرليف إن الوباء انحسر.',
    ]);
    assertIncludes(names, ['إيمانويل ماكرون', 'إيلين جونسون سيرليف']);
    assertNoneHolds(names, ['سيزور']);
  });

  it('an imperfect verb of a derived form is no third part (جو بايدن يتابع), though the corpus writes no other form of it', () => {
    const names = namesOf([
      'وقال بلينكن إن واشنطن تعمل على هدنة، مضيفاً أن الرئيس الأمريكي جو بايدن يتابع الجهود عن كثب.',
      'وكان الرئيس الفرنسي إيمانويل ماكرون يستعرض الخطة مع وزرائه.',
    ]);
    assertIncludes(names, ['جو بايدن', 'إيمانويل ماكرون']);
    assertNoneHolds(names, ['يتابع', 'يستعرض']);
  });

  it('after «إن/أن» and a title, a third word before a preposition is the predicate (جو بايدن حريص على)', () => {
    const names = namesOf([
      'وقال بلينكن إن الرئيس جو بايدن حريص على العلاقة مع المملكة.',
      // A third part without a preposition after it stays the name's.
      'وأكد المتحدث أن الرئيس علي عبدالله صالح غادر صنعاء.',
    ]);
    assertIncludes(names, ['جو بايدن', 'علي عبدالله صالح']);
    assertNoneHolds(names, ['حريص']);
  });

  it('a noun with a possessive suffix is no third part (بلال أردوغان مشاركته)', () => {
    const names = namesOf(['وأكدت السيدة الأولى أمينة أردوغان أنها ستزور موسكو، كما أكد نجل الرئيس بلال أردوغان مشاركته في المنتدى.']);
    assertIncludes(names, ['بلال أردوغان']);
    assertNoneHolds(names, ['مشاركته']);
  });

  it('a dual verb after و is no name (نظيره الصيني وبحثا التعاون)', () => {
    const names = namesOf(['استقبل الرئيس الروسي فلاديمير بوتين في الكرملين نظيره الصيني وبحثا التعاون الاستراتيجي.']);
    assertIncludes(names, ['فلاديمير بوتين']);
    assertNoneHolds(names, ['وبحثا', 'التعاون']);
  });

  it('a plural noun written elsewhere is no given name (نظيره التركي تطورات الأوضاع); a name of that ending is', () => {
    const names = namesOf([
      'عبدالعاطي يبحث مع نظيره التركي تطورات الأوضاع في غزة',
      'بحث الدكتور بدر عبدالعاطي وزير الخارجية، في اتصال هاتفي مع هاكان فيدان وزير خارجية تركيا، تطورات الأوضاع في قطاع غزة.',
      'تلقى الرئيس اتصالا هاتفيا من الرئيس الفرنسي إيمانويل ماكرون، تناول تطورات الأوضاع الإقليمية.',
      'والتقى وزير الدفاع الهندي راجنات سينغ نظيره الروسي.',
    ]);
    assertIncludes(names, ['راجنات سينغ']);
    assertNoneHolds(names, ['تطورات']);
  });

  it('a word with the article after a family name known alone is the object (فلاديمير بوتين الأوضاع، بوتين الشعب)', () => {
    const texts = [
      'قال الرئيس الروسي فلاديمير بوتين إن موسكو سترد على أي هجوم.',
      'وأجرى الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا بنظيره.',
      'بحث الرئيس التركي رجب طيب أردوغان مع الرئيس الروسي فلاديمير بوتين الأوضاع في سورية.',
      'وهنأ الرئيس بوتين الشعب الروسي بمناسبة العيد الوطني.',
      // A theophoric given name ends a name only as a father's: the artist keeps his family name.
      'وقال المهندس محمد عبدالرحيم إن المشروع اكتمل.',
      'وأحيا الفنان عبدالرحيم البركل أمسية شعرية.',
    ];
    const names = namesOf(texts);
    assertNoneHolds(names, ['الأوضاع', 'الشعب']);
    assertIncludes(names, ['عبدالرحيم البركل']);
    const putin = peopleOf(texts).people.find((p) => p.name === 'فلاديمير بوتين')!;
    // Every file but the two last names him, «بوتين» before «الشعب» included.
    assert.strictEqual(putin.files, 4);
  });

  it('a word with tanween after a short form is no name, so the short form stays one (ووقع بوتين مرسوماً)', () => {
    const putin = peopleOf([
      'قال الرئيس الروسي فلاديمير بوتين إن موسكو سترد على أي هجوم.',
      'وأجرى الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا بنظيره.',
      'وأكد بوتين في كلمة متلفزة أن الاقتصاد صمد.',
      'ووقع بوتين مرسوماً يقضي بتعبئة جزئية لقوات الاحتياط.',
      'وهنأ الرئيس بوتين الشعب الروسي بمناسبة العيد الوطني.',
    ]).people.find((p) => p.name === 'فلاديمير بوتين')!;
    assert.strictEqual(putin.files, 5);
  });
});

describe('people: verbs and family names read once', () => {
  it('a verb of becoming or a past verb of the انفعل shape after a title is no name (أصبح لغزا، انحرف بشكل)', () => {
    const names = namesOf([
      'وقال الخبراء إن قائد الطائرة الخبير أصبح لغزا يحير المحققين.',
      'وكان وزير الإعلام السابق أصبح رمزا للتغيير في البلاد.',
      'وكان وزير الإعلام السابق أصبح رمزا للإصلاح منذ سنوات.',
      'وقال شهود إن قائد شاحنة انحرف بشكل مفاجئ عن الطريق.',
      'وكان رئيس البلدية السابق انحرف عن الخطة المعتمدة.',
      'وقيل إن رئيس البلدية السابق انحرف عن وعوده الانتخابية.',
    ]);
    assertNoneHolds(names, ['أصبح', 'انحرف']);
  });

  it('a word read once as a family name does not cut a name it starts (أحمد جمال; جمال الحضيف)', () => {
    const names = namesOf(['وقال النائب أحمد جمال إن اللجنة اجتمعت.', 'وألقى الدكتور جمال الحضيف محاضرة عن الإعلام.']);
    assertIncludes(names, ['جمال الحضيف']);
  });
});

describe('people: compound given names with «الدين»', () => {
  it('«X الدين» is one name part (عبدالملك بدر الدين الحوثي، عبدالعزيز بن نور الدين)', () => {
    const names = namesOf([
      'وقال زعيم جماعة الحوثي عبدالملك بدر الدين الحوثي إن العمليات مستمرة.',
      'وقال المهندس عبدالعزيز بن نور الدين إن المشروع جاهز.',
    ]);
    assertIncludes(names, ['عبدالملك بدر الدين الحوثي', 'عبدالعزيز بن نور الدين']);
    assertNoneHolds(names, ['الدين الحوثي']);
    assert.ok(!names.some((n) => n.startsWith('الدين')), names.join(', '));
  });
});

describe('people: a verb with the suffix «نا» after a name', () => {
  it('is the sentence\'s (الملك سلمان أشعرنا: made us feel); a name ending so stays whole (ميرنا وليد)', () => {
    const names = namesOf([
      'وقال السفير علي العياشي إن الملك سلمان أشعرنا باهتمامه البالغ بالجالية.',
      'وأضاف أن القرار أشعرهم بالأمان.',
      'وقال خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز إن المشروع مهم.',
      'وقالت الفنانة ميرنا وليد إن الدور صعب.',
      'وأكدت الفنانة ميرنا وليد أهمية العمل.',
    ]);
    assertIncludes(names, ['ميرنا وليد', 'سلمان بن عبدالعزيز']);
    assertNoneHolds(names, ['أشعرنا']);
  });
});
