/** Events on the seeds: one event per reported meeting, reports of one event linked across files, the rest apart. */
import * as assert from 'node:assert';
import { Corpus } from '../../server/src/core/corpus';
import { DuplicateIndex } from '../../server/src/core/duplicates/index';
import type { CorpusEvent } from '../../server/src/core/people/index';
import { lineOf, readSeeds } from '../helpers/fixture';

const seeds = readSeeds();
const file = (prefix: string): string => seeds.find((s) => s.file.startsWith(prefix))!.file;
const text = (prefix: string): string => seeds.find((s) => s.file.startsWith(prefix))!.text;

const corpus = new Corpus();
corpus.applyChange({ changed: seeds });
const snapshot = corpus.people();
const personName = (id: string): string => snapshot.entity(id)?.name ?? id;

function eventAtLine(prefix: string, needle: string): CorpusEvent {
  const e = snapshot.eventAt(file(prefix), lineOf(text(prefix), needle));
  assert.ok(e, `an event at «${needle}»`);
  return e;
}

describe('events on the seeds', () => {
  it('links the Telegram post in 000 and the article in 001 on the September 2021 Moscow summit', () => {
    const summit = eventAtLine('000', 'الرئيس #الأسد خلال القمة مع الرئيس الروسي #بوتين');
    assert.strictEqual(summit.type, 'summit');
    assert.strictEqual(summit.place, 'موسكو');
    assert.deepStrictEqual(summit.participants.map(personName).sort(), ['بشار الأسد', 'فلاديمير بوتين']);
    assert.deepStrictEqual(
      summit.reports.map((r) => `${r.file}:${r.range.start.line}`),
      [`${file('000')}:${lineOf(text('000'), 'خلال القمة مع الرئيس الروسي')}`, `${file('001')}:${lineOf(text('001'), 'قمة سورية روسية في موسكو')}`],
    );
    assert.strictEqual(summit.title, 'قمة سورية روسية في موسكو بين الرئيسين الأسد وبوتين');
    // Neither report carries a date (001's «تاريخ اليوم» is a template remnant): the year cannot be resolved.
    assert.strictEqual(summit.date, null);
    assert.strictEqual(eventAtLine('001', 'وفي مستهل القمة الثنائية'), summit);
    assert.deepStrictEqual(snapshot.reportsOf(summit.id), summit.reports);
  });

  it('dates the March 2023 Kremlin meeting 2023-03-15', () => {
    const kremlin = eventAtLine('003', 'في الكرملين اليوم');
    assert.strictEqual(kremlin.date, '2023-03-15');
    assert.strictEqual(kremlin.type, 'meeting');
    assert.strictEqual(kremlin.place, 'الكرملين');
    assert.deepStrictEqual(kremlin.participants.map(personName).sort(), ['بشار الأسد', 'فلاديمير بوتين']);
    assert.strictEqual(kremlin.reports.length, 1);
  });

  it('keeps the formulaic «الرئيس الأسد يستقبل … لافرنتييف» posts apart: different visits', () => {
    const lines = seeds
      .find((s) => s.file === file('000'))!
      .text.split('\n')
      .map((l, i) => ({ l, i }))
      .filter(({ l }) => /^الرئيس #الأسد يستقبل/.test(l) && l.includes('لافرنتييف'));
    assert.strictEqual(lines.length, 5);
    const events = lines.map(({ i }) => snapshot.eventAt(file('000'), i)!);
    assert.strictEqual(new Set(events.map((e) => e.id)).size, 5);
    for (const e of events) {
      assert.strictEqual(e.reports.length, 1);
      assert.ok(e.participants.map(personName).includes('ألكسندر لافرنتييف'), e.title);
      // Putin is named as the one who sent the envoy, not as a participant.
      assert.ok(!e.participants.map(personName).includes('فلاديمير بوتين'), e.title);
    }
  });

  it('keeps 28 January apart from 28 January 2026: the same day and month in different events', () => {
    const visit = eventAtLine('002', 'زار الوفد الروسي الرسمي');
    const kremlin = eventAtLine('004', 'عُقِد اجتماع موسّع في قصر الكرملين');
    assert.notStrictEqual(visit.id, kremlin.id);
    assert.strictEqual(visit.type, 'visit');
    assert.strictEqual(visit.date, null);
    assert.strictEqual(visit.dateText, '28 يناير');
    assert.strictEqual(kremlin.date, '2026-01-28');
    assert.ok(visit.participants.map(personName).includes('أحمد الشرع'));
    assert.ok(visit.participants.map(personName).includes('ميخائيل بوغدانوف'));
    const call = eventAtLine('002', 'جرت محادثة هاتفية');
    assert.strictEqual(call.type, 'call');
    assert.deepStrictEqual(call.participants.map(personName).sort(), ['أحمد الشرع', 'فلاديمير بوتين']);
  });

  it('finds one event per reporting entry and no event without a participant', () => {
    for (const e of snapshot.events) assert.ok(e.participants.length >= 1, e.id);
    const reports = snapshot.events.flatMap((e) => e.reports.map((r) => `${r.file}:${r.entry}`));
    assert.strictEqual(new Set(reports).size, reports.length);
    assert.strictEqual(snapshot.events.length, 14);
  });
});

describe('event linking', () => {
  // Two reports trimmed from the seeds that share the copied quote of the summit.
  const quote =
    'أنا سعيد أن نلتقي اليوم في موسكو وقد مضى على العملية المشتركة لمكافحة الإرهاب الآن نحو ست سنوات حقق خلالها الجيشان العربي السوري والروسي إنجازات كبيرة ليس فقط من خلال تحرير الأراضي أو من خلال إعادة اللاجئين إلى مدنهم وقراهم';
  const report = (date: string, title: string) =>
    `${title}\n\nتاريخ النشر: ${date}\n\nعُقِدت في موسكو قمة سورية روسية بين الرئيسين بشار الأسد و فلاديمير بوتين جرى خلالها التباحث في ملفات التعاون الثنائي.\n\nوقال الرئيس الأسد: “${quote}”.\n`;

  function eventsOf(files: Record<string, string>): CorpusEvent[] {
    const c = new Corpus();
    c.applyChange({ changed: Object.entries(files).map(([f, t]) => ({ file: f, text: t })) });
    return c.people().events;
  }

  it('links reports that share a quote and are dated within two days', () => {
    const events = eventsOf({
      'a.txt': report('الثلاثاء، 14 سبتمبر 2021', 'قمة سورية روسية في موسكو بين الرئيسين الأسد وبوتين'),
      'b.txt': report('الأربعاء، 15 سبتمبر 2021', 'الرئيس الأسد في قمة مع الرئيس بوتين في موسكو'),
    });
    assert.strictEqual(events.length, 1);
    assert.strictEqual(events[0].reports.length, 2);
    assert.strictEqual(events[0].date, '2021-09-14');
  });

  it('keeps apart reports with the same day and month in different years, even with a shared quote', () => {
    const events = eventsOf({
      'a.txt': report('15 سبتمبر 2021', 'قمة سورية روسية في موسكو بين الرئيسين الأسد وبوتين'),
      'b.txt': report('15 سبتمبر 2022', 'قمة سورية روسية في موسكو بين الرئيسين الأسد وبوتين'),
    });
    assert.strictEqual(events.length, 2);
    assert.deepStrictEqual(events.map((e) => e.date).sort(), ['2021-09-15', '2022-09-15']);
  });

  it('never chains reports through a weak link', () => {
    // a and b share a quote, b and c share another one, but a and c are dated a year apart.
    const other = 'وأضاف الرئيس بوتين أن العلاقات الاقتصادية والتجارية بين البلدين تتطور حيث ازداد حجم التبادل التجاري خلال النصف الأول من السنة ثلاث مرات ونصف المرة وهذا يدل على متانة العلاقات';
    const events = eventsOf({
      'a.txt': report('15 سبتمبر 2021', 'قمة سورية روسية في موسكو'),
      'b.txt': report('16 سبتمبر 2021', 'قمة سورية روسية في موسكو').replace(/\n$/, `\n\n${other}.\n`),
      'c.txt': `قمة سورية روسية في موسكو\n\nتاريخ النشر: 15 سبتمبر 2022\n\nعُقِدت في موسكو قمة سورية روسية بين الرئيسين بشار الأسد و فلاديمير بوتين جرى خلالها التباحث في ملفات التعاون.\n\n${other}.\n\nوقال الرئيس الأسد: “${quote}”.\n`,
    });
    const byFile = new Map(events.flatMap((e) => e.reports.map((r) => [r.file, e.id] as const)));
    assert.strictEqual(byFile.get('a.txt'), byFile.get('b.txt'));
    assert.notStrictEqual(byFile.get('c.txt'), byFile.get('a.txt'));
  });
});

describe('events after an edit', () => {
  it('a rebuild asks the duplicate index only about the files holding reports (no batch of all pairs again)', () => {
    const quote = 'أنا سعيد أن نلتقي اليوم في موسكو وقد مضى على العملية المشتركة لمكافحة الإرهاب الآن نحو ست سنوات';
    const report = (date: string) =>
      `قمة سورية روسية في موسكو\n\nتاريخ النشر: ${date}\n\nعُقِدت في موسكو قمة سورية روسية بين الرئيسين بشار الأسد و فلاديمير بوتين.\n\nوقال الرئيس الأسد: “${quote}”.\n`;
    // Many files without any event: their paragraphs alone are enough questions to start the batch.
    const filler = (i: number) =>
      `نشرة الطقس والأسواق ${i}\n\n` +
      [0, 1, 2].map((k) => `تحدثت النشرة رقم ${i} في فقرتها ${k} عن درجات الحرارة وأسعار الخضار والفواكه في الأسواق المحلية خلال الأسبوع`).join('\n\n') +
      '\n';
    const files = [
      { file: 'a.txt', text: report('14 سبتمبر 2021') },
      { file: 'b.txt', text: report('15 سبتمبر 2021') },
      ...Array.from({ length: 300 }, (_, i) => ({ file: `f${i}.txt`, text: filler(i) })),
    ];
    const proto = DuplicateIndex.prototype as unknown as { allNearSteps: (...a: unknown[]) => Generator };
    const original = proto.allNearSteps;
    // The batch of all near pairs is this method: renamed, the spy below would count nothing and prove nothing.
    assert.strictEqual(typeof original, 'function');
    let batches = 0;
    proto.allNearSteps = function* (this: unknown, ...a: unknown[]) {
      batches++;
      return yield* original.apply(this, a);
    };
    try {
      const c = new Corpus();
      c.applyChange({ changed: files });
      const before = c.people().events;
      assert.strictEqual(before.length, 1);
      batches = 0;
      c.applyChange({ changed: [{ file: 'f7.txt', text: filler(7).replace('الطقس', 'الطقس اليوم') }] });
      const after = c.people().events;
      assert.strictEqual(batches, 0);
      assert.deepStrictEqual(after.map((e) => e.reports.map((r) => r.file)), before.map((e) => e.reports.map((r) => r.file)));
    } finally {
      proto.allNearSteps = original;
    }
  });
});

describe('an entry whose first line is not a headline', () => {
  // An article scraped without its headline: the first line is a paragraph of some 150 words.
  const filler = 'وتناول المسؤولون خلال الأيام الماضية الأوضاع الاقتصادية والخدمية في عدد من المحافظات وسبل تحسينها '.repeat(12).trim();
  const summit = 'عقدت في موسكو قمة سورية روسية بين الرئيسين بشار الأسد و فلاديمير بوتين';

  function eventsOf(files: Record<string, string>): CorpusEvent[] {
    const c = new Corpus();
    c.applyChange({ changed: Object.entries(files).map(([f, t]) => ({ file: f, text: t })) });
    return c.people().events;
  }

  it('reads the event from its first characters, like a lead', () => {
    const events = eventsOf({ 'a.txt': `${summit}. ${filler}.\n` });
    assert.strictEqual(events.length, 1);
    assert.strictEqual(events[0].type, 'summit');
    assert.ok(events[0].participants.length >= 1);
  });

  it('does not make an event of a trigger and names deep inside it', () => {
    assert.deepStrictEqual(eventsOf({ 'a.txt': `${filler}، ثم ${summit}.\n`, 'b.txt': `${summit}. ${filler}.\n` }).map((e) => e.reports[0].file), ['b.txt']);
  });
});

describe('an article credited to its reporter', () => {
  it('does not make the reporter a participant («أحمد علي- سبق- القاهرة:», «كتب: محمد الأحمد»)', () => {
    const c = new Corpus();
    const summit = 'عقدت في موسكو قمة بين الرئيسين بشار الأسد و فلاديمير بوتين تناولت العلاقات الثنائية والأوضاع في المنطقة';
    c.applyChange({
      changed: [
        { file: 'a.txt', text: `قمة روسية سورية في العاصمة الروسية\n\nفهد الغبيوي- سبق- موسكو: ${summit}.\n` },
        { file: 'b.txt', text: `لقاء القمة في العاصمة الروسية أمس\n\nكتب: فهد الغبيوي ${summit} أمس.\n` },
        { file: 'c.txt', text: `وقال الصحفي فهد الغبيوي إن المؤتمر ناجح.\nوأكد الصحفي فهد الغبيوي أن الحضور كبير.\n` },
      ],
    });
    const events = c.people().events;
    const reported = events.filter((e) => e.reports.some((r) => r.file !== 'c.txt'));
    assert.ok(reported.length >= 1 && reported.every((e) => e.participants.length >= 1), JSON.stringify(events));
    assert.ok(!reported.some((e) => e.participants.includes('person:فهد_الغبيوي')), JSON.stringify(reported.map((e) => e.participants)));
  });

  it('nor a label and a dash before the name and its colon at the start of a first line read as a lead («بروفايل سبق – فهد الغبيوي:»)', () => {
    const c = new Corpus();
    const summit = 'عقدت في موسكو قمة بين الرئيسين بشار الأسد و فلاديمير بوتين تناولت العلاقات الثنائية والأوضاع في المنطقة';
    const long = `بروفايل سبق – فهد الغبيوي: ${summit}، وهي القمة الثالثة بين الجانبين خلال العام الجاري بعد لقاءين سابقين في سوتشي ودمشق تناولا ملفات الطاقة والنقل والتجارة والاستثمار.`;
    c.applyChange({
      changed: [
        { file: 'a.txt', text: `${long}\n` },
        { file: 'b.txt', text: 'عاجل – فهد الغبيوي: قمة بين الرئيسين بشار الأسد و فلاديمير بوتين في موسكو\n' },
        { file: 'c.txt', text: `وقال الصحفي فهد الغبيوي إن المؤتمر ناجح.\nوأكد الصحفي فهد الغبيوي أن الحضور كبير.\n` },
      ],
    });
    const events = c.people().events;
    const inA = events.filter((e) => e.reports.some((r) => r.file === 'a.txt'));
    assert.ok(inA.length === 1 && inA[0].participants.length >= 1, JSON.stringify(events));
    assert.ok(!inA[0].participants.includes('person:فهد_الغبيوي'), JSON.stringify(inA[0].participants));
    // In a headline the same shape is a speaker, not a credit.
    const inB = events.filter((e) => e.reports.some((r) => r.file === 'b.txt'));
    assert.ok(inB.some((e) => e.participants.includes('person:فهد_الغبيوي')), JSON.stringify(inB.map((e) => e.participants)));
  });
});

