/** Data-driven tests of the rules on fixtures trimmed from the seeds and the news sample; snapshots in text format. */
import * as assert from 'node:assert';
import { checkFixture, corpusOf, matchSnapshot, parseFixture } from '../helpers/fixture';

const POST_A = `الرئيس #الأسد يستقبل اليوم ألكسندر #لافرنتييف المبعوث الخاص للرئيس الروسي فلاديمير #بوتين والوفد المرافق له.

تمحور الحديث خلال اللقاء حول العلاقات الاستراتيجية بين #سورية وروسيا الاتحادية ومجالاتِ التعاون الثنائي، وتم التأكيد على الاهتمام المشترك.
@syrianpresidency
الرئيس #الأسد يستقبل اليوم ألكسندر #لافرنتييف المبعوث الخاص للرئيس الروسي فلاديمير بوتين والوفد المرافق له.

دار الحديث خلال اللقاء حول آخر التطورات على الساحتين الإقليمية والدولية، والقضايا السياسية ذات الاهتمام المشترك بين البلدين.
`;

describe('rules on fixtures', () => {
  it('formulaic headlines of different posts are not duplicates', () => {
    const out = checkFixture(`--- channel.txt\n${POST_A}`);
    assert.doesNotMatch(out, /duplicate/);
    matchSnapshot('formulaic-headlines.txt', out);
  });

  it('a paragraph of 20+ words with one word changed is a near-duplicate; a dateline with another city is not', () => {
    const para = (verb: string): string =>
      `وخسر برنت نحو 13 بالمئة من قيمته في يوليو مسجلا أكبر خسائره الشهرية منذ هبوطه حوالي 19 بالمئة في يناير وإن كان تراجعه ${verb} حدة هذا الأسبوع بعد بيانات المخزونات.`;
    const dateline = (city: string): string => `${city} 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس`;
    const c = corpusOf([
      { file: 'a.txt', text: `عنوان الخبر الأول هنا\n\n${dateline('بريدة')}\n\n${para('أقل')}\n` },
      { file: 'b.txt', text: `عنوان الخبر الثاني هنا\n\n${dateline('أملج')}\n\n${para('أكثر')}\n` },
    ]);
    const near = c.findings('a.txt').filter((f) => f.code === 'near-duplicate-paragraph');
    assert.strictEqual(near.length, 1, JSON.stringify(near));
    assert.strictEqual(near[0].range.start.line, 4);
    assert.match(near[0].message, /Near-duplicate of the paragraph at b\.txt:5 \(similarity 0\.9\d\)/);
  });

  it('the same wire dateline over two articles is no duplicate paragraph', () => {
    const dateline = 'الكويت 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس';
    const c = corpusOf([
      { file: 'a.txt', text: `وزير الدفاع يلتقي مستشار وزير الدفاع البريطاني\n\n${dateline}\nالتقى نائب رئيس مجلس الوزراء وزير الدفاع اليوم مستشار وزير الدفاع البريطاني لشؤون الشرق الأوسط.\n` },
      { file: 'b.txt', text: `مجلس الوزراء يدين التفجير الإرهابي في عسير\n\n${dateline}\nدان مجلس الوزراء التفجير الإرهابي المشين الذي استهدف مسجد قوات الطوارئ بمدينة أبها مؤخرا.\n` },
    ]);
    for (const file of ['a.txt', 'b.txt']) {
      assert.deepStrictEqual(c.findings(file).map((f) => f.code), [], file);
      assert.deepStrictEqual(c.entries(file).map((e) => e.date), ['2015-08-10'], file);
    }
  });

  it('a paragraph repeated in one file, with diacritics, tatweel and hashtags, is a duplicate with a safe fix', () => {
    const para = 'وفي نفس الوقت، أكد الجانب الروسي دعمه المستمر لوحدة وسلامة أراضي وسيادة الجمهورية العربية السورية.';
    const variant = 'وفي نفسِ الوقت، أكّد الجانبُ الروسـي دعمه المستمر لوحدة وسلامة أراضي وسيادة #الجمهورية_العربية السورية';
    const out = checkFixture(`--- a.txt\nعنوان الخبر هنا اليوم\n\n${para}\n\n${variant}\n`);
    matchSnapshot('duplicate-normalized.txt', out);
    assert.match(out, /a\.txt:5:1 {2}warning {2}Duplicated paragraph: the same text is at line 3/);
  });

  it('short lines, signatures and hashtag lines are never duplicates', () => {
    const out = checkFixture('--- a.txt\nخبر أول طويل بما يكفي ليكون عنوانا\n#روسيا_سوريا\nلمتابعة حساب رئاسة الجمهورية على إنستغرام:\n--- b.txt\nخبر ثان مختلف تماما عن الأول هنا\n#روسيا_سوريا\nلمتابعة حساب رئاسة الجمهورية على إنستغرام:\n');
    assert.doesNotMatch(out, /duplicate/);
  });

  it('boilerplate repeated across many files is not reported', () => {
    // A repeated line that no pattern knows as furniture (a rights notice would be a boilerplate line in any number of files).
    const footer = 'الآراء الواردة في المقالات المنشورة تعبر عن وجهة نظر كتابها ولا تعبر بالضرورة عن رأي إدارة الموقع.';
    const files = Array.from({ length: 7 }, (_, i) => `--- f${i}.txt\nعنوان خبر رقم ${i} من الأخبار\n\nنص الخبر رقم ${i} عن موضوع مختلف في كل ملف من ملفات المجموعة.\n\n${footer}\n`).join('');
    assert.doesNotMatch(checkFixture(files), /duplicate-paragraph/);
    const fewer = files.split('--- f4.txt')[0];
    assert.match(checkFixture(fewer), /duplicate-paragraph/);
  });

  it('reports a near-duplicate with its similarity, and a paragraph copied into a longer one', () => {
    const quote =
      'أنا سعيد أن نلتقي اليوم في موسكو وقد مضى على العملية المشتركة لمكافحة الإرهاب الآن نحو ست سنوات حقق خلالها الجيشان العربي السوري والروسي إنجازات كبيرة ليس فقط من خلال تحرير الأراضي';
    const out = checkFixture(
      `--- post.txt\nالرئيس #الأسد خلال القمة مع الرئيس الروسي #بوتين:\n\n${quote.replace('موسكو', '#موسكو')}\n` +
        `--- article.txt\nقمة سورية روسية في موسكو بين الرئيسين\n\nوفي مستهل القمة الثنائية قال الرئيس الأسد: “${quote}” وأضاف أن اللقاء مهم جدا للبلدين والشعبين الصديقين.\n`,
    );
    matchSnapshot('copied-into.txt', out);
    assert.match(out, /post\.txt:3:1 {2}information {2}Copied into a longer paragraph at article\.txt:3/);
    assert.match(out, /article\.txt:3:1 {2}information {2}Contains a copy of the paragraph at post\.txt:3/);
  });

  it('different paraphrases are not near-duplicates', () => {
    const out = checkFixture(
      '--- a.txt\nرحب الرئيس بضيفه في القصر\n\nوقالت إن الرئيس الروسي فلاديمير بوتين رحب بالرئيس أحمد الشرع، مؤكدا العمل على تنمية العلاقات الثنائية في مختلف المجالات لا سيما الاقتصادية.\n' +
        '--- b.txt\nرحب الرئيس بضيفه في الكرملين\n\nمن جهته، رحّب الرئيس بوتين بالرئيس أحمد الشرع، مؤكدًا العمل على تعزيز العلاقات الثنائية في مختلف المجالات، ولا سيما الاقتصادية، ومشيرًا إلى أن العلاقات عميقة.\n',
    );
    assert.doesNotMatch(out, /duplicate/);
  });

  it('name variants: proclitics, whole words, canonical by majority, fix replaces only the stem', () => {
    const lines = [
      ...Array.from({ length: 25 }, (_, i) => `وقال الرئيس الروسي فلاديمير بوتين في اللقاء رقم ${i} إن العلاقات جيدة`),
      'وأكد فلاديمير #بوتين أهمية الحوار',
      'وأكد فلاديمير بوتن استعداد روسيا للمساعدة', // the variant, attested on its own
      'ورحب فلاديمير وبوتن بالضيوف', // the variant with a proclitic
      'وكالة سبوتنيك نقلت الخبر عن مصادر رسمية', // بوتن inside a longer word: never a mention
    ];
    const files = parseFixture(`--- a.txt\n${lines.join('\n')}\n`);
    const c = corpusOf(files);
    const f = c.findings('a.txt').filter((x) => x.code === 'name-variant');
    assert.deepStrictEqual(f.map((x) => x.range.start.line), [26, 27]);
    for (const x of f) assert.strictEqual(lines[x.range.start.line].slice(x.range.start.character, x.range.end.character), 'بوتن');
    assert.strictEqual(lines[27][f[1].range.start.character - 1], 'و', 'the proclitic stays outside the fix');
    assert.strictEqual(f[1].fixes[0].changes[0].edits[0].newText, 'بوتين');
  });

  it('does not merge different names that differ by a long vowel (سعد / سعود، حسن / حسين)', () => {
    const text = [
      'الأمير سعود بن فهد افتتح المعرض',
      'الأمير سعود بن فهد زار المستشفى',
      'الأمير سعود بن فهد التقى الوفد',
      'الأمير سعد بن فهد حضر الحفل',
      'الشيخ حسن بن علي والشيخ حسين بن علي',
      'الشيخ حسن بن علي ألقى كلمة',
      'الشيخ حسن بن علي ألقى كلمة أخرى',
    ].join('\n');
    assert.doesNotMatch(checkFixture(`--- a.txt\n${text}\n`), /name-variant/);
  });

  it('balanced spellings are house styles unless the config prefers one', () => {
    const a = 'الرئيس زار سورية أمس\nوقال الرئيس إن سورية بلد مهم\n';
    const b = 'الرئيس زار سوريا أمس\nوقال الرئيس إن سوريا بلد مهم\n';
    assert.doesNotMatch(checkFixture(`--- a.txt\n${a}--- b.txt\n${b}`), /name-variant/);
    const out = checkFixture(`--- a.txt\n${a}--- b.txt\n${b}`, { names: { preferred: { 'سوريا': ['سورية'] } } });
    assert.strictEqual((out.match(/name-variant/g) ?? []).length, 2);
    assert.match(out, /«سورية» is a variant spelling of «سوريا» \(the spelling preferred by the config\)/);
  });

  it('a preferred place spelling leaves the adjective alone: «قمة سورية روسية» is Syrian, «بين سورية وروسيا» is Syria', () => {
    const lines = [
      'قمة سورية روسية في موسكو بين الرئيسين',
      'وقعت شركات سورية وروسية عقودا جديدة',
      'وقالت امرأة سورية إن الحياة صعبة',
      'بحث الوزير العلاقات بين سورية وروسيا',
      'وصل الوفد إلى سورية أمس',
      'هذه سورية التي نعرفها',
    ];
    const c = corpusOf(parseFixture(`--- a.txt\n${lines.join('\n')}\n`), { names: { preferred: { 'سوريا': ['سورية'] } } });
    const f = c.findings('a.txt').filter((x) => x.code === 'name-variant');
    assert.deepStrictEqual(f.map((x) => x.range.start.line), [3, 4, 5]);
    assert.ok(f.every((x) => x.fixes[0].safe && x.fixes[0].changes[0].edits[0].newText === 'سوريا'));
  });

  it('a variant spelling that is also a verb is not reported where only the verb can stand (هو الذي يحيي، يحفظة الله)', () => {
    const lines = [
      ...Array.from({ length: 12 }, (_, i) => `وقال الكاتب يحيى حقي في المقابلة رقم ${i} إن الرواية مهمة`),
      'وقال الكاتب يحيي حقي إن الأدب رسالة', // the name misspelt: reported
      'إن الله هو الذي يحيي الأرض بعد موتها', // the verb
      'لم يحيي الحفل أحد من الفنانين', // the verb
      ...Array.from({ length: 12 }, (_, i) => `وأكد الأمير أن الملك يحفظه الله يتابع المشروع رقم ${i}`),
      'وأكد الأمير أن الملك يحفظة الله يتابع المشروع',
    ];
    const c = corpusOf(parseFixture(`--- a.txt\n${lines.join('\n')}\n`));
    const f = c.findings('a.txt').filter((x) => x.code === 'name-variant');
    assert.deepStrictEqual(f.map((x) => lines[x.range.start.line].slice(x.range.start.character, x.range.end.character)), ['يحيي']);
    assert.strictEqual(f[0].range.start.line, 12);
  });

  it('dates: metadata label, tweet attribution, partial dateline, template remnant', () => {
    const out = checkFixture(
      '--- a.txt\nبوتين مستقبلاً الأسد: علاقاتنا تتطور\n\n  • تاريخ النشر: الأربعاء، 15 مارس 2023 آخر تحديث: الخميس، 16 مارس 2023\nالتقى الرئيس الروسي نظيره السوري.\n' +
        '--- b.txt\nخبر عاجل\nتاريخ اليوم\nقمة سورية روسية في موسكو بين الرئيسين\n\nعقدت في موسكو اليوم قمة بين الرئيسين.\n' +
        '--- c.txt\n🗓 في 28 يناير، زار الوفد الروسي دمشق للمرة الأولى منذ تغيير السلطة.\n#روسيا_سوريا\n📞 في 12 فبراير، جرت محادثة هاتفية بين الرئيسين.\n',
    );
    matchSnapshot('dates.txt', out);
    assert.match(out, /b\.txt:3:1 {2}warning {2}Entry has no date/);
    assert.doesNotMatch(out, /a\.txt/);
    assert.match(out, /c\.txt:1:7 {2}information {2}Date «28 يناير» has no year/);
    assert.match(out, /c\.txt:3:7 {2}information {2}Date «12 فبراير» has no year/);
  });

  it('messages copied from Telegram\'s desktop app: each header starts a post dated by it; a post without one is undated', () => {
    const header = (d: string): string => `رئاسة الجمهورية العربية السورية, [${d}]`;
    const text = [
      header('20.10.24 14:35'),
      'استقبل السيد الرئيس أحمد الشرع اليوم في قصر الشعب بدمشق وفداً من رجال الأعمال السوريين المقيمين في الخارج.',
      '',
      header('21.10.24 09:10'),
      '[Forwarded from وزارة الخارجية]',
      'أكد وزير الخارجية أسعد الشيباني خلال اتصال هاتفي مع نظيره التركي على أهمية التعاون الإقليمي في مكافحة الإرهاب.',
      '',
      header('2/11/24 4:50 PM'),
      '',
      'أصدر السيد الرئيس أحمد الشرع مرسوماً يقضي بتشكيل لجنة عليا للإشراف على إعادة الإعمار في المحافظات المتضررة.',
    ].join('\n');
    const c = corpusOf([{ file: 'tg.txt', text }]);
    const entries = c.entries('tg.txt');
    assert.deepStrictEqual(
      entries.map((e) => [e.range.start.line, e.titleRange.start.line, e.range.end.line, e.date]),
      [
        [0, 1, 1, '2024-10-20'],
        [3, 5, 5, '2024-10-21'],
        [7, 9, 9, '2024-11-02'],
      ],
    );
    assert.deepStrictEqual(c.findings('tg.txt'), []);
    // The same messages without headers: one undated article.
    const bare = corpusOf([{ file: 'tg.txt', text: text.split('\n').filter((l) => !l.includes('[')).join('\n') }]);
    assert.deepStrictEqual(bare.findings('tg.txt').map((f) => f.code), ['undated-entry']);
    // Headers without the channel's name (a date and a time alone) start posts too.
    const nameless = corpusOf([{ file: 'tg.txt', text: text.replace(/^[^[\n]*, \[/gm, '[') }]);
    assert.deepStrictEqual(nameless.entries('tg.txt').map((e) => e.date), ['2024-10-20', '2024-10-21', '2024-11-02']);
  });

  it('other page layouts: a dateline above the headline, a relative time, a scraper\'s labelled header', () => {
    const body = 'أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في المحافظات الشمالية تتضمن قروضا ميسرة وبذورا محسنة.';
    const c = corpusOf([
      { file: 'dateline.txt', text: `الثلاثاء 22 أكتوبر 2024 | 10:15 ص\nالحكومة تعلن خطة جديدة لدعم المزارعين\n${body}\n` },
      { file: 'relative.txt', text: `منذ 3 ساعات\nالحكومة تعلن خطة جديدة لدعم الصيادين\n${body.replace('المزارعين', 'الصيادين')}\n` },
      {
        file: 'labelled.txt',
        text: `العنوان: الحكومة تعلن خطة جديدة للطلاب\nالتاريخ: 2024-10-20\nالرابط: https://example.com/news/123\n${body.replace('المزارعين', 'الطلاب')}\n`,
      },
    ]);
    const brief = (f: string): string[] => c.entries(f).map((e) => `${e.title} | ${e.date}`);
    assert.deepStrictEqual(brief('dateline.txt'), ['الحكومة تعلن خطة جديدة لدعم المزارعين | 2024-10-22']);
    assert.deepStrictEqual(brief('relative.txt'), ['الحكومة تعلن خطة جديدة لدعم الصيادين | null']);
    assert.deepStrictEqual(brief('labelled.txt'), ['الحكومة تعلن خطة جديدة للطلاب | 2024-10-20']);
    assert.deepStrictEqual(c.findings('dateline.txt'), []);
    // A line that holds a date among other words is text, not a dateline.
    const text = corpusOf([{ file: 'a.txt', text: `وصل الوفد في 22 أكتوبر 2024 إلى العاصمة\n${body}\n` }]);
    assert.deepStrictEqual(
      text.entries('a.txt').map((e) => e.title),
      ['وصل الوفد في 22 أكتوبر 2024 إلى العاصمة'],
    );
  });

  it('a day and a month that name a place or an event leave the entry undated, not dated without a year', () => {
    const body = 'وقال المحافظ إن المشروع يوفر أكثر من ألف فرصة عمل للشباب في المحافظة خلال العام المقبل.';
    const c = corpusOf([
      { file: 'city.txt', text: `افتتاح مصنع جديد للأدوية\nافتتاح مصنع في مدينة 6 أكتوبر باستثمارات كبيرة\n${body}\n` },
      { file: 'real.txt', text: `افتتاح مصنع جديد للأدوية\nافتتح في 28 يناير مصنع باستثمارات كبيرة\n${body}\n` },
    ]);
    const dateFindings = (f: string): string[] => c.findings(f).filter((x) => /date/.test(x.code)).map((x) => `${x.code} ${x.message}`);
    assert.deepStrictEqual(dateFindings('city.txt'), ['undated-entry Entry has no date: «افتتاح مصنع جديد للأدوية»']);
    assert.deepStrictEqual(dateFindings('real.txt'), ['incomplete-date Date «28 يناير» has no year']);
  });

  it('a date line after a signature closes the post before it, or opens the next one when the file opens with a date line', () => {
    const posts = [
      'وزارة النقل تعلن تسيير خطوط نقل داخلي جديدة في دمشق وريفها بواقع رحلتين يومياً لتخفيف الازدحام.',
      'المؤسسة السورية للتجارة تبدأ توزيع مادة السكر عبر البطاقة الإلكترونية في جميع المحافظات.',
    ];
    const brief = (text: string): string[] =>
      corpusOf([{ file: 'tg.txt', text }]).entries('tg.txt').map((e) => `${e.range.start.line}-${e.range.end.line} ${e.date}`);
    // Signed, then dated: the date belongs to the post above it.
    const bottom = `${posts[0]}\n@syria_now\n15.03.2023 14:05\n${posts[1]}\n@syria_now\n16.03.2023 09:12\n`;
    assert.deepStrictEqual(brief(bottom), ['0-2 2023-03-15', '3-5 2023-03-16']);
    // Dated, then written: each date line opens a post.
    const top = `15 آذار 2023\n${posts[0]}\n@syria_now\n16 آذار 2023\n${posts[1]}\n@syria_now\n`;
    assert.deepStrictEqual(brief(top), ['0-2 2023-03-15', '3-5 2023-03-16']);
  });

  it('a date line at the bottom or the top of an article, whatever goes with the date (emoji, label, place, time)', () => {
    const title = 'وزير الزراعة يبحث مع ممثلي منظمة الأغذية والزراعة دعم مربي الثروة الحيوانية';
    const body = 'وتم الاتفاق على توزيع أعلاف ولقاحات بيطرية على المربين خلال الأشهر القادمة في المناطق المتضررة من الجفاف.';
    const datelines = [
      '📆 التاريخ: 16-03-2023',
      '🗓 16.03.2023',
      '📅 الخميس 16 آذار 2023',
      '🕐 16 آذار 2023 - 14:05',
      '16 آذار 2023 🇸🇾',
      '🗓 الخميس 16.03.2023 | ⏰ 14:05',
      '* تاريخ النشر: 16 آذار 2023',
      'تاريخ النشر 16 آذار 2023',
      'نشر في 16 مارس 2023',
      'نُشر في 16 مارس 2023',
      'بتاريخ 16/03/2023',
      '16 آذار 2023 ـ 14:05',
      'الخميس 16 آذار 2023 الساعة 14:05',
      '16 مارس 2023 - 10:30 صباحاً',
      '16 مارس 2023 - 10:30 مساءً',
      '16 مارس 2023 10:30 بتوقيت دمشق',
      '16 مارس 2023 | 10:30 GMT+3',
      '٢٠٢٣/٣/١٦ | ١٤:٠٥',
      '١٦/٣/٢٠٢٣ ١٤:٠٥',
      'دمشق في 16 آذار 2023',
      'حرر بتونس في 16 مارس 2023',
      'صدر في دمشق بتاريخ 16/3/2023 ميلادي',
      'Posted on March 16, 2023 by admin',
    ];
    const files = datelines.flatMap((d, i) => [
      { file: `bottom${i}.txt`, text: `${title}\n${body}\n${body.replace('أعلاف', 'أدوية')}\n${d}\n` },
      { file: `top${i}.txt`, text: `${d}\n${title}\n${body}\n` },
    ]);
    const c = corpusOf(files);
    for (const { file } of files) {
      const [e] = c.entries(file);
      assert.deepStrictEqual([e.title, e.date], [title, '2023-03-16'], file);
    }
    // More words than a place or an author, or a word beside a date without a year: text, not a dateline.
    const text = corpusOf([
      { file: 'a.txt', text: `الوفد الروسي في دمشق 16 آذار 2023\n${body}\n` },
      { file: 'b.txt', text: `مباراة 28 يناير\n${body}\n` },
    ]);
    assert.deepStrictEqual(text.entries('a.txt').map((e) => e.title), ['الوفد الروسي في دمشق 16 آذار 2023']);
    assert.deepStrictEqual(text.entries('b.txt').map((e) => e.title), ['مباراة 28 يناير']);
  });

  it('the publication date wins over the last update; related articles and comments do not date the article', () => {
    const title = 'وزير الصحة يتفقد سير العمل في مشفى المواساة الجامعي';
    const body = 'واستمع الوزير إلى شرح عن الخدمات المقدمة للمرضى وعدد العمليات الجراحية المنجزة خلال الشهر الماضي.';
    const c = corpusOf([
      { file: 'update.txt', text: `${title}\nآخر تحديث: الخميس 16 مارس 2023 - 10:30 ص\nنشر في: الأربعاء 15 مارس 2023 - 08:15 ص\n${body}\n` },
      { file: 'update-only.txt', text: `${title}\n${body}\nآخر تحديث: 16 آذار 2023\n` },
      {
        file: 'related.txt',
        text: `${title}\n${body}\nالمصدر: سانا\nاقرأ أيضاً:\nوزير الصحة يفتتح قسماً جديداً لغسيل الكلى في مشفى حمص الوطني\nتاريخ النشر: 12 يناير 2021\n`,
      },
      { file: 'comments.txt', text: `${title}\n${body}\nالتعليقات (2)\nأبو أحمد\n20/05/2023 10:22\nالله يوفق الجميع\n` },
    ]);
    const date = (f: string): string | null => c.entries(f)[0].date;
    assert.strictEqual(date('update.txt'), '2023-03-15');
    assert.strictEqual(date('update-only.txt'), '2023-03-16');
    assert.strictEqual(date('related.txt'), null);
    assert.strictEqual(date('comments.txt'), null);
  });

  it('inline suppression markers silence one finding', () => {
    const out = checkFixture('--- a.txt\nعنوان الخبر بلا تاريخ هنا\n\nنص الخبر.\n--- b.txt\n<!-- corpus-lint-disable-next-line undated-entry -->\nعنوان آخر بلا تاريخ أيضا\n\nنص.\n');
    assert.match(out, /a\.txt:1:1/);
    assert.doesNotMatch(out, /b\.txt/);
  });

  it('an explicit entry marker splits a file the heuristics keep whole', () => {
    const text = 'عنوان الخبر الأول في الملف\nنص الخبر الأول هنا.\n<!-- corpus-lint: entry -->\nعنوان الخبر الثاني في الملف\nنص الخبر الثاني.\n';
    const c = corpusOf(parseFixture(`--- a.txt\n${text}`));
    assert.deepStrictEqual(c.entries('a.txt').map((e) => e.title), ['عنوان الخبر الأول في الملف', 'عنوان الخبر الثاني في الملف']);
  });

  it('an edit in one file updates the duplicates it creates or removes in another', () => {
    const para = 'تم خلال اللقاء بحث الجهود المشتركة والتعاون الثنائي القائم بين سورية وروسيا الاتحادية في موضوع عودة اللاجئين.';
    const c = corpusOf(parseFixture(`--- a.txt\nعنوان الخبر الأول هنا\n\n${para}\n--- b.txt\nعنوان الخبر الثاني هنا\n\nنص مختلف.\n`));
    assert.strictEqual(c.findings('a.txt').filter((f) => f.code === 'duplicate-paragraph').length, 0);
    const r = c.applyChange({ changed: [{ file: 'b.txt', text: `عنوان الخبر الثاني هنا\n\n${para}\n` }] });
    assert.ok(r.affected.has('a.txt'));
    assert.strictEqual(c.findings('a.txt').filter((f) => f.code === 'duplicate-paragraph').length, 1);
    c.applyChange({ removed: ['b.txt'] });
    assert.strictEqual(c.findings('a.txt').filter((f) => f.code === 'duplicate-paragraph').length, 0);
  });
});
