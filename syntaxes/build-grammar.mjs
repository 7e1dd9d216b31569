// Writes syntaxes/corpus.tmLanguage.json, the TextMate grammar of the `corpus` language (scope `text.corpus`).
// The month and weekday lists live here, readable; edit this file, then run `node syntaxes/build-grammar.mjs`.
// `--check` fails when the JSON on disk differs from what this script would write (run by `npm run test:grammar`).
import fs from 'node:fs';
const D = '[0-9\\x{0660}-\\x{0669}\\x{06F0}-\\x{06F9}]';
const notLetterBefore = '(?<![\\p{L}\\p{M}\\p{N}_])';
const notLetterAfter = '(?![\\p{L}\\p{M}\\p{N}_])';
const weekday = '(?:السبت|الأحد|الاحد|الإثنين|الاثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة)';
const monthsEgyptian = ['يناير', 'فبراير', 'مارس', 'أبريل', 'ابريل', 'إبريل', 'مايو', 'يونيو', 'يونيه', 'يوليو', 'يوليه', 'أغسطس', 'اغسطس', 'سبتمبر', 'أكتوبر', 'اكتوبر', 'نوفمبر', 'ديسمبر'];
const monthsLevantine = ['كانون الثاني', 'كانون الأول', 'كانون الاول', 'شباط', 'آذار', 'اذار', 'نيسان', 'أيار', 'ايار', 'حزيران', 'تموز', 'آب', 'أيلول', 'ايلول', 'تشرين الأول', 'تشرين الاول', 'تشرين الثاني'];
const monthsMaghreb = ['جانفي', 'فيفري', 'أفريل', 'افريل', 'ماي', 'جوان', 'جويلية', 'أوت', 'اوت'];
// longest first so that «كانون الثاني» wins over a shorter alternative
const arMonth = '(?:' + [...monthsEgyptian, ...monthsLevantine, ...monthsMaghreb].sort((a, b) => b.length - a.length).join('|') + ')';
const enMonth = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)';
const weekdayPrefix = `(?:${weekday}\\s*[،,]?\\s*)?`;
const day = `${D}{1,2}`;
const year = `${D}{4}`;
// Where a day-month date may start: after a weekday, at a day number (a proclitic may stick to it: «و١٥ آذار»), or,
// when the day is optional, at the month name itself (never inside a word: «يمارس» is a verb, not «مارس»).
const dayMonthStart = (dayOptional) =>
  `(?:${notLetterBefore}${weekday}\\s*[،,]?\\s*${day}\\s+|(?<![\\p{N}A-Za-z_])${day}\\s+` +
  (dayOptional ? `|${notLetterBefore}${weekday}\\s*[،,]?\\s*|${notLetterBefore}` : '') + ')';

const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'Corpus',
  scopeName: 'text.corpus',
  comment: 'Arabic news texts (Telegram exports, news pages): entry markers, metadata lines, tweet attributions, hashtags, mentions, URLs, dates, quoted speech.',
  patterns: [
    { include: '#entry-marker' },
    { include: '#comment' },
    { include: '#metadata-line' },
    { include: '#tweet-attribution' },
    { include: '#post-header' },
    { include: '#signature-line' },
    { include: '#inline' },
  ],
  repository: {
    'entry-marker': {
      comment: 'A line of its own that starts a new entry: <!-- corpus-lint: entry -->',
      match: '^\\s*(<!--)\\s*(corpus-lint)\\s*(:)\\s*(entry)\\s*(-->)\\s*$',
      name: 'meta.entry-marker.corpus comment.block.corpus',
      captures: {
        1: { name: 'punctuation.definition.comment.begin.corpus' },
        2: { name: 'keyword.control.directive.corpus' },
        3: { name: 'punctuation.separator.key-value.corpus' },
        4: { name: 'keyword.control.entry.corpus' },
        5: { name: 'punctuation.definition.comment.end.corpus' },
      },
    },
    comment: {
      comment: 'HTML-style comments; corpus-lint directives inside them (suppressions, entry markers).',
      begin: '<!--',
      end: '-->',
      beginCaptures: { 0: { name: 'punctuation.definition.comment.begin.corpus' } },
      endCaptures: { 0: { name: 'punctuation.definition.comment.end.corpus' } },
      name: 'comment.block.corpus',
      patterns: [
        { match: '(?<![\\w-])corpus-lint(?:-(?:disable|enable)(?:-next-line|-line|-file)?)?(?![\\w-])', name: 'keyword.control.directive.corpus' },
        { match: '(?<=:)\\s*(entry)(?![\\w-])', captures: { 1: { name: 'keyword.control.entry.corpus' } } },
        { match: '(?<![\\w-])[a-z]+(?:-[a-z]+)+(?![\\w-])', name: 'constant.language.rule-code.corpus' },
      ],
    },
    'metadata-line': {
      comment: 'Publication metadata of a news page: «تاريخ النشر: …», «آخر تحديث: …», «المصدر: …» (a bullet may lead).',
      begin: '^\\s*(?:([•·▪●*-])\\s*)?(تاريخ النشر|آخر تحديث|اخر تحديث|تاريخ التحديث|التاريخ|المصدر)\\s*(:)',
      beginCaptures: {
        1: { name: 'punctuation.definition.list.corpus' },
        2: { name: 'keyword.other.metadata.corpus' },
        3: { name: 'punctuation.separator.key-value.corpus' },
      },
      end: '$',
      name: 'meta.metadata.corpus',
      patterns: [
        {
          match: '(آخر تحديث|اخر تحديث|تاريخ التحديث|تاريخ النشر)\\s*(:)',
          captures: { 1: { name: 'keyword.other.metadata.corpus' }, 2: { name: 'punctuation.separator.key-value.corpus' } },
        },
        { include: '#inline' },
      ],
    },
    'tweet-attribution': {
      comment: 'The attribution line of an embedded tweet: «— Name (@handle) January 28, 2026».',
      match: '^\\s*([—―–])\\s*([^(\\n]+?)\\s*(\\()(@[A-Za-z0-9_]{1,32})(\\))\\s*(.*?)\\s*$',
      name: 'meta.attribution.tweet.corpus',
      captures: {
        1: { name: 'punctuation.separator.dash.corpus' },
        2: { name: 'entity.name.author.corpus' },
        3: { name: 'punctuation.definition.handle.begin.corpus' },
        4: { patterns: [{ include: '#mention' }] },
        5: { name: 'punctuation.definition.handle.end.corpus' },
        6: { patterns: [{ include: '#date' }] },
      },
    },
    'post-header': {
      comment: 'The header of a message copied from Telegram\'s desktop app: «Channel, [20.10.24 14:35]».',
      match:
        '^\\s*(?:([^\\[\\]\\n]{1,100}?)(,)\\s?)?(\\[)(\\d{1,2}[./-]\\d{1,2}[./-]\\d{2}(?:\\d{2})?|\\d{4}-\\d{2}-\\d{2})(,?\\s\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\s?[AaPp]\\.?[Mm]\\.?)?)(\\])\\s*$',
      name: 'meta.post-header.corpus',
      captures: {
        1: { name: 'entity.name.author.corpus' },
        2: { name: 'punctuation.separator.comma.corpus' },
        3: { name: 'punctuation.definition.date.begin.corpus' },
        4: { name: 'constant.numeric.date.corpus' },
        5: { name: 'constant.numeric.time.corpus' },
        6: { name: 'punctuation.definition.date.end.corpus' },
      },
    },
    'signature-line': {
      comment: 'A channel signature alone on its line (@syrianpresidency): it often ends a Telegram post.',
      match: '^\\s*(@[A-Za-z0-9_]{2,32})\\s*$',
      name: 'meta.signature.corpus',
      captures: { 1: { patterns: [{ include: '#mention' }] } },
    },
    inline: {
      patterns: [
        { include: '#url' },
        { include: '#hashtag' },
        { include: '#mention' },
        { include: '#date' },
        { include: '#quote' },
      ],
    },
    url: {
      match: `(?<![\\p{L}\\p{N}/@.])(?:https?://|www\\.|t\\.me/|pic\\.twitter\\.com/)[^\\s«»“”"'<>\\[\\]()]+(?<![.,،؛:;!?…])`,
      name: 'markup.underline.link.corpus',
    },
    hashtag: {
      comment: 'A hashtag that may carry a name: #بوتين, #بشار_الأسد. Not inside a word or a URL.',
      match: '(?<![\\p{L}\\p{M}\\p{N}_&#/])(#)((?:[\\p{N}_]*[\\p{L}])[\\p{L}\\p{M}\\p{N}_\\x{200C}]*)',
      name: 'entity.name.tag.hashtag.corpus',
      captures: { 1: { name: 'punctuation.definition.hashtag.corpus' } },
    },
    mention: {
      comment: 'A Telegram or Twitter handle: @syrianpresidency. Not an e-mail address.',
      match: '(?<![\\p{L}\\p{N}_.@/])(@)([A-Za-z0-9_]{2,32})(?![A-Za-z0-9_@])',
      name: 'variable.other.mention.corpus',
      captures: { 1: { name: 'punctuation.definition.mention.corpus' } },
    },
    date: {
      patterns: [
        {
          comment: 'English: January 28, 2026 / Jan 28 2026 / 28 January 2026',
          match: `\\b(?:${enMonth}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}\\s+${enMonth}\\.?,?\\s+\\d{4})\\b`,
          name: 'constant.numeric.date.corpus',
        },
        {
          comment: 'Arabic with a year: «الأربعاء، 15 مارس 2023», «١٥ آذار ٢٠٢٣», «كانون الثاني 2025»',
          match: `${dayMonthStart(true)}${arMonth}\\s*[،,]?\\s+${year}(?:\\s*م${notLetterAfter})?${notLetterAfter}`,
          name: 'constant.numeric.date.corpus',
        },
        {
          comment: 'Arabic without a year: «في 28 يناير» (an incomplete date)',
          match: `${dayMonthStart(false)}${arMonth}${notLetterAfter}`,
          name: 'constant.numeric.date.partial.corpus',
        },
        {
          comment: 'Numeric: 2023-03-15, 15/03/2023, ١٥/٣/٢٠٢٣',
          match: `(?<![\\p{N}A-Za-z_/.:-])(?:${D}{4}([-/.])${D}{1,2}\\1${D}{1,2}|${D}{1,2}([-/.])${D}{1,2}\\2(?:${D}{4}|${D}{2}))(?![\\p{N}\\p{L}/]|[.:-]\\p{N})`,
          name: 'constant.numeric.date.corpus',
        },
      ],
    },
    quote: {
      comment: 'Quoted speech, kept to one line so that a stray quote mark never colours the rest of the file.',
      patterns: [
        {
          begin: '“', end: '”|$', name: 'string.quoted.double.corpus',
          beginCaptures: { 0: { name: 'punctuation.definition.string.begin.corpus' } },
          endCaptures: { 0: { name: 'punctuation.definition.string.end.corpus' } },
          patterns: [{ include: '#quote-inner' }],
        },
        {
          begin: '«', end: '»|$', name: 'string.quoted.guillemet.corpus',
          beginCaptures: { 0: { name: 'punctuation.definition.string.begin.corpus' } },
          endCaptures: { 0: { name: 'punctuation.definition.string.end.corpus' } },
          patterns: [{ include: '#quote-inner' }],
        },
        {
          begin: '"', end: '"|$', name: 'string.quoted.double.ascii.corpus',
          beginCaptures: { 0: { name: 'punctuation.definition.string.begin.corpus' } },
          endCaptures: { 0: { name: 'punctuation.definition.string.end.corpus' } },
          patterns: [{ include: '#quote-inner' }],
        },
      ],
    },
    'quote-inner': {
      patterns: [
        { include: '#url' },
        { include: '#hashtag' },
        { include: '#mention' },
        { include: '#date' },
        { match: '“[^”\\n]*”', name: 'string.quoted.double.inner.corpus' },
        { match: '«[^»\\n]*»', name: 'string.quoted.guillemet.inner.corpus' },
      ],
    },
  },
};
const target = new URL('./corpus.tmLanguage.json', import.meta.url);
const text = JSON.stringify(grammar, null, 2) + '\n';
if (process.argv.includes('--check')) {
  if (!fs.existsSync(target) || fs.readFileSync(target, 'utf8') !== text) {
    console.error('syntaxes/corpus.tmLanguage.json is out of date: run node syntaxes/build-grammar.mjs');
    process.exit(1);
  }
} else {
  fs.writeFileSync(target, text);
}
