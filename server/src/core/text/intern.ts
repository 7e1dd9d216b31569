/** A corpus-wide table of distinct strings (word spellings) with dense numeric ids, so indexes use typed arrays. */
export class Interner {
  private readonly ids = new Map<string, number>();
  private readonly strings: string[] = [];

  /** The id of a string, adding it when new. */
  id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.ids.set(s, id);
      this.strings.push(s);
    }
    return id;
  }

  /** The id of a known string, or -1. */
  peek(s: string): number {
    return this.ids.get(s) ?? -1;
  }

  string(id: number): string {
    return this.strings[id];
  }

  get size(): number {
    return this.strings.length;
  }
}
