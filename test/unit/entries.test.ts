/** How files are split into entries: the lines that end a Telegram post, and the lines that are never a post's title. */
import * as assert from 'node:assert';
import { corpusOf } from '../helpers/fixture';

/** Each entry of a one-file corpus as «first line–last line: title | date» (lines counted from 1). */
function entriesOf(text: string): string[] {
  const c = corpusOf([{ file: 'tg.txt', text }]);
  return c.entries('tg.txt').map((e) => `${e.range.start.line + 1}-${e.range.end.line + 1}: ${e.title} | ${e.date}`);
}

const MEETING = 'الرئيس الأسد يستقبل وزير الخارجية الإيراني والوفد المرافق له.';
const MEETING_BODY = 'تناول اللقاء العلاقات الثنائية بين البلدين والتطورات في المنطقة، وأكد الجانبان أهمية استمرار التنسيق.';
const TRANSPORT = 'وزارة النقل تعلن تسيير خطوط نقل داخلي جديدة في دمشق وريفها.';
const TRANSPORT_BODY = 'وأوضح مدير عام الشركة أن الخطوط الجديدة تخدم المناطق التي تشهد ضغطاً كبيراً على وسائل النقل.';
/** A body paragraph long enough (15 words or more) for a short headline line after it to start a post. */
const LONG_BODY =
  'تناول اللقاء العلاقات الثنائية بين البلدين والتطورات في المنطقة، وأكد الجانبان أهمية استمرار التنسيق في المحافل الدولية.';

describe('entries', () => {
  it('an Arabic link introduction followed by its link ends a post', () => {
    for (const [intro, link] of [
      ['لمتابعة حساب رئاسة الجمهورية على إنستغرام:', 'https://www.instagram.com/syrianpresidency'],
      ['تتمة الخبر على الرابط:', 'http://www.sana.sy/?p=1499795'],
    ]) {
      const text = [MEETING, MEETING_BODY, '15 آذار 2023', intro, link, TRANSPORT, TRANSPORT_BODY, '16 آذار 2023', intro, link].join('\n');
      assert.deepStrictEqual(entriesOf(text), [`1-4: ${MEETING} | 2023-03-15`, `6-9: ${TRANSPORT} | 2023-03-16`], intro);
    }
  });

  it('posts told apart only by blank lines and a date line under (or over) each are posts, from three of them', () => {
    const FUEL = 'ارتفاع أسعار الوقود في عدن للمرة الثالثة خلال شهر وسط موجة غضب شعبي.';
    const under = [MEETING, '12/3/2024 04:30', '', TRANSPORT, TRANSPORT_BODY, '12/3/2024 05:10', '', FUEL, '13/3/2024 09:00'].join('\n');
    assert.deepStrictEqual(entriesOf(under), [
      `1-2: ${MEETING} | 2024-03-12`,
      `4-6: ${TRANSPORT} | 2024-03-12`,
      `8-9: ${FUEL} | 2024-03-13`,
    ]);
    const over = ['12/3/2024 04:30', MEETING, '', '12/3/2024 05:10', TRANSPORT, '', TRANSPORT_BODY, '', '13/3/2024 09:00', FUEL].join('\n');
    assert.deepStrictEqual(entriesOf(over), [
      `1-2: ${MEETING} | 2024-03-12`,
      `4-7: ${TRANSPORT} | 2024-03-12`,
      `9-10: ${FUEL} | 2024-03-13`,
    ]);
    // A post's second paragraph after a blank line stays in it; a post without a date line stays with the next one.
    const paragraphs = [MEETING, '', MEETING_BODY, '12/3/2024', '', TRANSPORT, '12/3/2024', '', FUEL, '', TRANSPORT_BODY, '13/3/2024'].join('\n');
    assert.deepStrictEqual(entriesOf(paragraphs), [`1-4: ${MEETING} | 2024-03-12`, `6-7: ${TRANSPORT} | 2024-03-12`, `9-12: ${FUEL} | 2024-03-13`]);
  });

  it('an article dated under its headline and at its end, or quoting tweets, or with two dated posts, stays as it was', () => {
    const article = [MEETING, '12/3/2024', '', MEETING_BODY, '', TRANSPORT_BODY, '', LONG_BODY, 'آخر تحديث: 13/3/2024'].join('\n');
    assert.deepStrictEqual(entriesOf(article), [`1-9: ${MEETING} | 2024-03-12`]);
    const tweet = (n: number): string => `— وزارة الخارجية (@MoFA${n}) March ${n}, 2024`;
    const tweets = [MEETING, '12/3/2024', '', MEETING_BODY, tweet(1), '', TRANSPORT_BODY, tweet(2), '', LONG_BODY, tweet(3), '', LONG_BODY].join('\n');
    assert.strictEqual(entriesOf(tweets).length, 1);
    const two = [MEETING, '12/3/2024', '', TRANSPORT, '13/3/2024'].join('\n');
    assert.strictEqual(entriesOf(two).length, 1);
  });

  it('a line that is only a «breaking» label is no post of its own, and no title above a post', () => {
    for (const label of ['⚡️ عاجل', '⭕️ عاجل', 'عاجل', '🔴 عاجل |', 'عاجل جداً', 'خبر عاجل', '🚨 BREAKING']) {
      const text = [MEETING, '15 آذار 2023', '@chan', '', label, '@chan', '', TRANSPORT, '16 آذار 2023', '@chan'].join('\n');
      assert.deepStrictEqual(entriesOf(text), [`1-3: ${MEETING} | 2023-03-15`, `8-10: ${TRANSPORT} | 2023-03-16`], label);
      const above = [MEETING, '15 آذار 2023', '@chan', '', label, TRANSPORT, '16 آذار 2023', '@chan'].join('\n');
      assert.deepStrictEqual(entriesOf(above), [`1-3: ${MEETING} | 2023-03-15`, `6-8: ${TRANSPORT} | 2023-03-16`], label);
    }
    // A headline that says what is urgent is a post.
    const text = [MEETING, '15 آذار 2023', '@chan', '', 'عاجل | انقطاع التيار الكهربائي عن أحياء واسعة في دمشق منذ ساعات الصباح', '@chan'].join('\n');
    assert.strictEqual(entriesOf(text).length, 2);
  });

  it('a tag line on top of the next post, after a blank line, is not the range of the post above', () => {
    // Posts that open with «#عاجل» and close with their tags.
    const tagged = ['#عاجل', MEETING, '#سوريا #دمشق', '', '#عاجل', TRANSPORT, '#سوريا', '16 آذار 2023', '', '#عاجل', MEETING_BODY, '#سوريا'];
    assert.deepStrictEqual(entriesOf(tagged.join('\n')).map((e) => e.split(':')[0]), ['2-3', '6-8', '11-12']);
    // Posts that close with a signature: the tags under the text and the signature are the post's, the next post's tag is not.
    const signed = [MEETING, '#سوريا', '@chan', '', '#عاجل', TRANSPORT, '@chan'];
    assert.deepStrictEqual(entriesOf(signed.join('\n')).map((e) => e.split(':')[0]), ['1-3', '6-7']);
    // A signature after a blank line under the tags is still the post's.
    const apart = [MEETING, '#سوريا', '', '@chan', '', TRANSPORT, '@chan'];
    assert.deepStrictEqual(entriesOf(apart.join('\n')).map((e) => e.split(':')[0]), ['1-4', '6-7']);
  });

  it('a link introduction without a link is the tail of an article, not the end of a post', () => {
    const text = [MEETING, MEETING_BODY, 'لمتابعة اللقاء كاملا من هنا.', '', 'طريقك الصحيح نحو الحقيقة'].join('\n');
    assert.deepStrictEqual(entriesOf(text), [`1-5: ${MEETING} | null`]);
  });

  it('a rule line of one character repeated ends a post; a short rule or sentence punctuation does not', () => {
    for (const rule of ['━━━━━━━━━━━━━━━', '➖➖➖➖➖➖➖➖', '-----------------------------', '*****', '=====']) {
      const text = [MEETING, MEETING_BODY, '15 آذار 2023', rule, TRANSPORT, '', TRANSPORT_BODY, '16 آذار 2023', rule].join('\n');
      assert.deepStrictEqual(entriesOf(text), [`1-4: ${MEETING} | 2023-03-15`, `5-9: ${TRANSPORT} | 2023-03-16`], rule);
    }
    for (const notRule of ['***', '----', '.....', '!!!!!', '-=-=-=-=-=']) {
      const text = [MEETING, '15 آذار 2023', MEETING_BODY, notRule, 'وأشار الوزير الإيراني إلى استعداد بلاده لتقديم الدعم في مجالات الطاقة.'].join('\n');
      assert.deepStrictEqual(entriesOf(text), [`1-5: ${MEETING} | 2023-03-15`], notRule);
    }
  });

  it('a signature with an emoji or the channel\'s name, or the channel\'s link, ends a post', () => {
    for (const signature of ['🔻 @SyriaNowNews', 'سوريا الآن | @syria_now', 'https://t.me/syria_now', 't.me/syria_now']) {
      const text = [MEETING, MEETING_BODY, '15 آذار 2023', signature, TRANSPORT, TRANSPORT_BODY, '16 آذار 2023', signature].join('\n');
      assert.deepStrictEqual(entriesOf(text), [`1-4: ${MEETING} | 2023-03-15`, `5-8: ${TRANSPORT} | 2023-03-16`], signature);
    }
    // A follow-us call that opens with an emoji, followed by the channel's link without a scheme.
    const follow = [MEETING, MEETING_BODY, '15 آذار 2023', '📌 تابعونا على تلغرام 👇', 't.me/syria_now', TRANSPORT, TRANSPORT_BODY, '16 آذار 2023'];
    assert.deepStrictEqual(entriesOf(follow.join('\n')), [`1-5: ${MEETING} | 2023-03-15`, `6-8: ${TRANSPORT} | 2023-03-16`]);
  });

  it('a handle inside a sentence, or a link to a post, is not a signature', () => {
    const text = [MEETING, MEETING_BODY, 'وقال الوزير في تغريدة على حسابه @syria_mofa', TRANSPORT, TRANSPORT_BODY, '16 آذار 2023'].join('\n');
    assert.deepStrictEqual(entriesOf(text), [`1-6: ${MEETING} | 2023-03-16`]);
    const link = [MEETING, MEETING_BODY, 'https://t.me/syria_now/1234', TRANSPORT, TRANSPORT_BODY, '16 آذار 2023'].join('\n');
    assert.deepStrictEqual(entriesOf(link), [`1-6: ${MEETING} | 2023-03-16`]);
  });

  it('a message header of Telegram\'s desktop app with an Arabic comma, or with the name after the brackets, starts a post', () => {
    for (const [first, second] of [
      ['أخبار سوريا، [15.03.2023 14:05]', 'أخبار سوريا، [16.03.2023 09:12]'],
      ['[15.03.2023 14:05] أخبار سوريا:', '[16.03.2023 09:12] أخبار سوريا:'],
    ]) {
      const text = [first, MEETING, '', MEETING_BODY, '', second, TRANSPORT].join('\n');
      assert.deepStrictEqual(entriesOf(text), [`1-4: ${MEETING} | 2023-03-15`, `6-7: ${TRANSPORT} | 2023-03-16`], first);
    }
  });

  it('in an export of one message a line, each stamped line is a post; a line without a stamp continues the message', () => {
    const text = [
      `15/03/2023, 14:05 - أخبار سوريا: ${MEETING}`,
      MEETING_BODY,
      `16/03/2023, 09:12 - أخبار سوريا: ${TRANSPORT}`,
      '16/03/2023, 11:30 - أخبار سوريا: وصول طائرة مساعدات روسية جديدة إلى مطار دمشق الدولي.',
    ].join('\n');
    assert.deepStrictEqual(entriesOf(text), [
      `1-2: 15/03/2023, 14:05 - أخبار سوريا: ${MEETING} | 2023-03-15`,
      `3-3: 16/03/2023, 09:12 - أخبار سوريا: ${TRANSPORT} | 2023-03-16`,
      '4-4: 16/03/2023, 11:30 - أخبار سوريا: وصول طائرة مساعدات روسية جديدة إلى مطار دمشق الدولي. | 2023-03-16',
    ]);
  });

  it('a view count and a forwarded-from note after a signature are never a post\'s title', () => {
    const text = [
      MEETING, MEETING_BODY, '15 آذار 2023', '@syria_now', '👁 1.2K',
      'Forwarded from وزارة النقل', TRANSPORT, TRANSPORT_BODY, '16 آذار 2023', '@syria_now', '👁️ 3.4K',
    ].join('\n');
    assert.deepStrictEqual(entriesOf(text), [`1-4: ${MEETING} | 2023-03-15`, `7-10: ${TRANSPORT} | 2023-03-16`]);
  });

  it('under a related-articles heading, other articles\' headlines and dates are in no entry', () => {
    for (const heading of ['أخبار ذات صلة', 'اقرأ أيضاً:']) {
      const text = [
        MEETING, '15 آذار 2023', MEETING_BODY, '#سوريا #إيران', heading,
        'لافروف يستقبل المقداد في موسكو لبحث التحضير للاجتماع الرباعي', 'تاريخ النشر: 12 يناير 2021',
        'شويغو يبحث مع وزير الدفاع السوري التعاون العسكري بين البلدين', '@syria_now',
        TRANSPORT, '16 آذار 2023', TRANSPORT_BODY,
      ].join('\n');
      assert.deepStrictEqual(entriesOf(text), [`1-4: ${MEETING} | 2023-03-15`, `10-12: ${TRANSPORT} | 2023-03-16`], heading);
    }
  });

  it('a follow-us call with its link inside an article, followed by the article\'s next paragraph, does not split it', () => {
    const text = [
      MEETING, 'نشر في: 15/03/2023', MEETING_BODY, 'للمزيد من الأخبار تابعونا على:', 'https://t.me/example_news',
      'وأشار الوزير الإيراني إلى استعداد بلاده لتقديم الدعم في مجالات الطاقة والكهرباء وإعادة الإعمار.',
    ].join('\n');
    assert.deepStrictEqual(entriesOf(text), [`1-6: ${MEETING} | 2023-03-15`]);
  });

  it('a date line between a signature and the next post belongs above or below as the file\'s first post shows', () => {
    // Dates on top: the first post opens with its date line, so each date line after a signature opens the next post.
    const top = ['15 آذار 2023', MEETING, MEETING_BODY, '@syria_now', '16 آذار 2023', TRANSPORT, TRANSPORT_BODY, '@syria_now'];
    assert.deepStrictEqual(entriesOf(top.join('\n')), [`1-4: ${MEETING} | 2023-03-15`, `5-8: ${TRANSPORT} | 2023-03-16`]);
    // Dates at the bottom, under the signature: each closes the post above, and the next line still starts a post.
    const bottom = [MEETING, MEETING_BODY, '@syria_now', '15.03.2023 14:05', TRANSPORT, TRANSPORT_BODY, '@syria_now', '16.03.2023 09:12'];
    assert.deepStrictEqual(entriesOf(bottom.join('\n')), [`1-4: ${MEETING} | 2023-03-15`, `5-8: ${TRANSPORT} | 2023-03-16`]);
  });

  it('a date line after a calendar or clock emoji is a date line: it dates the post and is never its title', () => {
    const top = ['🗓 15 آذار 2023', MEETING, MEETING_BODY, '@syria_now', '📅 الخميس 16 آذار 2023', TRANSPORT, TRANSPORT_BODY, '@syria_now'];
    assert.deepStrictEqual(entriesOf(top.join('\n')), [`1-4: ${MEETING} | 2023-03-15`, `5-8: ${TRANSPORT} | 2023-03-16`]);
    const bottom = [MEETING, MEETING_BODY, '🗓 الأربعاء 15.03.2023 | ⏰ 14:05', '@syria_now', TRANSPORT, TRANSPORT_BODY, '📆 التاريخ: 16-03-2023', '@syria_now'];
    assert.deepStrictEqual(entriesOf(bottom.join('\n')), [`1-4: ${MEETING} | 2023-03-15`, `5-8: ${TRANSPORT} | 2023-03-16`]);
  });

  it('a short line with an event verb inside a signed post is a sub-heading: the post goes on to its signature', () => {
    const subheading = 'وزير الخارجية يلتقي نظيره السوري فيصل المقداد';
    const text = [
      MEETING, '15 آذار 2023', LONG_BODY, subheading, TRANSPORT_BODY, '@syria_now',
      'الرئيس الأسد يصدر مرسوماً بتشكيل الحكومة الجديدة.', '16 آذار 2023', LONG_BODY, '@syria_now',
    ].join('\n');
    assert.deepStrictEqual(entriesOf(text), [`1-6: ${MEETING} | 2023-03-15`, '7-10: الرئيس الأسد يصدر مرسوماً بتشكيل الحكومة الجديدة. | 2023-03-16']);
  });

  it('an unsigned post still ends where a headline opens like the posts the file\'s signatures start', () => {
    const telegram = 'الرئيس الأسد في برقية تعزية إلى الرئيس الروسي:';
    const text = [
      MEETING, LONG_BODY, '@syrianpresidency', 'الرئيس الأسد يصدر مرسوماً بتشكيل الحكومة الجديدة.', LONG_BODY,
      telegram, TRANSPORT_BODY, '@syrianpresidency', MEETING, LONG_BODY, '@syrianpresidency',
    ].join('\n');
    assert.deepStrictEqual(
      entriesOf(text).map((e) => e.split(':')[0]),
      ['1-3', '4-5', '6-8', '9-11'],
    );
  });

  it('a line of hashtags in the middle of a signed post tags it; in a channel that closes posts with hashtags it ends them', () => {
    const photos = 'ونشرت الرئاسة صوراً من اللقاء الذي جرى في قصر الشعب بدمشق بحضور وزير الخارجية.';
    const signed = [MEETING, '15 آذار 2023', MEETING_BODY, '#سورية #إيران', photos, '@syria_now', TRANSPORT, '16 آذار 2023', TRANSPORT_BODY, '@syria_now'];
    assert.deepStrictEqual(entriesOf(signed.join('\n')), [`1-6: ${MEETING} | 2023-03-15`, `7-10: ${TRANSPORT} | 2023-03-16`]);
    const tagged = [MEETING, '15 آذار 2023', MEETING_BODY, '#سورية #إيران', TRANSPORT, '16 آذار 2023', TRANSPORT_BODY, '#سورية #النقل'];
    assert.deepStrictEqual(entriesOf(tagged.join('\n')), [`1-4: ${MEETING} | 2023-03-15`, `5-8: ${TRANSPORT} | 2023-03-16`]);
  });

  it('a site\'s menu without bars, opened by its home link, is navigation above the headline, never the title', () => {
    const headline = 'وزير الصحة يتفقد سير العمل في مشفى المواساة الجامعي';
    const lead = 'دمشق، 15 آذار 2023 (سانا) - تفقد وزير الصحة سير العمل في مشفى المواساة الجامعي واستمع إلى شرح عن الخدمات.';
    for (const menu of ['الرئيسية أخبار محلية عربي ودولي اقتصاد رياضة منوعات', 'الصفحة الرئيسية سياسة اقتصاد ثقافة']) {
      assert.deepStrictEqual(entriesOf([menu, headline, lead].join('\n')), [`2-3: ${headline} | 2023-03-15`], menu);
    }
    // A headline that names a main road or square is text: «الرئيسية» after its noun.
    const road = 'إغلاق الطرق الرئيسية في دمشق بسبب الثلوج';
    assert.deepStrictEqual(entriesOf([road, lead].join('\n')), [`1-2: ${road} | 2023-03-15`]);
  });

  it('a dateline pushed under a subtitle and a byline still dates the article; a date deeper in that paragraph does not', () => {
    const headline = 'بوتين مستقبلاً الأسد: علاقاتنا تتطور';
    const subtitle = 'الرئيس الروسي يؤكد أن التبادل التجاري بين البلدين في ازدياد';
    const dateline = 'دمشق، 15 آذار 2023 (سانا) - التقى الرئيس الروسي فلاديمير بوتين نظيره السوري بشار الأسد في الكرملين اليوم.';
    assert.deepStrictEqual(entriesOf([headline, subtitle, 'كتب: محمد الأحمد', dateline].join('\n')), [`1-4: ${headline} | 2023-03-15`]);
    const deep = 'افتتح وزير التجارة اليوم جناح المملكة في المعرض الدولي للبناء المقام في مركز دبي ويستمر إلى 28 نوفمبر 2013.';
    assert.deepStrictEqual(entriesOf([headline, 'Next Previous', 'عين اليوم – دبي', deep].join('\n')), [`1-4: ${headline} | null`]);
  });

  it('a byline above the headline is the article\'s, never its title; a headline that opens with a label stays one', () => {
    const headline = 'مدبولي: الحكومة تستهدف خفض التضخم خلال العام المالي الجديد';
    const lead = 'القاهرة، 3 أبريل 2025 - قال رئيس مجلس الوزراء إن الحكومة تستهدف خفض معدلات التضخم بنهاية العام المالي المقبل.';
    for (const byline of [
      'كتب- محمد نصار:',
      'كتبت: سارة علي',
      'كتب - أحمد جمعة',
      'متابعة: هبة محمد',
      'بقلم: د. خالد الدخيل',
      'إعداد: قسم الأخبار',
      'حوار - منى عبد الرحمن',
      'By John Smith',
    ]) {
      assert.deepStrictEqual(entriesOf([byline, headline, lead].join('\n')), [`1-3: ${headline} | 2025-04-03`], byline);
    }
    for (const title of ['كتب الرئيس رسالة إلى نظيره الروسي', 'حوار - وزير الخارجية يكشف تفاصيل المفاوضات مع الجانب الأمريكي']) {
      assert.deepStrictEqual(entriesOf([title, lead].join('\n')), [`1-2: ${title} | 2025-04-03`], title);
    }
  });

  it('a post that opens with a byline takes the line under it as its title', () => {
    const text = [MEETING, MEETING_BODY, '15 آذار 2023', '@syrianpresidency', 'كتبت: سارة علي', TRANSPORT, TRANSPORT_BODY, '16 آذار 2023', '@syrianpresidency'].join('\n');
    assert.deepStrictEqual(entriesOf(text), [`1-4: ${MEETING} | 2023-03-15`, `5-9: ${TRANSPORT} | 2023-03-16`]);
  });

  it('a range of days in the lead dates the entry by its first day; without a year it is a period, never an incomplete date', () => {
    const headline = 'أخبار محلية متنوعة من المحافظات السورية';
    const dated = [headline, 'يقام معرض دمشق الدولي من 15 إلى 20 آذار 2023 في مدينة المعارض.'].join('\n');
    assert.deepStrictEqual(entriesOf(dated), [`1-2: ${headline} | 2023-03-15`]);
    for (const period of ['المعرض يقام من 15 إلى 20 مارس في مدينة المعارض بدمشق', 'من 15 مارس إلى 20 نيسان يقام المعرض في دمشق']) {
      const c = corpusOf([{ file: 'a.txt', text: [headline, period].join('\n') }]);
      assert.deepStrictEqual(c.findings('a.txt').map((f) => f.code), ['undated-entry'], period);
    }
  });
});

