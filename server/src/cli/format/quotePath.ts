/**
 * Paths and messages in line-oriented outputs (the text report, stderr notes, patch headers): a file name may hold a
 * newline, a tab or another control character, which would split a finding over two lines or end a patch header
 * early. Paths are quoted as git quotes them (C-style, in double quotes, only when needed; other characters, Arabic
 * letters included, stay as they are, as with git's `core.quotePath=false`), which `git apply` reads back.
 */

/** Characters git quotes in a path: control characters, DEL, the double quote and the backslash. */
const NEEDS_QUOTING = /["\\\x00-\x1f\x7f]/;
const CONTROL = /[\x00-\x1f\x7f]/g;
const SPECIAL = /["\\\x00-\x1f\x7f]/g;

/** C escapes with a letter; the other characters to escape are written in octal (`\033`). */
const ESCAPES: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\v': '\\v',
  '\f': '\\f',
  '\r': '\\r',
  '"': '\\"',
  '\\': '\\\\',
};

const escape = (c: string): string => ESCAPES[c] ?? '\\' + c.charCodeAt(0).toString(8).padStart(3, '0');

/** A path as git prints it: unchanged, or C-quoted in double quotes when it holds a character that needs it. */
export function quotePath(p: string): string {
  return NEEDS_QUOTING.test(p) ? `"${p.replace(SPECIAL, escape)}"` : p;
}

/** Text with its control characters written as C escapes (a message naming such a file stays on one line). */
export function escapeControls(s: string): string {
  return s.replace(CONTROL, escape);
}
