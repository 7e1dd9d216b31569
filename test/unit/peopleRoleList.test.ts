/**
 * The roles a person is listed with: a title in the dual names two people and is no role of one; spellings of one
 * role that differ only in ى/ي (an Egyptian house style) are one role, shown as most often written.
 */
import * as assert from 'node:assert';
import { Corpus } from '../../server/src/core/corpus';

function rolesOf(texts: string[], name: string): string[] {
  const c = new Corpus();
  c.applyChange({ changed: texts.map((t, i) => ({ file: `r/${i}.txt`, text: `${t}\n` })) });
  const p = c.people().people.find((x) => x.name === name);
  assert.ok(p, `${name} is a person`);
  return p.roles;
}

describe('people: roles', () => {
  it('a title in the dual is no role of either person (الرئيسين الروسي، الرئيسين، الرئيسان)', () => {
    const roles = rolesOf(
      [
        'قال الرئيس الروسي فلاديمير بوتين إن المحادثات مثمرة.',
        'وأكد الرئيس الروسي فلاديمير بوتين أهمية التعاون.',
        'جرت محادثات بين الرئيسين الروسي فلاديمير بوتين والأمريكي دونالد ترامب في القمة.',
        'وناقش الرئيسان فلاديمير بوتين ودونالد ترامب ملف الطاقة.',
      ],
      'فلاديمير بوتين',
    );
    assert.deepStrictEqual(roles, ['الرئيس الروسي']);
  });

  it('spellings of a role that differ only in ى/ي are one role, in its most frequent spelling', () => {
    const roles = rolesOf(
      [
        'قال الرئيس الفرنسي إيمانويل ماكرون إن بلاده تدعم الحل.',
        'وأكد الرئيس الفرنسي إيمانويل ماكرون أهمية الحوار.',
        'واستقبل الرئيس الفرنسى إيمانويل ماكرون الوفد المصري.',
      ],
      'إيمانويل ماكرون',
    );
    assert.deepStrictEqual(roles, ['الرئيس الفرنسي']);
  });
});
