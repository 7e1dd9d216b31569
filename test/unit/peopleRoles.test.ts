/**
 * People introduced by a role the way news writes it (an adjective of origin, the body an office heads), and the
 * words around a name that are not part of it (the sentence's object, a verb, an accusative, a spokesman's adjective).
 * Small corpora on purpose: they cannot tell an adjective or a common noun by counting.
 */
import { assertExcludes, assertIncludes, assertNoneHolds } from '../helpers/lists';
import { peopleNamesOf } from '../helpers/people';

const namesOf = (texts: string[]) => peopleNamesOf(texts, 'roles');

describe('people: an adjective of origin between the title and the name', () => {
  it('is part of the role even where the corpus never writes its feminine or its country', () => {
    assertIncludes(namesOf(['قال الرئيس الروسي فلاديمير بوتين في خطاب أمام البرلمان إن الاقتصاد ينمو.']), ['فلاديمير بوتين']);
    assertIncludes(namesOf(['وقال رئيس الوزراء الإسرائيلي بنيامين نتنياهو إن الحرب ستستمر.']), ['بنيامين نتنياهو']);
    assertIncludes(namesOf(['وصرح وزير الخارجية الروسي سيرغي لافروف بأن بلاده لن تتراجع.']), ['سيرغي لافروف']);
  });

  it('stays a family name after a given name (محمد شياع السوداني)', () => {
    assertIncludes(namesOf(['قال رئيس الوزراء العراقي محمد شياع السوداني إن الحكومة ماضية في الإصلاح.']), ['محمد شياع السوداني']);
  });
});

describe('people: the body an office heads', () => {
  it('is the portfolio, and the name follows it (رئيس مجلس الوزراء، زعيم جماعة أنصار الله، الأمين العام لحزب الله)', () => {
    assertIncludes(namesOf(['قال رئيس مجلس الوزراء محمد شياع السوداني إن الحكومة ماضية.']), ['محمد شياع السوداني']);
    assertIncludes(namesOf(['قال زعيم جماعة أنصار الله عبدالملك الحوثي إن الجماعة لن تتراجع.']), ['عبدالملك الحوثي']);
    assertIncludes(namesOf(['قال الأمين العام لحزب الله حسن نصر الله إن الحزب سيرد.']), ['حسن نصر الله']);
  });

  it('names no person with one word after it, a verb or a conjunction (أمين سوق عكاظ، مكتب الدعوة وتوعية الجاليات)', () => {
    const names = namesOf([
      'وأكد أمين سوق عكاظ أن الدورة ناجحة.',
      'وقال رئيس مجلس الشورى إن الجلسة تأجلت.',
      'وأوضح مدير مكتب الدعوة وتوعية الجاليات أن البرنامج مستمر.',
      'وأوضح مدير مكتب الدعوة وتوعية الجاليات بالمدينة أن البرنامج ناجح.',
      // «توعية» written on its own: «وتوعية» is و + توعية (a name such as وليد is not و + a word).
      'وتستمر حملة توعية السائقين حتى نهاية الشهر.',
    ]);
    assertNoneHolds(names, ['عكاظ', 'الشورى', 'وتوعية', 'الجاليات']);
  });
});

describe('people: titles of a guide and a star', () => {
  it('introduce a name (المرشد الإيراني، النجم الفرنسي), and a body with a suffix after it is no part (فريقه)', () => {
    assertIncludes(namesOf(['قاد النجم الفرنسي كريم بنزيمة فريقه الاتحاد للفوز بثلاثة أهداف.']), ['كريم بنزيمة']);
    assertIncludes(namesOf(['قال المرشد الإيراني علي خامنئي في خطاب إن بلاده قادرة على تجاوز الأزمة.']), ['علي خامنئي']);
  });
});

describe('people: words glued after a name', () => {
  it('a feminine noun after a full name is the object (ألقى الشيخ نعيم قاسم كلمة), never a mention elsewhere', () => {
    const names = namesOf([
      'ألقى الشيخ نعيم قاسم كلمة في ذكرى الاغتيال',
      'ألقى الأمين العام لحزب الله الشيخ نعيم قاسم كلمة في ذكرى الاغتيال، أكد فيها استمرار الحزب.',
      'وزير التعليم يلقي كلمة في حفل التخرج',
      'ألقى وزير التعليم كلمة في حفل تخرج الدفعة الجديدة من طلاب الجامعة.',
    ]);
    assertIncludes(names, ['نعيم قاسم']);
    assertNoneHolds(names, ['كلمة']);
  });

  it('a past verb of the استفعل shape ends the name (الوزير عبد العاطي استعرض الجهود)', () => {
    const names = namesOf([
      'التقى الدكتور بدر عبد العاطي وزير الخارجية مع نظيره الأمريكي.',
      'وصرح السفير تميم خلاف بأن الوزير عبد العاطي استعرض الجهود المصرية.',
      'وتناول اللقاء تثمين الجهود المشتركة في مجال الطاقة.',
    ]);
    assertNoneHolds(names, ['استعرض', 'الجهود']);
  });

  it('an indefinite accusative after the role is no name (أمير البلاد المفدى، اتصالا هاتفيا)', () => {
    const names = namesOf([
      'تلقى الشيخ تميم بن حمد آل ثاني أمير البلاد المفدى، اتصالا هاتفيا، اليوم، من السيد كير ستارمر.',
      'وجرى خلال الاتصال استعراض علاقات التعاون.',
      'تلقى ولي العهد رئيس مجلس الوزراء الأمير محمد بن سلمان، اتصالا هاتفيا، اليوم، من الرئيس ماكرون.',
    ]);
    assertIncludes(names, ['كير ستارمر']);
    assertNoneHolds(names, ['اتصالا', 'هاتفيا']);
  });

  it('the spokesman\'s adjective is no name (المتحدث الرسمي باسم)', () => {
    const names = namesOf([
      'وصرح المتحدث الرسمي باسم وزارة الخارجية بأن الوزير غادر.',
      'وصرح المتحدث الرسمي باسم رئاسة الجمهورية بأن اللقاء تناول العلاقات.',
    ]);
    assertExcludes(names, ['الرسمي']);
  });
});

describe('people: a place read as a name', () => {
  it('a name starting with a common word after «في» or with ب on it is a place (في خميس مشيط، بخميس مشيط)', () => {
    const names = namesOf([
      'وقال العقيد خميس الزهراني إن الحملة مستمرة.',
      'وأكد العقيد خميس الزهراني أن الحملة ناجحة.',
      'وقال محافظ خميس مشيط عبدالعزيز بن مشيط إن المشروع اكتمل.',
      'وقع الحادث بخميس مشيط أمس.',
      'وافتتح مستشفى جديد في خميس مشيط الأسبوع الماضي.',
      'ويقع السوق في خميس مشيط جنوب المملكة.',
      // «الخميس» (the day) written often makes «خميس» a common word, as it is on real news.
      'ويعقد الاجتماع يوم الخميس، وكان الخميس الماضي موعد اللجنة، والخميس المقبل موعد الحفل.',
    ]);
    assertIncludes(names, ['خميس الزهراني']);
    assertExcludes(names, ['خميس مشيط']);
  });

});

describe('people: a listed verb after a conjunction', () => {
  it('ends the name (الرئيس رجب طيب أردوغان وبحث الجانبان)', () => {
    const names = namesOf([
      'واستقبل الرئيس رجب طيب أردوغان وبحث الجانبان العلاقات الثنائية.',
      'والتقى الرئيس حسن روحاني وبحث معه التطورات.',
      // ف + a listed verb is a name (فيصل: يصل is listed).
      'واستقبل الأمير فيصل بن خالد الوفد.',
    ]);
    assertIncludes(names, ['رجب طيب أردوغان', 'حسن روحاني', 'فيصل بن خالد']);
    assertNoneHolds(names, ['وبحث']);
  });
});
