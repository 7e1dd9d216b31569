/**
 * The body or country an office acts for, named after a preposition (الناطق باسم كتائب القسام، الأمين العام للأمم
 * المتحدة، المبعوث الأممي إلى ليبيا، في الاتحاد الأوروبي), is part of the role, and the name after it is a person's.
 */
import * as assert from 'node:assert';
import { assertExcludes, assertIncludes, assertNoneHolds } from '../helpers/lists';
import { peopleNamesOf, peopleSnapshotOf } from '../helpers/people';

const namesOf = (texts: string[]) => peopleNamesOf(texts, 'bodies');

describe('people: a body named after a preposition in the role', () => {
  it('skips the body and reads the name after it, with the body in the role', () => {
    const texts = [
      'قال الأمين العام للأمم المتحدة أنطونيو غوتيريش إن الوضع الإنساني في غزة كارثي.',
      'وقال المبعوث الأممي إلى ليبيا عبد الله باثيلي إن الانتخابات ممكنة هذا العام.',
      'وقال المتحدث باسم الجيش الإسرائيلي أفيخاي أدرعي إن الجيش يواصل عملياته.',
      'وقال الممثل الأعلى للسياسة الخارجية في الاتحاد الأوروبي جوزيب بوريل إن الوضع لا يحتمل.',
      'وقال رئيس مجلس القيادة الرئاسي عيدروس الزبيدي إن الوضع في عدن مستقر.',
      'وقال قائد قوات الدعم السريع محمد حمدان دقلو إن قواته مستعدة للتفاوض.',
    ];
    const snap = peopleSnapshotOf(texts, 'bodies');
    const names = snap.people.map((p) => p.name);
    assertIncludes(names, ['أنطونيو غوتيريش', 'عبد الله باثيلي', 'أفيخاي أدرعي', 'جوزيب بوريل', 'عيدروس الزبيدي', 'محمد حمدان دقلو']);
    assertNoneHolds(names, ['الجيش', 'الاتحاد', 'ليبيا', 'المتحدة', 'الرئاسي']);
    const borrell = snap.people.find((p) => p.name === 'جوزيب بوريل')!;
    assert.deepStrictEqual(borrell.roles, ['الممثل الأعلى للسياسة الخارجية في الاتحاد الأوروبي']);
  });

  it('a family name with the article ending in ة follows the given name (عبد الحميد الدبيبة)', () => {
    const names = namesOf(['وقال رئيس حكومة الوحدة الوطنية عبد الحميد الدبيبة إن ليبيا تدعم جهود الأمم المتحدة.']);
    assertIncludes(names, ['عبد الحميد الدبيبة']);
  });

  it('an adjective of origin is never a given name (وزير الخارجية الإيراني حسين أمير عبد اللهيان)', () => {
    const names = namesOf([
      'وقال وزير الخارجية الإيراني حسين أمير عبد اللهيان إن طهران تدعم الحوار.',
      'وأكد وزير الخارجية الإيراني حسين أمير عبد اللهيان أن بلاده مستعدة للتفاوض.',
    ]);
    assertNoneHolds(names, ['الإيراني']);
  });

  it('a kunya after such a role is a person (الناطق باسم كتائب القسام أبو عبيدة), the body no one', () => {
    const names = namesOf([
      'وقال الناطق باسم كتائب القسام أبو عبيدة إن المقاومة مستمرة.',
      'وقال الناطق العسكري باسم كتائب القسام أبو عبيدة في كلمة مصورة إن المعركة طويلة.',
    ]);
    assertIncludes(names, ['أبو عبيدة']);
    assertExcludes(names, ['كتائب القسام', 'العسكري']);
  });

  it('a word after و that continues a list of countries is no name (إلى الشرق الأوسط وبلدان إفريقيا)', () => {
    const names = namesOf(['برئاسة الممثل الخاص لرئيس روسيا الاتحادية إلى الشرق الأوسط وبلدان إفريقيا، نائب وزير الخارجية.']);
    assertNoneHolds(names, ['وبلدان', 'إفريقيا']);
  });
});
