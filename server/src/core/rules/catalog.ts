/**
 * The one place that describes each rule: stable code, default severity, summary, documentation URL and the text
 * of `corpus-lint explain CODE` (also used by the hover on a diagnostic and by SARIF rule help).
 */
import type { RuleCode, Severity } from '../types';

export interface RuleDoc {
  code: RuleCode;
  defaultSeverity: Severity;
  summary: string;
  why: string;
  example: string;
  configure: string;
}

export const DOCS_BASE_URL = 'https://github.com/corpus-lint/corpus-lint/blob/main/docs/rules.md';

export const RULES: Record<RuleCode, RuleDoc> = {
  'duplicate-paragraph': {
    code: 'duplicate-paragraph',
    defaultSeverity: 'warning',
    summary: 'The same paragraph appears more than once, in one file or across files, after normalization.',
    why:
      'Scrapes repeat blocks of a post or copy a whole paragraph from another source. Every copy is linked to the ' +
      'others. Normalization ignores diacritics, tatweel, hamza forms on alef, ى/ي, ة/ه, punctuation, hashtag signs ' +
      'and digit scripts, and the comparison leaves out a breaking-news label opening a line («🔴 عاجل |») and a ' +
      'channel\'s signature closing it («… @chan», «… | تابعونا»). Paragraphs of fewer than 8 words, headlines over ' +
      'a post\'s or an article\'s text (a one-line post is its own text, and is compared) and lines repeated in many ' +
      'files (boilerplate) are never reported.',
    example:
      '002.txt:2  warning  Duplicated paragraph: the same text is at line 8  duplicate-paragraph\n' +
      '001.txt:14  warning  Duplicated paragraph: the same text is at 000.txt:46  duplicate-paragraph\n' +
      'Fix: remove the repeated paragraph (a safe fix, offered on the later copy when both are in the same file).',
    configure:
      '"rules": { "duplicate-paragraph": "error" }; "duplicates": { "minWords": 8, "boilerplateMinFiles": 6 }',
  },
  'near-duplicate-paragraph': {
    code: 'near-duplicate-paragraph',
    defaultSeverity: 'information',
    summary: 'A paragraph is nearly the same as another (small edits), or copied inside a longer one.',
    why:
      'Sources re-publish the same text with small edits: punctuation, a hashtag, quotes, a prefix such as ' +
      '«وقال الرئيس:», one word changed. Paragraphs are compared on 5-word shingles of normalized words: a Jaccard ' +
      'similarity of 0.8 or more is a near-duplicate. Shingles punish a changed word five times over, so paragraphs ' +
      'of 20 words or more whose words are 90% the same in the same order are near-duplicates too (halfway between ' +
      'nearThreshold and identity). When 80% of a paragraph is found inside a longer one, it is reported as copied ' +
      'into it. Runs of words shared by paragraphs of boilerplateMinFiles files or more are formulas (an agency\'s ' +
      'fixed opening, a footer that changes a word): the words outside them must match too. Two paragraphs that ' +
      'differ only in numbers written in digits, in entries with different dates, are two days\' issues of a bulletin ' +
      '(a toll, a league table), not copies.',
    example:
      '000.txt:44  information  Copied into a longer paragraph at 001.txt:12 (98% of its text)  near-duplicate-paragraph',
    configure: '"duplicates": { "nearThreshold": 0.8, "containmentThreshold": 0.8, "nearMinWords": 10 }',
  },
  'name-variant': {
    code: 'name-variant',
    defaultSeverity: 'warning',
    summary: 'A person or place is spelled differently from its canonical spelling elsewhere in the corpus.',
    why:
      'Spellings are grouped by orthographic variant classes (hamza on alef, ى/ي, ة/ه, a long vowel doubled or ' +
      'dropped in a transliteration, letters for foreign sounds, Persian look-alike letters, a compound name written ' +
      'as one word or two: عبدالملك / عبد الملك، نصرالله / نصر الله), never by edit distance. ' +
      'Proclitics (و ف ب ل ك) are set aside only when the rest is attested on its own, and a name never matches inside ' +
      'a longer word. A variant is reported only when the group is used as a name (hashtags, words after a title, a ' +
      'transliteration shape), both spellings share a context word, and the canonical spelling (the corpus majority ' +
      'or the config) is used at least twice as often. Balanced pairs are house styles: the config decides. An ' +
      'adjective the corpus also writes in the feminine or as its country (الفرنسي: الفرنسية، فرنسا), and a word it ' +
      'also writes with other pronoun endings (شكره: شكرها، شكرهم), are common words, never names.',
    example:
      '002.txt:17  warning  «بوتن» is a variant spelling of «بوتين» (used 44 times in the corpus; this spelling 2 times)  ' +
      'name-variant',
    configure:
      '"names": { "preferred": { "سوريا": ["سورية"] }, "minRatio": 2 } — the preferred spelling wins over the ' +
      'majority, and its fix is applied by `check --fix`.',
  },
  'undated-entry': {
    code: 'undated-entry',
    defaultSeverity: 'warning',
    summary: 'An entry (a Telegram post, an article) carries no date.',
    why:
      'A news item without a date cannot be placed on a timeline or matched to the event it reports. The date is ' +
      'looked for in labelled date lines anywhere in the entry (تاريخ النشر، «نشر في», «Publié le», a tweet ' +
      'attribution, a copied message\'s header), in the headline and the two lines after it (a dateline), and at the ' +
      'start of the first paragraph when a subtitle and a byline push it down. Dates the lead only talks about are not ' +
      'the entry\'s: after «منذ», «قبل», «حتى», «اعتبارا من», a birth or a holiday, in a quotation, in the future or ' +
      'with «الماضي/المقبل»; so are dates under a related-articles or comments heading. «تاريخ اليوم», اليوم and أمس ' +
      'are not dates.',
    example: '000.txt:8  warning  Entry has no date: «الرئيس الأسد يستقبل …»  undated-entry',
    configure: '"rules": { "undated-entry": "off" } to silence it for a corpus without dates.',
  },
  'incomplete-date': {
    code: 'incomplete-date',
    defaultSeverity: 'information',
    summary: 'An entry is dated without a year («في 28 يناير»).',
    why:
      'Two different events can share a day and a month: without the year the entry cannot be placed on a timeline. ' +
      'Milder than undated-entry. A range of days without a year («من 15 إلى 20 مارس») is a period the text talks ' +
      'about, not its date, and is not reported.',
    example: '002.txt:1  information  Date «28 يناير» has no year  incomplete-date',
    configure: '"rules": { "incomplete-date": "hint" }',
  },
};

export const RULE_CODES = Object.keys(RULES) as RuleCode[];

export function isRuleCode(s: string): s is RuleCode {
  return Object.prototype.hasOwnProperty.call(RULES, s);
}

export function ruleDocUrl(code: RuleCode): string {
  return `${DOCS_BASE_URL}#${code}`;
}

/** The text of `corpus-lint explain CODE`. */
export function explainRule(code: RuleCode): string {
  const r = RULES[code];
  return [
    `${r.code} (default severity: ${r.defaultSeverity})`,
    '',
    r.summary,
    '',
    'Why: ' + r.why,
    '',
    'Example:',
    ...r.example.split('\n').map((l) => '  ' + l),
    '',
    'Configure: ' + r.configure,
    '',
    `Documentation: ${ruleDocUrl(code)}`,
  ].join('\n');
}
