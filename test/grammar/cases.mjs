// Grammar test cases: lines from the seed corpus (whole, or the fragment that holds the feature) and the scopes
// expected on their parts. `build-tests.mjs` turns them into vscode-tmgrammar-test files (it computes the columns,
// in UTF-16 code units, which nobody can align by hand under right-to-left Arabic).
//
// A case: { line, expect: [[text, scopes, nth?]] } — `text` is found in `line` (its nth occurrence, 0 by default);
// `scopes` is what vscode-tmgrammar-test asserts: "a b" required, "- a" forbidden.
// Lines marked `constructed` are seed sentences with a feature the five seeds lack (Levantine months, Arabic-Indic
// digits, numeric dates, entry markers, suppressions).

const HASHTAG = 'entity.name.tag.hashtag.corpus';
const MENTION = 'variable.other.mention.corpus';
const URL = 'markup.underline.link.corpus';
const DATE = 'constant.numeric.date.corpus';
const PARTIAL_DATE = 'constant.numeric.date.partial.corpus';
const COMMENT = 'comment.block.corpus';
const DIRECTIVE = 'keyword.control.directive.corpus';

export const suites = {
  hashtags: [
    {
      // 000, a Telegram post
      line: 'اللقاء تناول التعاون الثنائي القائم بين #سورية وروسيا وخاصة على الصعيد #الاقتصادي و #الاستثماري والجهود المشتركة لتوسيعه',
      expect: [
        ['#سورية', HASHTAG],
        ['#', `${HASHTAG} punctuation.definition.hashtag.corpus`],
        ['وروسيا', `- ${HASHTAG}`],
        ['#الاقتصادي', HASHTAG],
        ['#الاستثماري', HASHTAG],
        [' و ', `- ${HASHTAG}`],
      ],
    },
    {
      line: 'أجرى الرئيس #بشار_الأسد في مقر إقامته في موسكو، حواراً متلفزاً',
      expect: [['#بشار_الأسد', HASHTAG], ['الرئيس', `- ${HASHTAG}`], [' في', `- ${HASHTAG}`]],
    },
    {
      line: 'ووضع بوريسوف سيادته بصورة القمة التي جمعت بين الرئيسين الروسي فلاديمير #بوتين والأمريكي جو بايدن',
      expect: [['#بوتين', HASHTAG], ['والأمريكي', `- ${HASHTAG}`], ['بوريسوف', `- ${HASHTAG}`]],
    },
    {
      // 002: a hashtag alone on its line
      line: '#روسيا_سوريا',
      expect: [['#روسيا_سوريا', HASHTAG]],
    },
    {
      // a URL fragment is not a hashtag
      line: 'http://www.sana.sy/?p=1499795#main',
      expect: [['#main', `${URL} - ${HASHTAG}`]],
    },
  ],

  mentions: [
    {
      line: '@syrianpresidency',
      expect: [['@syrianpresidency', `meta.signature.corpus ${MENTION}`], ['@', 'punctuation.definition.mention.corpus']],
    },
    {
      line: '@SyrianPresidency',
      expect: [['@SyrianPresidency', `meta.signature.corpus ${MENTION}`]],
    },
    {
      // constructed: an e-mail address is not a mention
      line: 'للتواصل: info@sana.sy',
      expect: [['@sana', `- ${MENTION}`]],
    },
  ],

  urls: [
    {
      line: 'http://www.sana.sy/?p=1499795',
      expect: [['http://www.sana.sy/?p=1499795', URL]],
    },
    {
      line: 'https://www.instagram.com/syrianpresidency',
      expect: [['https://www.instagram.com/syrianpresidency', `${URL} - ${MENTION}`]],
    },
    {
      // 004: a tweet's picture link at the end of Arabic text
      line: 'جمع السيّد الرئيس أحمد الشرع والرئيس الروسي فلاديمير بوتين، بحضور كبار المسؤولين من الجانبين. pic.twitter.com/lSNz5gSIyv',
      expect: [['pic.twitter.com/lSNz5gSIyv', URL], ['الجانبين.', `- ${URL}`]],
    },
    {
      // constructed: trailing punctuation is not part of the link
      line: 'المصدر: https://www.sana.sy/?p=1499795، وقد',
      expect: [['https://www.sana.sy/?p=1499795', URL], ['،', `- ${URL}`]],
    },
  ],

  dates: [
    {
      // 002: a date without a year
      line: '🗓 في 28 يناير، زار الوفد الروسي الرسمي المشترك بين المؤسسات',
      expect: [['28 يناير', PARTIAL_DATE], ['في ', `- ${PARTIAL_DATE}`], ['، زار', `- ${PARTIAL_DATE}`], ['🗓', `- ${DATE}`]],
    },
    {
      line: 'وفي 12 فبراير، خلال المحادثة الهاتفية بين الرئيس الروسي',
      expect: [['12 فبراير', PARTIAL_DATE]],
    },
    {
      // 004: English date in a tweet attribution
      line: '— رئاسة الجمهورية العربية السورية (@SyPresidency) January 28, 2026',
      expect: [['January 28, 2026', `meta.attribution.tweet.corpus ${DATE}`]],
    },
    {
      // constructed: Levantine month names with a year
      line: 'التقى الرئيس الروسي فلاديمير بوتين، نظيره السوري بشار الأسد، في الكرملين في 15 آذار 2023',
      expect: [['15 آذار 2023', DATE]],
    },
    {
      line: 'وذلك في 28 كانون الثاني 2026 وفي 3 تشرين الأول',
      expect: [['28 كانون الثاني 2026', DATE], ['3 تشرين الأول', PARTIAL_DATE]],
    },
    {
      // constructed: Arabic-Indic digits
      line: 'تاريخ النشر: الأربعاء، ١٥ مارس ٢٠٢٣',
      expect: [['الأربعاء، ١٥ مارس ٢٠٢٣', DATE]],
    },
    {
      // constructed: numeric dates
      line: 'نُشر في 15/03/2023 وحُدّث في 2023-03-16 و١٥/٣/٢٠٢٣',
      expect: [['15/03/2023', DATE], ['2023-03-16', DATE], ['١٥/٣/٢٠٢٣', DATE]],
    },
    {
      // 000: a year alone, a decimal number and a month name used as a word are not dates
      line: 'ما حدث عندما التقى الرئيس فلاديمير #بوتين أول مرة عام 2005 أي تقريبا',
      expect: [['2005', `- ${DATE}`]],
    },
    {
      line: '1.8 مليون ليتر مخصصات التربية من مازوت التدفئة',
      expect: [['1.8', `- ${DATE}`]],
    },
    {
      // constructed: «آب» needs a day or a year to be a month
      line: 'آب 2024 وآب والأب',
      expect: [['آب 2024', DATE], ['وآب', `- ${DATE} ${PARTIAL_DATE}`]],
    },
    {
      // constructed: a month name inside a verb is not a month; a proclitic may stick to a day number
      line: 'كان يمارس 2024 عمله، وزار موسكو و١٥ آذار ٢٠٢٣',
      expect: [['يمارس 2024', `- ${DATE}`], ['١٥ آذار ٢٠٢٣', DATE]],
    },
  ],

  quotes: [
    {
      // 001
      line: 'وفي مستهل القمة الثنائية قال الرئيس الأسد: “أنا سعيد أن نلتقي اليوم في موسكو”',
      expect: [
        ['“', 'string.quoted.double.corpus punctuation.definition.string.begin.corpus'],
        ['أنا سعيد أن نلتقي اليوم في موسكو', 'string.quoted.double.corpus'],
        ['”', 'string.quoted.double.corpus punctuation.definition.string.end.corpus'],
        ['قال الرئيس', '- string.quoted.double.corpus'],
      ],
    },
    {
      line: 'مصدر بهيئة الاشراف على التأمين لـ«غلوبال»: 120 ألفاً يستخدمون بطاقاتهم',
      expect: [['«غلوبال»', 'string.quoted.guillemet.corpus'], [': 120', '- string.quoted.guillemet.corpus']],
    },
    {
      // 003: ASCII quotes around speech
      line: 'وقال:"سعيد برؤيتكم في موسكو، وأشكركم على تلبية هذه الدعوة"، مضيفاً :" الشعب السوري تعرض للأسف لكارثة الزلزال".',
      expect: [
        ['"سعيد برؤيتكم في موسكو، وأشكركم على تلبية هذه الدعوة"', 'string.quoted.double.ascii.corpus'],
        ['، مضيفاً :', '- string.quoted.double.ascii.corpus'],
        ['" الشعب السوري تعرض للأسف لكارثة الزلزال"', 'string.quoted.double.ascii.corpus'],
      ],
    },
    {
      // an unclosed quote ends with its line
      line: 'حوار الرئيس الأسد مع "روسيا 1: الحل الوحيد هو أن تكون قوياً',
      expect: [['روسيا 1: الحل الوحيد', 'string.quoted.double.ascii.corpus']],
    },
    {
      line: 'الخطوط ليست مقفلة',
      expect: [['الخطوط', '- string.quoted.double.ascii.corpus']],
    },
  ],

  markers: [
    {
      line: '<!-- corpus-lint: entry -->',
      expect: [
        ['<!--', `meta.entry-marker.corpus ${COMMENT} punctuation.definition.comment.begin.corpus`],
        ['corpus-lint', `meta.entry-marker.corpus ${DIRECTIVE}`],
        ['entry', 'meta.entry-marker.corpus keyword.control.entry.corpus'],
        ['-->', `meta.entry-marker.corpus ${COMMENT} punctuation.definition.comment.end.corpus`],
      ],
    },
    {
      line: '<!-- corpus-lint-disable-next-line name-variant duplicate-paragraph -->',
      expect: [
        ['corpus-lint-disable-next-line', `${COMMENT} ${DIRECTIVE}`],
        ['name-variant', `${COMMENT} constant.language.rule-code.corpus`],
        ['duplicate-paragraph', `${COMMENT} constant.language.rule-code.corpus`],
      ],
    },
    {
      line: 'وأكد فلاديمير بوتن استعداد روسيا <!-- corpus-lint-disable-line name-variant --> الدائم للمساعدة',
      expect: [
        ['<!-- corpus-lint-disable-line name-variant -->', COMMENT],
        ['وأكد فلاديمير بوتن', `- ${COMMENT}`],
        ['الدائم', `- ${COMMENT}`],
      ],
    },
  ],

  metadata: [
    {
      // 003
      line: '  • تاريخ النشر: الأربعاء، 15 مارس 2023 آخر تحديث: الخميس، 16 مارس 2023',
      expect: [
        ['•', 'meta.metadata.corpus punctuation.definition.list.corpus'],
        ['تاريخ النشر', 'meta.metadata.corpus keyword.other.metadata.corpus'],
        ['الأربعاء، 15 مارس 2023', `meta.metadata.corpus ${DATE}`],
        ['آخر تحديث', 'meta.metadata.corpus keyword.other.metadata.corpus'],
        ['الخميس، 16 مارس 2023', `meta.metadata.corpus ${DATE}`],
      ],
    },
    {
      // constructed: a scraper's labelled header
      line: 'التاريخ: 2024-10-20',
      expect: [['التاريخ', 'meta.metadata.corpus keyword.other.metadata.corpus'], ['2024-10-20', `meta.metadata.corpus ${DATE}`]],
    },
    {
      // 004
      line: 'المصدر: RT',
      expect: [['المصدر', 'meta.metadata.corpus keyword.other.metadata.corpus'], [':', 'punctuation.separator.key-value.corpus'], ['RT', 'meta.metadata.corpus']],
    },
    {
      // a metadata word inside a sentence does not start a metadata line
      line: 'وذكر المصدر: أن الاجتماع عقد في موسكو',
      expect: [['المصدر', '- keyword.other.metadata.corpus']],
    },
    {
      // 004
      line: '— رئاسة الجمهورية العربية السورية (@SyPresidency) January 28, 2026',
      expect: [
        ['—', 'meta.attribution.tweet.corpus punctuation.separator.dash.corpus'],
        ['رئاسة الجمهورية العربية السورية', 'meta.attribution.tweet.corpus entity.name.author.corpus'],
        ['@SyPresidency', `meta.attribution.tweet.corpus ${MENTION}`],
      ],
    },
    {
      // constructed: a message header of Telegram's desktop app, copied with the message
      line: 'رئاسة الجمهورية العربية السورية, [20.10.24 14:35]',
      expect: [
        ['رئاسة الجمهورية العربية السورية', 'meta.post-header.corpus entity.name.author.corpus'],
        ['20.10.24', `meta.post-header.corpus ${DATE}`],
        [' 14:35', 'meta.post-header.corpus constant.numeric.time.corpus'],
      ],
    },
  ],
};
