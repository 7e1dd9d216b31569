/**
 * One person written in two house styles (ترامب / ترمب، إيمانويل / إمانويل) is one person; short names, chains of
 * fathers and people who share no role stay apart.
 */
import { assertIncludes } from '../helpers/lists';
import { peopleSnapshotOf } from '../helpers/people';

const peopleOf = (texts: string[]) => peopleSnapshotOf(texts, 'styles').people;

/** The spellings of the people, each person's sorted and joined by «/». */
function spellingsOf(texts: string[]): string[] {
  return peopleOf(texts).map((p) => p.variants.map((v) => v.spelling).sort().join('/'));
}

describe('people: one person in two house styles', () => {
  it('merges a family name or a given name with one long vowel more (ترامب / ترمب، إيمانويل / إمانويل)', () => {
    const spellings = spellingsOf([
      'قال الرئيس الأمريكي دونالد ترامب إن المفاوضات مستمرة.',
      'وأكد الرئيس الأمريكي دونالد ترامب أن الاتفاق قريب.',
      'وقال الرئيس الأميركي دونالد ترمب إن بلاده لن تتراجع.',
      'واستقبل الرئيس الفرنسي إيمانويل ماكرون الوفد.',
      'وقال الرئيس الفرنسي إمانويل ماكرون إن باريس تدعم الحل.',
    ]);
    assertIncludes(spellings, ['دونالد ترامب/دونالد ترمب', 'إمانويل ماكرون/إيمانويل ماكرون']);
  });

  it('keeps apart short names, chains of fathers and names that share no role', () => {
    const names = peopleOf([
      'وقال الأمير سعود الفيصل إن المملكة تدعم الحل.',
      'وقال الأمير سعد الفيصل إن المملكة تدعم الحل.',
      'واستقبل الأمير محمد بن سلمان الوفد.',
      'واستقبل الأمير محمد بن سلطان الوفد.',
      'وقال المهندس حامد الزهراني إن المشروع اكتمل.',
      'وسجل اللاعب حمدان الزهراني هدفين.',
    ]).map((p) => p.name);
    assertIncludes(names, ['سعود الفيصل', 'سعد الفيصل', 'محمد بن سلمان', 'محمد بن سلطان', 'حامد الزهراني', 'حمدان الزهراني']);
  });
});
