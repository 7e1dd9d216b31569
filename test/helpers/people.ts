/** A corpus of one-line files made of `texts`, and what its people index learns (for tests of small corpora). */
import { Corpus } from '../../server/src/core/corpus';
import type { PeopleSnapshot } from '../../server/src/core/people/index';

/** The people snapshot of a corpus whose files (`<folder>/<n>.txt`) are `texts`, one each. */
export function peopleSnapshotOf(texts: string[], folder = 'texts'): PeopleSnapshot {
  const c = new Corpus();
  c.applyChange({ changed: texts.map((t, i) => ({ file: `${folder}/${i}.txt`, text: `${t}\n` })) });
  return c.people();
}

/** The names of the people `peopleSnapshotOf` learns. */
export function peopleNamesOf(texts: string[], folder?: string): string[] {
  return peopleSnapshotOf(texts, folder).people.map((p) => p.name);
}

/** The names of the places `peopleSnapshotOf` learns. */
export function placeNamesOf(texts: string[], folder?: string): string[] {
  return peopleSnapshotOf(texts, folder).places.map((p) => p.name);
}
