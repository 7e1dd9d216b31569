/**
 * A full name after a title survives the common use of one of its words elsewhere in the corpus (سلام: «اتفاق
 * سلام»، «عملية السلام»), while a common noun after a noun is still no name (مأدبة غداء).
 */
import { assertIncludes, assertNoneHolds } from '../helpers/lists';
import { peopleNamesOf } from '../helpers/people';

const namesOf = (texts: string[]) => peopleNamesOf(texts, 'common');

describe('people: a family name that is also a common word', () => {
  it('stays the family name after a given name a title introduces (نواف سلام beside «اتفاق سلام»)', () => {
    const names = namesOf([
      'أعلن رئيس الحكومة اللبنانية المكلف نواف سلام تشكيل حكومة جديدة من 24 وزيرا.',
      'وقال سلام في كلمة من قصر بعبدا إن الحكومة ستعمل على تطبيق القرار.',
      'مفاوضات جديدة من أجل اتفاق سلام شامل في السودان',
      'انطلقت جولة جديدة من المفاوضات بهدف التوصل إلى اتفاق سلام شامل ينهي الحرب.',
      'ودعا الوسطاء إلى الالتزام، مؤكدين أن عملية السلام تحتاج إلى إرادة سياسية.',
    ]);
    assertIncludes(names, ['نواف سلام']);
  });

  it('makes no one of a verbal noun with a preposition before it (ملتزمة باتفاق سلام دائم)', () => {
    const texts = [1, 2, 3, 4, 5, 6].map(
      (n) => `وقال رئيس الوزراء اللبناني نواف سلام في المؤتمر رقم ${n} إن الحكومة ملتزمة باتفاق سلام دائم مع جيرانها.`,
    );
    const names = namesOf(texts);
    assertIncludes(names, ['نواف سلام']);
    assertNoneHolds(names, ['باتفاق']);
  });

  it('is not taken after a common noun (أقام وزير الدفاع مأدبة غداء)', () => {
    const names = namesOf([
      'أقام وزير الدفاع مأدبة غداء تكريما للوفد الزائر.',
      'وأقام وزير الدفاع مأدبة غداء للمشاركين في التمرين.',
      'وتناول الضيوف الغداء في القاعة، وكان الغداء على شرف الوفد.',
    ]);
    assertNoneHolds(names, ['غداء']);
  });
});
