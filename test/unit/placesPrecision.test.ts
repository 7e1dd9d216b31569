/**
 * Place learning keeps common words out of the place list: words that follow «في، إلى، من» in news prose as often as
 * places do, but that the rest of the corpus shows to be nouns, adjectives or parts of longer names.
 */
import * as assert from 'node:assert';
import { assertExcludes, assertIncludes } from '../helpers/lists';
import { peopleNamesOf, peopleSnapshotOf, placeNamesOf } from '../helpers/people';
import { Corpus } from '../../server/src/core/corpus';

describe('places: the preposition ب written on a word', () => {
  it('is no cue enough without the word written after a separate cue twice (برفقة، بتسديدة; جازان stays)', () => {
    const names = placeNamesOf([
      'وصل الأمير إلى الرياض برفقة وفد رسمي كبير.',
      'وغادر الوزير برفقة عدد من المسؤولين.',
      'وحضر اللاعب الحفل برفقة أسرته.',
      'وظهرت الفنانة في رفقة والدتها.',
      'وكانت رفقة الأصدقاء ممتعة.',
      'وسجل اللاعب هدفا بتسديدة قوية من خارج المنطقة.',
      'وأنهى المهاجم الهجمة بتسديدة بعيدة.',
      'وأضاع الفرصة في تسديدة ضعيفة.',
      'وكانت تسديدة اللاعب قوية.',
      'ووصل الوفد إلى جازان صباح اليوم.',
      'وعقد الاجتماع في جازان بحضور المحافظ.',
      'وافتتح المعرض بجازان أمس.',
    ]);
    assertIncludes(names, ['جازان']);
    assertExcludes(names, ['رفقة', 'تسديدة']);
  });

  it('counts the separate cues of all of a place key’s spellings (في أبو عريش، في أبوعريش)', () => {
    const names = placeNamesOf([
      'ووقع الحادث في أبو عريش مساء أمس.',
      'وافتتح المحافظ المشروع بأبوعريش صباح اليوم.',
      'وانتقلت الفرق إلى أبوعريش لمباشرة الحادث.',
    ]);
    assertIncludes(names, ['أبوعريش']);
  });

  it('judges a key’s other spellings again after an edit that adds a cue to one of them', () => {
    // إسطنبول and اسطنبول are one key: the second cue of its own, written on إسطنبول, makes a place of اسطنبول too. The
    // edit changes cues only (no title, no hashtag, no إلى), so the learner rechecks its place decisions.
    const texts = [
      'وتعد إسطنبول مدينة كبيرة.',
      'وعقد المؤتمر في اسطنبول بحضور الوزراء.',
      'وتستضيف اسطنبول القمة المقبلة.',
      'ووصل الوفد باسطنبول صباح اليوم.',
      'وأقيم المعرض باسطنبول الشهر الماضي.',
    ];
    const edited = 'وتعد إسطنبول مدينة كبيرة، وأقيم الحفل في إسطنبول بحضور الأهالي.';
    const corpus = new Corpus();
    corpus.applyChange({ changed: texts.map((text, i) => ({ file: `texts/${i}.txt`, text: `${text}\n` })) });
    assertExcludes(corpus.people().places.map((p) => p.name), ['اسطنبول']);
    corpus.applyChange({ changed: [{ file: 'texts/0.txt', text: `${edited}\n` }] });
    const after = corpus.people().places.map((p) => p.name);
    assertIncludes(after, ['اسطنبول']);
    assert.deepStrictEqual(after, placeNamesOf([edited, ...texts.slice(1)]));
  });
});

describe('places: a common word named by its adjective', () => {
  it('is no place when it is written freely with the article and rarely after a cue of its own (تقنية: التقنية)', () => {
    const names = placeNamesOf([
      'وقال المدير التقني للفريق إن اللاعبين جاهزون.',
      'وأكد المدير التقني أن المعسكر ناجح.',
      'وتعتمد الشركة على التقنية الحديثة في الإنتاج.',
      'وتطورت التقنية كثيرا في السنوات الأخيرة.',
      'ويشهد قطاع التقنية نموا متسارعا.',
      'وأدخلت الوزارة التقنية في المدارس.',
      'وتستخدم المستشفيات تقنية جديدة في العلاج.',
      'وطورت الجامعة تقنية لتحلية المياه.',
      'ويعمل الجهاز بتقنية متقدمة.',
      'وصممت السيارة بتقنية حديثة.',
      'وتم تصوير الفيلم بتقنية ثلاثية الأبعاد.',
      'وتخصص الطالب في تقنية المعلومات.',
    ]);
    assertExcludes(names, ['تقنية']);
  });

  it('is no place when the adjective names a direction, not a people (شمالية: الكوري الشمالي)', () => {
    const names = placeNamesOf([
      'وقال الزعيم الكوري الشمالي كيم جونغ أون إن بلاده مستعدة.',
      'وزار الزعيم الكوري الشمالي كيم جونغ أون المصنع.',
      'وتكون الرياح شمالية إلى شمالية غربية على السواحل.',
      'وتتحول الرياح إلى شمالية شرقية مساء.',
      'وتهب رياح شمالية نشطة على المرتفعات.',
      'وتشهد الحدود الشمالية أمطارا غزيرة.',
      'وتقع المنطقة الشمالية على الحدود.',
      'وأعلنت إمارة الحدود الشمالية خطة جديدة.',
    ]);
    assertExcludes(names, ['شمالية']);
  });
});

describe('places: nouns inflected as place names are not', () => {
  it('makes no place of a noun with a suffix that changes its ending, a dual, a plural in construct or with the article', () => {
    const names = placeNamesOf([
      // مكافحة / مكافحته، أداء / أدائها.
      'وتعمل الجهات على مكافحة الفساد في القطاعات كافة.',
      'ونجحت الحملة في مكافحة التستر التجاري.',
      'وأكد الخبير أن الإدمان مرض يجب التعاون في مكافحته.',
      'وشدد على الاستمرار في مكافحته بكل الوسائل.',
      'وأشاد المدير بأداء الفريق في المباراة.',
      'وتحسن الأداء كثيرا بعد التدريبات.',
      'وقالت الشركة إنها راضية عن أدائها في العام الماضي.',
      'وتسعى الشركة إلى تطوير أدائها في الأسواق.',
      // نقطة / نقطتين، متر / مترين.
      'وتقدم الفريق في الترتيب بفارق نقطة واحدة.',
      'وتراجع الفريق إلى نقطتين خلف المتصدر.',
      'وابتعد المنافس في نقطتين فقط.',
      'ويبلغ طول الجدار متر واحد.',
      'ويبعد الحاجز مسافة متر عن الرصيف.',
      'وارتفع الماء نصف متر.',
      'وارتفع منسوب المياه إلى مترين على الطرق.',
      'وبلغ ارتفاع الموج في البحر إلى مترين.',
      // مستفيدين / مستفيدي الضمان.
      'وأعلنت الوزارة عدد المستفيدين من البرنامج.',
      'وصرفت المعونة لجميع المستفيدين في المنطقة.',
      'وأودعت المبالغ في حسابات مستفيدي الضمان الاجتماعي.',
      'وتواصل الموظفون مع عدد من مستفيدي الخدمة.',
      // المعدلات / معدلات.
      'وانخفضت المعدلات العالمية للحوادث.',
      'وسجلت الأسواق ارتفاعا في معدلات التضخم.',
      'وتراجعت الحوادث إلى معدلات قياسية.',
    ]);
    assertExcludes(names, ['مكافحته', 'أدائها', 'نقطتين', 'مترين', 'مستفيدي', 'معدلات']);
  });
});

describe('places: a noun in a recurring construct', () => {
  it('is no place when its cues are one phrase or a few, each with a noun after it (إلى وقف إطلاق النار)', () => {
    const names = placeNamesOf([
      'ودعت الأمم المتحدة إلى وقف إطلاق النار في المدينة.',
      'وطالب المجلس الأطراف بالعودة إلى وقف إطلاق النار فورا.',
      'وتوصل الطرفان إلى وقف إطلاق النار بعد مفاوضات طويلة.',
      'ويسعى الوسطاء إلى وقف إطلاق النار قبل العيد.',
      'ووصل الوفد إلى جدة صباح اليوم.',
      'وعقد الاجتماع في جدة بحضور الوزراء.',
      'وغادر الوزير من جدة إلى الرياض.',
    ]);
    assertIncludes(names, ['جدة']);
    assertExcludes(names, ['وقف']);
  });

  it('reads a noun with the suffix «ها» or «نا» after the word as a sign of a construct (في صميم عملها)', () => {
    const names = placeNamesOf([
      'وهذا يقع في صميم عملها اليومي.',
      'وأكد أن الأمر في صميم مسؤوليتنا جميعا.',
      'وتدخل المبادرة في صميم اختصاص الهيئة.',
      'وهذه القضية في صميم عمل الوزارة.',
    ]);
    assertExcludes(names, ['صميم']);
  });
});

describe('places: an adjective after a head of a place’s name', () => {
  it('is no place: المملكة المتحدة، العاصمة المقدسة (the head with the article is followed by its adjective)', () => {
    const names = placeNamesOf([
      'ووصل الوزير إلى المملكة المتحدة في زيارة رسمية.',
      'وتستضيف المملكة المتحدة القمة المقبلة.',
      'وأعلنت المملكة المتحدة عن مساعدات جديدة.',
      'وتعد المملكة المتحدة شريكا تجاريا مهما.',
      'وأصدرت الأمم المتحدة تقريرا عن الأوضاع.',
      'وعقد اللقاء في العاصمة المقدسة بحضور المسؤولين.',
      'وانطلقت القافلة من العاصمة المقدسة صباحا.',
      'ووصلت الحافلات إلى العاصمة المقدسة مساء.',
    ]);
    assertExcludes(names, ['المتحدة', 'المقدسة']);
  });

  it('makes no two-word place of an adjective of origin and the name after it (العاصمة البريطانية لندن: لندن)', () => {
    const names = placeNamesOf([
      'ووصل الوفد إلى العاصمة البريطانية لندن مساء أمس.',
      'وعقد المؤتمر في العاصمة البريطانية لندن بمشاركة واسعة.',
      'وانطلق السباق من العاصمة البريطانية لندن صباحا.',
      'وأقام الفنان معرضا في لندن الشهر الماضي.',
      'وعاد اللاعب من لندن بعد العلاج.',
      'ووصل الطلاب إلى لندن للدراسة.',
    ]);
    assertIncludes(names, ['لندن']);
    assertExcludes(names, ['البريطانية لندن']);
  });
});

describe('places: a city named by a common word and a family name', () => {
  const texts = [
    'وتقام المباراة يوم الخميس المقبل.',
    'وأعلنت الوزارة الخميس نتائج الاختبارات.',
    'ويبدأ المهرجان مساء الخميس.',
    'وقال اللاعب خميس الزهراني إن الفريق جاهز للمباراة.',
    'وسجل اللاعب خميس الزهراني هدف الفوز.',
    'وأكد الأستاذ عبدالعزيز بن مشيط أهمية البرنامج.',
    'وقال الأستاذ عبدالعزيز بن مشيط إن الحفل ناجح.',
    'ووقع الحادث في خميس مشيط مساء أمس.',
    'ووصلت فرق الدفاع المدني إلى خميس مشيط لمباشرة الحريق.',
    'وانطلقت القافلة من خميس مشيط إلى أبها.',
    'وافتتح المحافظ المعرض في خميس مشيط صباح اليوم.',
    'محمد آل الحمري- سبق- خميس مشيط: استعانت عائلة بالدفاع المدني.',
    'وناشد مواطن من سكان خميس مشيط الجهات المختصة.',
    'وتوجه المتبرعون إلى مستشفى عسير وخميس مشيط للتبرع بالدم.',
  ];

  it('is no person (خميس of خميس الزهراني, مشيط of عبدالعزيز بن مشيط: the corpus writes the two after place cues)', () => {
    assertExcludes(peopleNamesOf(texts), ['خميس مشيط']);
  });

  it('is a place, and both words stay parts of people’s names elsewhere', () => {
    assertIncludes(placeNamesOf(texts), ['خميس مشيط']);
    assertIncludes(peopleNamesOf(texts), ['خميس الزهراني', 'عبدالعزيز بن مشيط']);
  });

  it('leaves a two-word place that says it is one (كورنيش جدة: a kind of place) as it was: جدة keeps its mentions in it', () => {
    // جدة is written after a title and as a hashtag, and الكورنيش with the article: the pair is a place anyway.
    const places = peopleSnapshotOf([
      'وقال محافظ جدة إن المشروع يكتمل.',
      '#جدة تحتفل باليوم الوطني',
      '#جدة',
      'وامتد الكورنيش مسافة طويلة.',
      'وازدحم الكورنيش بالزوار.',
      'وتجمع الأهالي في كورنيش جدة مساء أمس.',
      'وأقيم الحفل في كورنيش جدة بحضور الآلاف.',
      'وانطلق السباق من كورنيش جدة صباحا.',
      'ووصل الوفد إلى جدة صباح اليوم.',
      'وعقد الاجتماع في جدة بحضور الوزراء.',
      'وغادر الوزير من جدة إلى الرياض.',
    ]).places;
    assert.deepStrictEqual(places.map((p) => `${p.name} ${p.mentions}`), ['جدة 8', 'كورنيش جدة 3']);
  });
});
