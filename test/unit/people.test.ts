/** The people and places index on the five seed documents: mention finding, clustering, short forms, the registry. */
import * as assert from 'node:assert';
import { assertExcludes, assertIncludes, assertNoneHolds } from '../helpers/lists';
import { Corpus } from '../../server/src/core/corpus';
import type { Entity, Mention, PeopleBuild, PeopleSnapshot, PeopleSources } from '../../server/src/core/people/index';
import { parseRegistryText, registryText, starterRegistry } from '../../server/src/core/people/registry';
import { normalizeForMatch, stripMarks } from '../../server/src/core/text/normalize';
import { WordJudge } from '../../server/src/core/people/judge';
import { indexLines, rangeOf } from '../../server/src/core/text/lines';
import { readSeeds } from '../helpers/fixture';

const seeds = readSeeds();
const file = (prefix: string): string => seeds.find((s) => s.file.startsWith(prefix))!.file;
const text = (prefix: string): string => seeds.find((s) => s.file.startsWith(prefix))!.text;

function seedCorpus(): Corpus {
  const c = new Corpus();
  c.applyChange({ changed: seeds });
  return c;
}

const corpus = seedCorpus();
const people = corpus.people();

/** The person whose mentions include this spelling (a full name is unique enough). */
function personNamed(snapshot: PeopleSnapshot, spelling: string): Entity {
  const found = snapshot.people.filter((p) => p.variants.some((v) => v.spelling === spelling));
  assert.strictEqual(found.length, 1, `one person spelled «${spelling}», found ${found.map((p) => p.id).join(', ')}`);
  return found[0];
}

/** The text a mention covers, as the CLI and the editor would show it. */
function covered(m: Mention): string {
  const lines = seeds.find((s) => s.file === m.file)!.text.split(/\r\n|\r|\n/);
  assert.strictEqual(m.range.start.line, m.range.end.line);
  return lines[m.range.start.line].slice(m.range.start.character, m.range.end.character);
}

/** Offsets of every occurrence of a string in a text. */
function occurrences(haystack: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) out.push(i);
  return out;
}

describe('people index on the seeds', () => {
  it('finds Putin as one person in all five files, with بوتن and the hashtag form', () => {
    const putin = personNamed(people, 'فلاديمير بوتين');
    const mentions = people.mentionsOf(putin.id);
    assert.deepStrictEqual([...new Set(mentions.map((m) => m.file))].sort(), seeds.map((s) => s.file).sort());
    const spellings = putin.variants.map((v) => v.spelling);
    assert.ok(spellings.includes('بوتين') && spellings.includes('فلاديمير بوتين'), spellings.join());
    assert.ok(mentions.some((m) => m.file === file('002') && covered(m).endsWith('بوتن')), 'بوتن in 002');
    // #بوتين is written ten times in 000 (sometimes after فلاديمير).
    const hashtags = mentions.filter((m) => m.hashtag);
    assert.strictEqual(hashtags.length, 10);
    for (const m of hashtags) assert.ok(covered(m).includes('#') || seeds.find((s) => s.file === m.file)!.text[m.start - 1] === '#');
    // Every بوتين / بوتن written as a word is his (46 in the seeds, proclitics such as وبوتين included).
    assert.strictEqual(mentions.filter((m) => /بوتين|بوتن/.test(m.spelling)).length, mentions.length);
    assert.strictEqual(putin.mentions, 46);
  });

  it('never finds a name inside a longer word (سبوتنيك holds بوتن)', () => {
    for (const m of people.mentionsOf(personNamed(people, 'فلاديمير بوتين').id)) {
      const t = seeds.find((s) => s.file === m.file)!.text;
      assert.ok(!/[\p{L}\p{M}]/u.test(t[m.end] ?? ' '), `letter after ${m.file}:${m.range.start.line + 1}`);
      const before = t.slice(0, m.start).replace(/[\u064b-\u065f\u0670]+$/, '');
      // Only a proclitic (و، ل، ب …) may be glued before the name.
      assert.ok(/(?:^|[^\p{L}])[وفبلك]{0,2}$/u.test(before), `glued before ${m.file}:${m.range.start.line + 1}: «${before.slice(-4)}»`);
    }
    const sputnik = occurrences(text('001'), 'سبوتنيك');
    assert.strictEqual(sputnik.length, 2);
    for (const at of sputnik) assert.strictEqual(people.entityAt(file('001'), at + 2), undefined);
  });

  it('ranges land on the name in the untouched text (UTF-16, emoji lines included)', () => {
    for (const e of [...people.people, ...people.places]) {
      for (const m of people.mentionsOf(e.id)) {
        const t = seeds.find((s) => s.file === m.file)!.text;
        assert.strictEqual(covered(m), t.slice(m.start, m.end));
        // «للأسد» is ل + الأسد with one lam: the range starts at the article's lam, the spelling is the name's.
        const shown = stripMarks(covered(m)).replace(/[#_\s]+/g, ' ');
        assert.ok(shown === m.spelling || 'ا' + shown === m.spelling, `${m.file}:${m.range.start.line + 1}: «${shown}» / «${m.spelling}»`);
      }
    }
    const sharaa = personNamed(people, 'أحمد الشرع');
    const emojiLine = people.mentionsOf(sharaa.id).find((m) => m.file === file('002') && m.range.start.line === 1);
    assert.ok(emojiLine, 'أحمد الشرع on the line after «🗓 في 28 يناير»');
  });

  it('keeps Ahmad al-Sharaa (002, 004) apart from the health minister Maher al-Sharaa', () => {
    const ahmad = personNamed(people, 'أحمد الشرع');
    const maher = personNamed(people, 'ماهر الشرع');
    assert.notStrictEqual(ahmad.id, maher.id);
    const mentions = people.mentionsOf(ahmad.id);
    assert.deepStrictEqual([...new Set(mentions.map((m) => m.file))].sort(), [file('002'), file('004')]);
    assert.strictEqual(mentions.length, 14);
    // The short form «الشرع» in 004 is the president the article is about.
    assert.ok(mentions.some((m) => m.file === file('004') && m.spelling === 'الشرع' && m.resolution !== 'name'));
    const maherAt = occurrences(text('002'), 'ماهر الشرع');
    assert.strictEqual(maherAt.length, 2);
    for (const at of maherAt) {
      assert.strictEqual(people.personAt(file('002'), at + 'ماهر '.length)?.person.id, maher.id);
      for (const m of mentions) assert.ok(m.file !== file('002') || m.end <= at || m.start >= at + 'ماهر الشرع'.length);
    }
    assert.deepStrictEqual(maher.roles, ['وزير الصحة']);
  });

  it('keeps Bashar and Asma al-Assad two people; «الرئيس الأسد» is Bashar', () => {
    const bashar = personNamed(people, 'بشار الأسد');
    const asma = personNamed(people, 'أسماء الأسد');
    assert.notStrictEqual(bashar.id, asma.id);
    const asmaMentions = people.mentionsOf(asma.id);
    assert.strictEqual(asmaMentions.length, 1);
    assert.ok(asmaMentions[0].hashtag);
    assert.strictEqual(covered(asmaMentions[0]), 'أسماء_الأسد');
    assert.ok(asma.roles.includes('السيدة الأولى'));
    const t = text('000');
    for (const at of occurrences(t, 'الرئيس #الأسد')) {
      assert.strictEqual(people.personAt(file('000'), at + 'الرئيس #'.length)?.person.id, bashar.id);
    }
    assert.strictEqual(bashar.mentions, 47);
    assert.ok(bashar.roles[0] === 'الرئيس');
  });

  it("finds Lavrentiev's ten mentions (five hashtags, five plain)", () => {
    const lavrentiev = people.people.find((p) => p.variants.some((v) => v.spelling.endsWith('لافرنتييف')))!;
    assert.ok(lavrentiev);
    const mentions = people.mentionsOf(lavrentiev.id);
    assert.strictEqual(mentions.length, 10);
    assert.strictEqual(mentions.filter((m) => m.hashtag).length, 5);
    assert.ok(mentions.every((m) => m.file === file('000')));
    // «ألكسندر» mostly stands right before him: learned as his given name.
    assert.strictEqual(lavrentiev.name, 'ألكسندر لافرنتييف');
  });

  it('finds the places of the summits and visits', () => {
    const names = people.places.map((p) => p.name);
    for (const p of ['موسكو', 'دمشق', 'الكرملين']) assert.ok(names.includes(p), p);
    // «بالعاصمة الروسية موسكو»: the adjective of a place is none.
    assert.ok(!names.includes('الروسية'), names.join(', '));
    const syria = people.places.find((p) => p.variants.some((v) => v.spelling === 'سوريا'))!;
    assert.ok(syria.variants.some((v) => v.spelling === 'سورية'), 'سورية / سوريا are one place');
    assert.strictEqual(people.placeAt(file('001'), text('001').indexOf('موسكو'))?.place.name, 'موسكو');
  });

  it('makes no places of the common nouns, duals and prepositional phrases after في، من، بين', () => {
    // «في الدفاع عن»، «معاناة السكان»، «من السياسة»، «في نقطة التحول»، «بين القائدين»، «بموضوع».
    const names = people.places.map((p) => p.name);
    assertExcludes(names, ['الدفاع', 'السكان', 'السياسة', 'نقطة', 'القائدين', 'موضوع']);
    assertIncludes(names, ['جنيف', 'سوتشي', 'دونباس', 'أوكرانيا']);
  });

  it('answers lookups by position and by id', () => {
    const at = text('003').indexOf('بوتين');
    const hit = people.personAt(file('003'), at + 1)!;
    assert.strictEqual(hit.person.name, 'فلاديمير بوتين');
    assert.strictEqual(people.person(hit.person.id), hit.person);
    assert.strictEqual(hit.person.firstDate, '2023-03-15');
    assert.strictEqual(hit.person.lastDate, '2026-01-28');
    assert.strictEqual(people.mentionsIn(file('003')).every((m, i, all) => i === 0 || all[i - 1].start <= m.start), true);
  });
});

/** A corpus of one file per line of text. */
function corpusOfLines(texts: string[]): Corpus {
  const c = new Corpus();
  c.applyChange({ changed: texts.map((t, i) => ({ file: `lines/${i}.txt`, text: `${t}\n` })) });
  return c;
}

function namesOf(c: Corpus): string[] {
  return c.people().people.map((p) => p.name);
}

describe('people in sports news', () => {
  const texts = [
    'وسجل لاعب برشلونة ليونيل ميسي هدفين في المباراة.',
    'وأشاد ليونيل ميسي بزملائه بعد الفوز الكبير.',
    'وقال مدرب المنتخب مانويل بليجريني إن الفريق جاهز للمباراة.',
    'وأصيب لاعب وسط الهلال سلمان الفرج في التدريبات أمس.',
    'وتألق حارس المرمى محمد العويس في اللقاء.',
    'ولم يكن الهلال في أفضل حالاته أمس.',
    'وقال لاعب الهلال سلمان الفرج إن الفريق سيعود أقوى.',
  ];
  const names = namesOf(corpusOfLines(texts));

  it('a player, coach or goalkeeper has his club or team before his name (لاعب برشلونة ليونيل ميسي)', () => {
    assertIncludes(names, ['ليونيل ميسي', 'مانويل بليجريني', 'سلمان الفرج', 'محمد العويس']);
    assertExcludes(names, ['لاعب برشلونة', 'لاعب الهلال', 'وسط الهلال', 'يكن الهلال', 'برشلونة ليونيل ميسي']);
  });
});

describe('people: a plural verb is no name, a French name ending in وا is', () => {
  const texts = [
    'وأبدى الأعضاء قلقهم من التأخير في انتخاب رئيس جديد للبنان وناشدوا كافة الأطراف العمل معا.',
    'وناشد الأهالي الجهات المختصة التدخل السريع.',
    'ناشد المواطنون البلدية إصلاح الطريق.',
    'وناشد المجلس الدول المانحة تقديم الدعم.',
    'وناشد الصليب الأحمر الأطراف حماية المدنيين.',
    'وأعرب الرئيس الفرنسي فرانسوا هولاند عن قلقه من التطورات.',
    'وأكدت الحكومة الفرنسية دعمها للمبادرة، وعاد الوفد من فرنسا أمس.',
  ];
  const c = corpusOfLines(texts);

  it('reads وناشدوا as a verb (وناشد is written three times) and فرانسوا as no verb', () => {
    const judge = new WordJudge(c.nameIndex());
    assert.strictEqual(judge.classOf('وناشدوا', normalizeForMatch('وناشدوا')), 'verb');
    assert.notStrictEqual(judge.classOf('فرانسوا', normalizeForMatch('فرانسوا')), 'verb');
    assert.ok(c.people().people.some((p) => p.name === 'فرانسوا هولاند'));
  });
});

describe('people: particles and numbers after a title', () => {
  it('makes no name of «لو كنت» or «نحو عشرة»', () => {
    const texts = [
      'وقال الملك لو كنت مكانكم لفعلت الشيء نفسه.',
      'وأضاف الملك لو كنت أعلم لأخبرتكم.',
      'وأكد الملك لو كنت هناك لرأيت ذلك بنفسك.',
      'وأعلن المتحدث نحو عشرة آلاف مشارك في الحفل.',
      'وذكر المتحدث نحو عشرة مصابين في الحادث.',
      'وأوضح المتحدث نحو عشرة قتلى بين المدنيين.',
    ];
    const names = namesOf(corpusOfLines(texts));
    assertNoneHolds(names, ['لو', 'كنت', 'نحو', 'عشرة']);
  });
});

describe('people of one name', () => {
  const texts = [
    // A verb or a noun once after a subject with a title: no person.
    'وخلال الحفل كان الرئيس يتباحث مع الوفد الزائر.',
    'وأضافت أن الفنانة الراحلة عانت من أزمة صحية.',
    'وكانت البلاد عانت من الجفاف طويلا.',
    // A one-name coach, after a title twice: a person.
    'وقال المدرب بيتوركا إن الفريق جاهز.',
    'وأكد المدرب بيتوركا أن المباراة صعبة.',
    'وغاب بيتوركا عن المؤتمر الصحفي.',
    // Inflected reporting verbs (أكد + ا، أشار + وا) and «للفن» (ل + الفن) after a title.
    'واتصل الرئيس عبدالفتاح السيسي بنظيره وأكدا أهمية التعاون.',
    'والتقى رئيس الوزراء وزير الخارجية أكدا خلاله أهمية التنسيق.',
    'والتقى الرئيس نظيره الفرنسي أكدا خلاله ضرورة الحل.',
    'وافتتح القاضي للفن معرضا في المدينة.',
    'وشكر القاضي للفن دوره في المجتمع.',
    'وتحدث عن حب الأطفال للفن والرسم.',
    'وقال إن الفن رسالة.',
  ];
  const c = corpusOfLines(texts);
  const names = namesOf(c);

  it('is someone only after a title twice or more: a verb after a subject is no one (الفنانة الراحلة عانت)', () => {
    assertIncludes(names, ['بيتوركا']);
    assertExcludes(names, ['يتباحث', 'عانت']);
  });

  it('is no past verb the corpus writes with a woman\'s ending or as a present verb (الإعلامي بادر، بادرت)', () => {
    const verbs = namesOf(
      corpusOfLines([
        'وسأل الضيف فرد الإعلامي بادر في حديثه إلى السؤال عن الموعد.',
        'وعند انتهاء اللقاء قال الإعلامي بادر على الفور إلى شكر الحضور.',
        'وقد بادرت الجمعية بالتبرع للمحتاجين.',
        'وقال المدرب بيتوركا إن الفريق جاهز.',
        'وأكد المدرب بيتوركا أن المباراة صعبة.',
      ]),
    );
    assertIncludes(verbs, ['بيتوركا']);
    assertNoneHolds(verbs, ['بادر']);
  });

  it('reads an inflected reporting verb (أكدا) as a verb and «للفن» as ل + الفن', () => {
    const judge = new WordJudge(c.nameIndex());
    assert.strictEqual(judge.classOf('أكدا', normalizeForMatch('أكدا')), 'verb');
    assert.ok(judge.hasProclitic('للفن', normalizeForMatch('للفن')));
    assertExcludes(names, ['أكدا', 'للفن']);
  });
});

describe('people: the body a spokesman speaks for', () => {
  it('is part of the role (المتحدث الرسمي لوزارة العدل منصور القفاري), not a name', () => {
    const names = namesOf(
      corpusOfLines([
        'صرح المتحدث الرسمي لوزارة العدل منصور القفاري بأن عدد القضايا مرتفع.',
        'وقال إن العدل أساس الملك.',
        'وفق بيان لوزارة العدل صدر أمس.',
        'وأكد المتحدث الأمني لوزارة الداخلية اللواء منصور التركي أن الوضع مستقر.',
        // الرسمي and الأمني are adjectives (الرسمية، الأمنية are written too).
        'وفي ختام الزيارة الرسمية للوفد.',
        'وقالت المصادر الأمنية إن الوضع هادئ.',
      ]),
    );
    assertIncludes(names, ['منصور القفاري', 'منصور التركي']);
    assertExcludes(names, ['لوزارة العدل', 'العدل', 'لوزارة الداخلية']);
  });
});

describe('people: a club or ministry named as the portfolio of offices', () => {
  it('is no family name (الزعيم السعودي الهلال), so «جاء الهلال» is no person', () => {
    const names = namesOf(
      corpusOfLines([
        'وسجل لاعب الهلال سالم الدوسري هدفا.',
        'وغاب لاعب الهلال ياسر الشهراني عن التدريب.',
        'وقال مدرب الهلال دونيس إن الفريق جاهز.',
        'وأكد الزعيم السعودي الهلال صدارته للدوري.',
        'وفي المباراة جاء الهلال متأخرا في النتيجة.',
        'وبعدها جاء الهلال بهدف التعادل.',
        'وقال اللاعب الهلال كوزمين أولاريو إن الفريق جاهز.',
      ]),
    );
    assertIncludes(names, ['سالم الدوسري', 'ياسر الشهراني']);
    assertNoneHolds(names, ['الهلال']);
  });
});

describe('people: a word read once after a known name', () => {
  it('is no part of it (الرئيس الأمريكي باراك أوباما تكساس: the name is باراك أوباما, Texas no name)', () => {
    const texts = [
      'وقال الرئيس الأمريكي باراك أوباما إن الاتفاق جيد.',
      'وأكد الرئيس الأمريكي باراك أوباما أن بلاده ملتزمة.',
      'وزار الرئيس الأمريكي باراك أوباما تكساس أمس.',
      'وفي تكساس ارتفعت درجات الحرارة إلى مستوى قياسي.',
      'وتشهد تكساس موجة حر جديدة.',
    ];
    const c = corpusOfLines(texts);
    const names = namesOf(c);
    assertIncludes(names, ['باراك أوباما']);
    assertExcludes(names, ['باراك أوباما تكساس', 'تكساس']);
    const snapshot = c.people();
    const texas = texts[3].indexOf('تكساس');
    assert.strictEqual(snapshot.personAt('lines/3.txt', texas), undefined);
  });
});

describe('people index updates', () => {
  it('reads only the edited file again when no name changes, and never answers from before the edit', () => {
    const c = seedCorpus();
    c.people();
    const f = file('003');
    const edited = text('003').replace('بوتين مستقبلاً الأسد', 'نص قصير. بوتين مستقبلاً الأسد');
    c.applyChange({ changed: [{ file: f, text: edited }] });
    const after = c.people();
    const stats = c.peopleIndexState().lastStats!;
    assert.strictEqual(stats.matchedFiles, 1);
    assert.strictEqual(stats.relearned, false);
    const at = edited.indexOf('بوتين');
    assert.strictEqual(after.personAt(f, at)?.person.name, 'فلاديمير بوتين');
    assert.strictEqual(after.mentionsOf(after.personAt(f, at)!.person.id).length, 46);
  });

  it('carries an out-of-date snapshot over to edits: moved mentions follow their text, edited ones are left out', () => {
    const c = seedCorpus();
    const before = c.people();
    const f = file('003');
    const old = text('003');
    // A name in the middle of the file replaced by longer text: the names after it move.
    const middle = before.mentionsIn(f)[Math.floor(before.mentionsIn(f).length / 2)];
    const edited = old.slice(0, middle.start) + 'نص قصير فلان' + old.slice(middle.end);
    c.applyChange({ changed: [{ file: f, text: edited }] });
    const view = before.since((x) => c.model(x));
    const fresh = c.people();
    const key = (m: Mention) => `${m.id} ${m.file} ${m.start}-${m.end} ${JSON.stringify(m.range)}`;
    const freshKeys = new Set([...fresh.people, ...fresh.places].flatMap((e) => fresh.mentionsOf(e.id).map(key)));
    const moved = view.mentionsIn(f);
    assert.strictEqual(moved.length, before.mentionsIn(f).length - 1);
    assert.ok(moved.some((m) => m.start > edited.indexOf('فلان')) && moved.some((m) => m.start < edited.indexOf('نص قصير')));
    for (const m of moved) {
      assert.ok(freshKeys.has(key(m)), `${key(m)} is a mention of the new build too`);
      assert.deepStrictEqual(view.entityAt(f, m.start)?.mention, m);
    }
    // Unchanged files keep their mentions as they were; inside the edited span the old snapshot answers nothing.
    assert.strictEqual(view.mentionsIn(file('000')), before.mentionsIn(file('000')));
    assert.strictEqual(view.entityAt(f, edited.indexOf('فلان') + 1), undefined);
    const putin = view.personAt(f, edited.indexOf('بوتين'))!;
    assert.strictEqual(putin.person.name, 'فلاديمير بوتين');
    assert.ok(view.mentionsOf(putin.person.id).every((m) => freshKeys.has(key(m))));
    // Events: the edited file's reports keep their entries, with their headlines where they are now.
    const reports = before.events.flatMap((e) => view.reportsOf(e.id).filter((r) => r.file === f).map((r) => ({ e, r })));
    assert.ok(reports.length > 0);
    for (const { e, r } of reports) {
      assert.deepStrictEqual(r.range, c.model(f)!.entries[r.entry].titleRange);
      assert.strictEqual(view.eventOfEntry(f, r.entry), e);
      assert.strictEqual(view.eventAt(f, r.range.start.line), e);
    }

    // An edit of the same length that breaks a line: the names after it keep their offsets, not their lines.
    const space = edited.indexOf(' ', edited.indexOf('فلان') + 4);
    const broken = edited.slice(0, space) + '\n' + edited.slice(space + 1);
    c.applyChange({ changed: [{ file: f, text: broken }] });
    const after = fresh.since((x) => c.model(x)).mentionsIn(f);
    assert.ok(after.some((m) => m.start > space));
    for (const m of after) assert.deepStrictEqual(m.range, rangeOf(indexLines(broken), m.start, m.end));

    // A file emptied since: none of its mentions are left.
    c.applyChange({ changed: [{ file: file('004'), text: '' }] });
    const later = before.since((x) => c.model(x));
    assert.deepStrictEqual(later.mentionsIn(file('004')), []);
    assert.ok(before.mentionsOf(putin.person.id).some((m) => m.file === file('004')));
    assert.ok(later.mentionsOf(putin.person.id).every((m) => m.file !== file('004')));
  });

  it('learns again when a file teaches a new name, and forgets a removed file', () => {
    const c = seedCorpus();
    c.people();
    c.applyChange({ changed: [{ file: 'new.txt', text: 'وقال وزير الخارجية الروسي سيرغي لافروف إن العلاقات مع سورية تتطور.\n' }] });
    const s = c.people();
    assert.strictEqual(c.peopleIndexState().lastStats!.relearned, true);
    assert.ok(s.people.some((p) => p.name === 'سيرغي لافروف'), s.people.map((p) => p.name).join(', '));
    c.applyChange({ removed: [file('004')] });
    const t = c.people();
    const ahmad = personNamed(t, 'أحمد الشرع');
    assert.deepStrictEqual([...new Set(t.mentionsOf(ahmad.id).map((m) => m.file))], [file('002')]);
  });
});

/** What a host reads of a corpus for a build in steps (the server hands the same). */
function sourcesOf(c: Corpus): PeopleSources {
  return { models: new Map(c.files().map((f) => [f, c.model(f)!])), names: c.nameIndex(), duplicates: c.duplicateIndex() };
}

/** Everything a snapshot answers, as one comparable value. */
function dump(s: PeopleSnapshot): unknown {
  const entity = (e: Entity) => ({ ...e, mentionList: s.mentionsOf(e.id).map((m) => [m.file, m.start, m.end, m.spelling, m.resolution]) });
  return { people: s.people.map(entity), places: s.places.map(entity), events: s.events };
}

/** Runs a build one piece of work per step; returns the number of steps, or -1 when it went stale. */
function drive(build: PeopleBuild, maxSteps = Infinity): number {
  for (let n = 1; n <= maxSteps; n++) {
    const r = build.step(() => true);
    if (r === 'done') return n;
    if (r === 'stale') return -1;
  }
  return 0;
}

describe('people index in steps', () => {
  it('builds in many small steps the snapshot a build at once gives', () => {
    const c = seedCorpus();
    const build = c.peopleIndexState().startBuild(sourcesOf(c));
    assert.equal(c.peopleIndexState().current(), null);
    const phases = new Set<string>();
    let steps = 0;
    for (let r = build.step(() => true); r === 'more'; r = build.step(() => true)) {
      phases.add(build.progress().phase);
      steps++;
    }
    assert.ok(steps > 20, `${steps} steps`);
    assert.deepEqual([...phases], ['evidence', 'learning', 'matching', 'clustering', 'events']);
    const snapshot = c.peopleIndexState().current()!;
    assert.equal(c.people(), snapshot);
    assert.deepEqual(dump(snapshot), dump(people));
  });

  it('is stale after a change, and the next build keeps the files matched so far', () => {
    const c = seedCorpus();
    c.people();
    const f = file('003');
    const edited = text('003').replace('بوتين مستقبلاً الأسد', 'نص قصير. بوتين مستقبلاً الأسد');
    c.applyChange({ changed: [{ file: f, text: edited }] });
    const build = c.peopleIndexState().startBuild(sourcesOf(c));
    assert.equal(drive(build, 3), 0);
    c.applyChange({ changed: [{ file: f, text: edited + '\nسطر آخر.\n' }] });
    assert.equal(build.step(() => false), 'stale');
    assert.ok(drive(c.peopleIndexState().startBuild(sourcesOf(c))) > 0);
    assert.equal(c.peopleIndexState().lastStats!.matchedFiles, 1);
    const cold = new Corpus();
    cold.applyChange({ changed: c.files().map((x) => ({ file: x, text: c.text(x)! })) });
    assert.deepEqual(dump(c.people()), dump(cold.people()));
  });

  it('gives a cold build\'s snapshot whatever changes interrupt builds at any step', () => {
    // New names (learning again), a removed file, a registry: each lands in the middle of a build.
    const changes: ((c: Corpus) => void)[] = [
      (c) => c.applyChange({ changed: [{ file: 'new.txt', text: 'وقال وزير الخارجية الروسي سيرغي لافروف إن العلاقات مع سورية تتطور.\n' }] }),
      (c) => c.applyChange({ removed: [file('004')] }),
      (c) => c.applyChange({ changed: [{ file: file('002'), text: text('002').replace(/بوتين/g, 'بوتن') }] }),
      (c) => c.setRegistry({ file: 'registry.json', text: '{ "version": 1, "people": [{ "id": "putin", "name": "فلاديمير بوتين", "variants": ["بوتن"] }] }' }),
      // Place cues only (في موسكو): checked against the place decisions without learning again.
      (c) => c.applyChange({ changed: [{ file: file('003'), text: text('003') + '\nوصل الوفد إلى موسكو وفي موسكو عقد اللقاء.\n' }] }),
      (c) => c.applyChange({ changed: [{ file: 'new.txt', text: 'التقى الرئيس الأسد في #موسكو الرئيس الروسي فلاديمير بوتين.\n' }] }),
    ];
    for (let k = 1; k <= changes.length; k++) {
      for (const interruptAt of [1, 12, 200]) {
        const c = seedCorpus();
        c.people();
        for (const change of changes.slice(0, k)) {
          change(c);
          drive(c.peopleIndexState().startBuild(sourcesOf(c)), interruptAt);
        }
        assert.ok(drive(c.peopleIndexState().startBuild(sourcesOf(c))) > 0);
        const cold = new Corpus();
        cold.setRegistry(c.peopleIndexState().registrySource());
        cold.applyChange({ changed: c.files().map((x) => ({ file: x, text: c.text(x)! })) });
        assert.deepEqual(dump(c.people()), dump(cold.people()), `${k} changes, builds interrupted after ${interruptAt} steps`);
      }
    }
  });

  it('a build at once (the CLI) makes a build in steps stale; the snapshot is the same', () => {
    const c = seedCorpus();
    const build = c.peopleIndexState().startBuild(sourcesOf(c));
    drive(build, 10);
    const snapshot = c.people();
    assert.equal(build.step(() => false), 'stale');
    assert.deepEqual(dump(snapshot), dump(people));
  });
});

describe('registry', () => {
  const registry = `{
  // Curated by an editor.
  "version": 1,
  "people": [
    { "id": "vladimir-putin", "name": "فلاديمير بوتين", "variants": ["بوتن"], "roles": ["رئيس روسيا"], "description": "President of Russia", "links": ["https://en.wikipedia.org/wiki/Vladimir_Putin"] },
    { "id": "maher-al-sharaa", "name": "ماهر الشرع", "description": "Health minister" }
  ],
  "places": [{ "id": "moscow", "name": "موسكو" }]
}`;

  it('parses a registry with positions, and reports errors with offsets', () => {
    const parsed = parseRegistryText(registry);
    assert.deepStrictEqual(parsed.errors, []);
    assert.strictEqual(parsed.registry!.people[0].id, 'vladimir-putin');
    const span = parsed.spans.people[0];
    assert.strictEqual(registry.slice(span.nameStart, span.nameEnd), 'فلاديمير بوتين');
    const bad = parseRegistryText('{ "version": 1, "people": [{ "id": "x", "names": "y" }] }');
    assert.strictEqual(bad.registry, null);
    assert.ok(bad.errors.length >= 1);
    assert.ok(bad.errors.some((e) => /name/.test(e.message)), bad.errors.map((e) => e.message).join('; '));
    const syntax = parseRegistryText('{ "version": 1, ');
    assert.strictEqual(syntax.registry, null);
    assert.match(syntax.errors[0].message, /JSON syntax error/);
    const dup = parseRegistryText('{ "version": 1, "people": [{ "id": "a", "name": "أحمد الشرع" }, { "id": "a", "name": "ماهر الشرع" }] }');
    assert.match(dup.errors[0].message, /used twice/);
  });

  it('gives ids, canonical names, descriptions and definitions from the registry', () => {
    const c = seedCorpus();
    assert.deepStrictEqual(c.setRegistry({ file: 'corpus-registry.json', text: registry }), []);
    const s = c.people();
    const putin = s.person('vladimir-putin')!;
    assert.strictEqual(putin.name, 'فلاديمير بوتين');
    assert.strictEqual(putin.mentions, 46);
    assert.strictEqual(putin.description, 'President of Russia');
    assert.deepStrictEqual(putin.roles[0], 'رئيس روسيا');
    assert.strictEqual(putin.definition!.file, 'corpus-registry.json');
    const line = registry.split('\n')[putin.definition!.range.start.line];
    assert.strictEqual(line.slice(putin.definition!.range.start.character, putin.definition!.range.end.character), 'فلاديمير بوتين');
    assert.strictEqual(s.person('maher-al-sharaa')!.mentions, 2);
    assert.strictEqual(s.place('moscow')!.mentions, 15);
    // Two people of one family stay two people.
    assert.ok(s.people.some((p) => p.name === 'أحمد الشرع' && p.mentions === 14));
  });

  it("a registry's one-word variant ties that word's mentions to the person when nothing else does (القيصر)", () => {
    const c = corpusOfLines([
      'وقال الرئيس الروسي فلاديمير بوتين إن المحادثات مثمرة.',
      'وأكد الرئيس الروسي فلاديمير بوتين أن بلاده لن تتراجع.',
      'وقال القيصر إن روسيا قوية.',
      'وأكد القيصر أن الغرب يخطئ.',
      'وشدد القيصر على وحدة البلاد.',
    ]);
    assert.strictEqual(personNamed(c.people(), 'فلاديمير بوتين').mentions, 2);
    assert.deepStrictEqual(c.setRegistry({ file: 'r.json', text: '{ "version": 1, "people": [{ "id": "putin", "name": "فلاديمير بوتين", "variants": ["القيصر"] }] }' }), []);
    const putin = c.people().person('putin')!;
    assert.strictEqual(putin.mentions, 5);
    assert.deepStrictEqual(
      c.people().mentionsIn('lines/3.txt').map((m) => [m.id, m.spelling, m.resolution]),
      [['putin', 'القيصر', 'registry']],
    );
  });

  it('an invalid registry is ignored and its errors returned', () => {
    const c = seedCorpus();
    const errors = c.setRegistry({ file: 'r.json', text: '{ "people": [] }' });
    assert.ok(errors.length >= 1);
    assert.ok(c.people().people.some((p) => p.name === 'فلاديمير بوتين'));
  });

  it('writes a starter registry from what the corpus taught, keeping existing entries', () => {
    const starter = starterRegistry(people, { minMentions: 3 });
    const names = starter.people.map((p) => p.name);
    assert.ok(names.includes('فلاديمير بوتين') && names.includes('بشار الأسد') && names.includes('أحمد الشرع'), names.join());
    assert.ok(!names.includes('أسماء الأسد'), 'one mention is below the threshold');
    const putin = starter.people.find((p) => p.name === 'فلاديمير بوتين')!;
    assert.ok(putin.variants!.includes('بوتن') || putin.variants!.includes('فلاديمير بوتن'));
    assert.strictEqual(putin.description, '');
    const round = parseRegistryText(registryText(starter));
    assert.deepStrictEqual(round.errors, []);
    const merged = starterRegistry(people, { existing: parseRegistryText(registry).registry });
    assert.strictEqual(merged.people[0].id, 'vladimir-putin');
    assert.strictEqual(merged.people.filter((p) => p.name === 'فلاديمير بوتين').length, 1);
    // With the starter registry in use, the same people keep the same ids.
    const c = seedCorpus();
    c.setRegistry({ file: 'r.json', text: registryText(starter) });
    const ids = new Set(c.people().people.map((p) => p.id));
    for (const p of starter.people) assert.ok(ids.has(p.id!), p.id);
  });
});

describe('people: «علي», the name Ali or the preposition على', () => {
  // Filler that writes the prepositions إلى and حتى, as a corpus does: with ى, or with ي.
  const filler = (ya: boolean) =>
    Array.from({ length: 12 }, (_, i) => `وصل الوفد ${ya ? 'إلي' : 'إلى'} المدينة رقم ${i} وبقي فيها ${ya ? 'حتي' : 'حتى'} المساء.`);
  const lines = [
    'وقال الرئيس السابق علي عبدالله صالح إن الحوار مستمر.',
    'وأكد الرئيس السابق علي عبدالله صالح أن الحرب لن تطول.',
    'والتقى علي عبدالله صالح بالوفد أمس.',
    'وقال الدكتور محمد علي العمري إن الدراسة انتهت.',
    'وأوضح الدكتور محمد علي العمري أن النتائج مشجعة.',
    'وأكد الرئيس على أهمية التعاون بين البلدين.',
  ];

  it('is the name in a corpus that writes إلى and حتى with ى (علي عبدالله صالح، محمد علي العمري)', () => {
    const names = namesOf(corpusOfLines([...lines, ...filler(false)]));
    assertIncludes(names, ['علي عبدالله صالح', 'محمد علي العمري']);
    assertExcludes(names, ['عبدالله صالح', 'علي العمري']);
  });

  it('stays the preposition in a corpus that writes إلي and حتي with ي (on, not Ali)', () => {
    const names = namesOf(corpusOfLines([...lines.map((l) => l.replace('على', 'علي')), ...filler(true)]));
    assertNoneHolds(names, ['علي']);
  });

  it('a common feminine or plural noun before a chain is no given name (عائلة بن لادن), a name is (محمد بن لادن)', () => {
    const names = namesOf(
      corpusOfLines([
        'وقال رجل الأعمال محمد بن لادن إن المشروع اكتمل.',
        'وأكد رجل الأعمال محمد بن لادن أن الشركة توسعت.',
        'وقال الشيخ محمد بن لادن إن العمل مستمر.',
        'وتحطمت طائرة خاصة تملكها عائلة بن لادن أمس.',
        'ونعت عائلة بن لادن الضحايا.',
        'وفي العائلة الكبيرة أفراد كثيرون، والطائرة الخاصة كانت جديدة.',
      ]),
    );
    assertIncludes(names, ['محمد بن لادن']);
    assertNoneHolds(names, ['عائلة']);
  });
});

describe('people: nouns after a title', () => {
  it('a feminine noun is no person of one name, nor a preposition on one a name (ضرورة، بإقالة، بمناسبة)', () => {
    const names = namesOf(
      corpusOfLines([
        'وأكد معالي الأمين العام ضرورة أن تعمل الدول معا.',
        'وأكد الأمين العام ضرورة أن يتعاون الجانبان.',
        'وجدد الأمين العام ضرورة أن تلتزم الأطراف بالقرارات.',
        'وطالب رئيس البرلمان رئيس الوزراء بإقالة عدد من الوزراء.',
        'وطالبنا رئيس الوزراء بإقالة الوزراء المتهمين.',
        'وتحدث عن إقالة الحكومة السابقة.',
        'وهنأ الملك رئيس جمهورية تشاد بمناسبة ذكرى اليوم الوطني.',
        'وهنأ ولي العهد رئيس جمهورية تشاد بمناسبة ذكرى الاستقلال.',
        'وفي هذه المناسبة ألقيت الكلمات.',
        'وقال الرئيس الأمريكي باراك أوباما إن الاتفاق جيد.',
        'وقال الرئيس أوباما إن المفاوضات مستمرة.',
        'وأكد الرئيس أوباما أهمية الحوار.',
      ]),
    );
    assertIncludes(names, ['باراك أوباما']);
    assertNoneHolds(names, ['ضرورة', 'بإقالة', 'بمناسبة']);
  });
});
