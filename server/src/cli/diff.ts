/**
 * Unified diffs of whole texts (for `check --fix-dry-run`): Myers' O(ND) line diff on the part between the common
 * prefix and suffix, printed with three lines of context, applicable with `git apply` or `patch -p1`.
 */
import { quotePath } from './format/quotePath';

/** Lines of a text as patch tools see them: split after each `\n` (a `\r` before it stays part of the line). */
function splitLines(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      out.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

type Op = { kind: ' ' | '-' | '+'; line: string };

/** The shortest edit script between two line arrays (Myers 1986), as a list of kept, removed and added lines. */
function diffLines(a: string[], b: string[]): Op[] {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const A = a.slice(pre, a.length - suf);
  const B = b.slice(pre, b.length - suf);
  const n = A.length;
  const m = B.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d]: the furthest x on each diagonal k before step d.
  const trace: Int32Array[] = [];
  search: for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && A[x] === B[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) break search;
    }
  }
  // Walk back from (n, m) to (0, 0).
  const middle: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[offset + k - 1] < vd[offset + k + 1]) ? k + 1 : k - 1;
    const prevX = vd[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      middle.push({ kind: ' ', line: A[x] });
    }
    if (d > 0) {
      if (x === prevX) middle.push({ kind: '+', line: B[prevY] });
      else middle.push({ kind: '-', line: A[prevX] });
      x = prevX;
      y = prevY;
    }
  }
  middle.reverse();
  return [
    ...a.slice(0, pre).map((line) => ({ kind: ' ' as const, line })),
    ...middle,
    ...a.slice(a.length - suf).map((line) => ({ kind: ' ' as const, line })),
  ];
}

/** A unified diff of `before` -> `after` for one file, with `a/` and `b/` prefixes; empty when they are equal. */
export function unifiedDiff(file: string, before: string, after: string, context = 3): string {
  if (before === after) return '';
  const ops = diffLines(splitLines(before), splitLines(after));
  // A name with a tab, a newline or a quote is C-quoted as git writes it, prefix included («--- "a/tab\tx.txt"»).
  const out: string[] = [`--- ${quotePath(`a/${file}`)}\n`, `+++ ${quotePath(`b/${file}`)}\n`];
  let i = 0;
  while (i < ops.length) {
    while (i < ops.length && ops[i].kind === ' ') i++;
    if (i >= ops.length) break;
    // A hunk: from `context` lines before this change to `context` lines after the last change within reach.
    let start = Math.max(0, i - context);
    let end = i;
    for (;;) {
      while (end < ops.length && ops[end].kind !== ' ') end++;
      let same = 0;
      while (end + same < ops.length && ops[end + same].kind === ' ') same++;
      if (end + same < ops.length && same <= 2 * context) end += same;
      else {
        end = Math.min(ops.length, end + context);
        break;
      }
    }
    let oldStart = 1;
    let newStart = 1;
    for (let k = 0; k < start; k++) {
      if (ops[k].kind !== '+') oldStart++;
      if (ops[k].kind !== '-') newStart++;
    }
    const hunk = ops.slice(start, end);
    const oldCount = hunk.filter((o) => o.kind !== '+').length;
    const newCount = hunk.filter((o) => o.kind !== '-').length;
    out.push(`@@ -${range(oldCount ? oldStart : oldStart - 1, oldCount)} +${range(newCount ? newStart : newStart - 1, newCount)} @@\n`);
    for (const o of hunk) {
      const ends = o.line.endsWith('\n');
      out.push(o.kind + (ends ? o.line : o.line + '\n\\ No newline at end of file\n'));
    }
    i = end;
    start = end;
  }
  return out.join('');
}

function range(start: number, count: number): string {
  return count === 1 ? `${start}` : `${start},${count}`;
}
