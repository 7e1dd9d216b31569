/** Which date an entry takes: labelled lines anywhere in it, datelines in its lead, and the dates it only talks about. */
import * as assert from 'node:assert';
import { corpusOf } from '../helpers/fixture';

/** The date of the one entry of a one-file corpus («null» when undated), and the codes of its date findings. */
function dateOf(lines: string[]): string {
  const c = corpusOf([{ file: 'a.txt', text: lines.join('\n') }]);
  const [e] = c.entries('a.txt');
  const codes = c.findings('a.txt').filter((f) => f.code === 'undated-entry' || f.code === 'incomplete-date').map((f) => f.code);
  return `${e.date ?? e.dateText ?? null} ${codes.join(',')}`.trim();
}

const HEADLINE = 'ماكرون يشيد بالعلاقات مع المغرب في خطاب أمام البرلمان';
const LEAD =
  'أشاد الرئيس الفرنسي إيمانويل ماكرون، أمس الثلاثاء، في خطاب أمام أعضاء البرلمان المغربي بمجلسيه، بعمق العلاقات التاريخية بين البلدين.';
const BODY = 'وحضر الخطاب رئيس مجلس النواب ورئيس مجلس المستشارين، إلى جانب أعضاء الحكومة وعدد من السفراء المعتمدين في الرباط.';

describe('entry dates', () => {
  it('a labelled date line under the text dates the article as it does above it, in French, English or Arabic', () => {
    for (const bottom of [
      'Publié le 30/10/2024 à 11h20',
      'Publié le 30/10/2024',
      'Publié le 30 octobre 2024 à 11h20',
      'Date de publication : 30/10/2024',
      'Last updated on October 30, 2024',
      'نشر في 30/10/2024 على الساعة 11h20',
      'تم النشر في 30 أكتوبر 2024',
    ]) {
      assert.strictEqual(dateOf([HEADLINE, LEAD, BODY, bottom]), '2024-10-30', bottom);
    }
  });

  it('a French last-update line gives way to the publication line, wherever each stands', () => {
    const published = 'Publié le 30/10/2024 à 11h20';
    const updated = 'Mis à jour le 31/10/2024 à 09h00';
    assert.strictEqual(dateOf([HEADLINE, LEAD, BODY, updated, published]), '2024-10-30');
    assert.strictEqual(dateOf([HEADLINE, updated, LEAD, BODY, published]), '2024-10-30');
    assert.strictEqual(dateOf([HEADLINE, LEAD, BODY, updated]), '2024-10-31');
  });

  it('a Hijri date with its Gregorian equivalent written after it takes the written Gregorian day', () => {
    // Umm al-Qura puts 2 Ramadan 1445 on 12 March 2024; a country that sighted the moon a day later writes 13 March.
    for (const line of [
      'الثلاثاء ٢ رمضان ١٤٤٥ هـ الموافق ١٣ مارس ٢٠٢٤م',
      'الثلاثاء 2 رمضان 1445هـ الموافق لـ 13 مارس 2024م',
      'الثلاثاء 2 رمضان 1445 هـ الموافق 13/3/2024م',
      'الثلاثاء 2 رمضان 1445 هـ / 13 مارس 2024 م',
      'الثلاثاء 2 رمضان 1445 هـ (13 مارس 2024)',
      'تاريخ النشر: 2 رمضان 1445 هـ الموافق 13 مارس 2024م',
    ]) {
      assert.strictEqual(dateOf([HEADLINE, line, LEAD, BODY]), '2024-03-13', line);
    }
    // A Hijri date alone, or followed by a Gregorian date that is not given as its equivalent, keeps its own day.
    assert.strictEqual(dateOf([HEADLINE, 'الثلاثاء 2 رمضان 1445 هـ', LEAD, BODY]), '2024-03-12');
    assert.strictEqual(
      dateOf([HEADLINE, 'الثلاثاء 2 رمضان 1445 هـ، وكان الاجتماع السابق في 13 مارس 2024 بالرياض', LEAD, BODY]),
      '2024-03-12',
    );
  });

  describe('a date the lead talks about is not the entry\'s', () => {
    const headline = 'أخبار محلية متنوعة من المحافظات';
    const next = 'وأوضح المصدر أن الجهات المعنية تتابع الموضوع عن كثب وستعلن التفاصيل تباعا.';

    it('a day and month after a preposition of duration or limit, a birth or a holiday: undated, no incomplete date', () => {
      for (const lead of [
        'منذ 7 أكتوبر الماضي، تغيرت أولويات الحكومة في ملف الإعمار بشكل واضح.',
        'قبل 11 سبتمبر لم تكن إجراءات السفر بهذا التعقيد في المطارات الكبرى.',
        'اعتبارا من 1 يوليو تطبق البلدية رسوما جديدة على اللوحات الإعلانية.',
        'اعتباراً من 1 يوليو تطبق البلدية رسوما جديدة على اللوحات الإعلانية.',
        'حتى 30 يونيو يستطيع المواطنون تحديث بياناتهم عبر المنصة.',
        'وحتى 30 يونيو يستطيع المواطنون تحديث بياناتهم عبر المنصة.',
        'بعد 25 ديسمبر تنخفض أسعار الرحلات إلى أوروبا عادة.',
        'مواليد 15 مايو يحتفلون بأعياد ميلادهم في أجواء صيفية.',
        'عيد الأم في 21 مارس مناسبة ينتظرها الأبناء كل عام.',
        'اليوم العالمي للمرأة في 8 مارس فرصة لتكريم الرائدات.',
        'تنطلق البطولة في 19 سبتمبر المقبل بمشاركة عشرين فريقا.',
      ]) {
        assert.strictEqual(dateOf([headline, lead, next]), 'null undated-entry', lead);
      }
    });

    it('a full date after such a cue, in a relative clause, in the future or in a quotation: undated', () => {
      for (const lead of [
        'نعت الأوساط الثقافية الروائي الكبير الذي ولد في 12 مارس 1938 بمدينة حمص وكتب أكثر من ثلاثين رواية.',
        'عاد ملف الحريق الذي وقع في 9 فبراير 2019 إلى الواجهة بعد مطالبات الأهالي بكشف المتسببين.',
        'أعلنت الهيئة أن الانتخابات البلدية ستجرى يوم 14 نوفمبر 2026 في جميع الدوائر.',
        'دعت الوزارة المقاولين إلى تقديم عروضهم قبل 31 ديسمبر 2025 عبر البوابة الإلكترونية.',
        'دعت الوزارة المقاولين إلى تقديم عروضهم في موعد أقصاه 31 ديسمبر 2025 عبر البوابة.',
        'قال الوزير في حديث صحفي إن "القرار الذي صدر في 3 يناير 2019 لم يعد مناسبا للمرحلة".',
        'وأضاف المتحدث: "تسلمنا الشحنة في 2 أبريل 2024 وكانت ناقصة"، مطالبا بالتحقيق في الأمر.',
        'ومن المقرر أن يفتتح المعرض في 20 فبراير 2026 بحضور عدد من الوزراء.',
        'يستقبل المعرض زواره اعتبارا من 10/10/1436هـ، إلى 21/10/1436هـ، في مركز المعارض.',
        'أكد المدير أن الدراسة ستبدأ يوم الأحد 8/11/1436هـ الموافق 23/8/2015م في جميع المدارس.',
      ]) {
        assert.strictEqual(dateOf([headline, lead, next]), 'null undated-entry', lead);
      }
    });

    it('the day the lead states as its own, or a dateline, still dates the entry', () => {
      for (const [lead, date] of [
        ['أعلن وزير الصحة اليوم الأحد 15 مارس 2015 عن خطة لتوسعة المستشفيات في المنطقة.', '2015-03-15'],
        ['مددت الجوازات المهلة حتى اليوم الاثنين 27/07/2015 لتمكين المتأخرين من التسجيل.', '2015-07-27'],
        ['الرياض 15 مارس 2015 (واس) - بدأت اليوم أعمال المؤتمر الدولي للطاقة المتجددة.', '2015-03-15'],
        ['افتتح الأمير أمس الخميس 14 مايو 2015 مشروع الطريق الدائري في المدينة.', '2015-05-14'],
        ['دشن الأمير يوم الخميس 14 مايو 2015 مشروع الطريق الدائري في المدينة.', '2015-05-14'],
        ['عثرت الفرق على الطفلتين اللتين اختفتا من الشقة في "10-10-1436" وفق بيان الشرطة.', '2015-07-26'],
        ['قال شاهد "رأيت الحادث بنفسي، ووقع الانفجار في 4 أغسطس 2020 عند السادسة مساء.', '2020-08-04'],
        ['دمشق، 15 يناير الماضي 2023 – تفقد وزير الصحة سير العمل في المشفى.', '15 يناير incomplete-date'],
      ]) {
        assert.strictEqual(dateOf([headline, lead, next]), date, lead);
      }
    });

    it('a day and month without a year a few words after an event noun is the event\'s day: undated, no incomplete date', () => {
      for (const lead of [
        'عملية طوفان الأقصى في 7 أكتوبر كشفت ثغرات كبيرة في منظومة الإنذار المبكر.',
        'الهجوم المباغت في 7 أكتوبر غير حسابات الجيش على الجبهة الجنوبية.',
        'ضحايا الانفجار الكبير يوم 4 آب ما زالوا ينتظرون نتائج التحقيق.',
        'هجوم 7 أكتوبر غير قواعد الاشتباك في المنطقة بحسب تقرير نشر اليوم.',
        'السعوديون يحتفلون باليوم الوطني 23 سبتمبر بفعاليات في مختلف المناطق.',
      ]) {
        assert.strictEqual(dateOf([headline, lead, next]), 'null undated-entry', lead);
      }
    });

    it('without an event noun, or with a year, the date of the lead stays', () => {
      assert.strictEqual(
        dateOf([headline, 'في 7 أكتوبر، عقد مجلس الوزراء جلسته الأسبوعية برئاسة رئيس الحكومة.', next]),
        '7 أكتوبر incomplete-date',
      );
      assert.strictEqual(
        dateOf([headline, 'شنت الفصائل هجوما واسعا في 7 أكتوبر 2023 على مواقع عسكرية قرب الحدود.', next]),
        '2023-10-07',
      );
    });

    it('a labelled date line is what it says, whatever the lead talks about', () => {
      const lead = 'استأنفت المحكمة النظر في قضية الحريق الذي وقع في 9 فبراير 2019 وسط مطالبات بالمحاسبة.';
      assert.strictEqual(dateOf([headline, lead, next, 'تاريخ النشر: 10 مارس 2025']), '2025-03-10');
      assert.strictEqual(dateOf([headline, lead, next, 'Publié le 10/03/2025 à 11h20']), '2025-03-10');
    });
  });
});
