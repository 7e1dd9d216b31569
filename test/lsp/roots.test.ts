/** A root's corpus files on disk: exactly the files `matches` accepts (include, exclude, nested roots, dot folders). */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Root } from '../../server/src/lsp/roots';

function walk(dir: string, out: string[] = []): string[] {
  for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

describe('root files', () => {
  it('finds exactly the files the root matches', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lint-root-'));
    try {
      const files = ['a.txt', 'sub/b.txt', 'sub/deep/c.txt', '.hidden/d.txt', 'sub/.e.txt', 'old/f.txt', 'old/keep/g.txt', 'nested/h.txt', 'notes.md', 'sub/i.TXT', 'دليل/ي.txt', 'with space/j.txt'];
      for (const f of files) {
        fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
        fs.writeFileSync(path.join(dir, f), 'x');
      }
      fs.writeFileSync(path.join(dir, 'corpus-lint.json'), JSON.stringify({ include: ['**/*.txt'], exclude: ['old/**'] }));
      const root = new Root(dir, '', {});
      root.nested = [path.join(dir, 'nested')];
      const found = (await root.findFiles()).files;
      const expected = walk(dir).filter((f) => root.matches(f)).sort();
      assert.deepEqual(found, expected);
      assert.deepEqual(
        found.map((f) => path.relative(dir, f).split(path.sep).join('/')),
        ['a.txt', 'sub/b.txt', 'sub/deep/c.txt', 'with space/j.txt', 'دليل/ي.txt'].sort(),
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
