/**
 * One person written in two house styles (ترامب / ترمب، إيمانويل / إمانويل) is one person; short names, chains of
 * fathers and people who share no role stay apart.
 */
import * as assert from 'node:assert';
import { assertIncludes } from '../helpers/lists';
import { peopleSnapshotOf } from '../helpers/people';
import { type MergeCandidate, spellingVariantPairsSteps } from '../../server/src/core/people/spellingMerge';
import { Pace, runSteps } from '../../server/src/core/people/steps';

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

  it('pairs thousands of people in steps, with the pairs of a run in one piece', () => {
    const people: MergeCandidate[] = [];
    for (let i = 0; i < 3000; i++) {
      // Two spellings of each family name: «…ترامب» and «…ترمب» with one long vowel less.
      const roles = new Map([['الرئيس', 1]]);
      people.push({ identity: `دونالد ترامب${i}`, given: 'دونالد', surname: `ترامب${i}`, full: 3, roles });
      people.push({ identity: `دونالد ترمب${i}`, given: 'دونالد', surname: `ترمب${i}`, full: 1, roles });
    }
    const whole = runSteps(spellingVariantPairsSteps(people, new Pace(Number.MAX_SAFE_INTEGER)));
    const steps = spellingVariantPairsSteps(people, new Pace(256));
    let yields = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) yields++;
    assert.ok(yields >= 20, `yielded ${yields} times`);
    assert.deepStrictEqual(r.value.map(([minor, major]) => [minor.identity, major.identity]), whole.map(([minor, major]) => [minor.identity, major.identity]));
    assert.strictEqual(whole.length, 3000);
    assert.ok(whole.every(([minor, major]) => minor.surname!.replace('ترمب', '') === major.surname!.replace('ترامب', '')));
  });
});
