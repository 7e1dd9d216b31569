/**
 * The shape each request's or notification's params must have, checked before its handler runs: a client that sends a
 * wrong type, a missing field or a negative position gets InvalidParams (-32602) naming the field, not an internal
 * error from deep inside a handler (a notification, which has no answer, is ignored with a line in the log). Only what the handlers read is checked, as the protocol defines it; other fields are left alone.
 * A position past the end of a line or of the document is valid (the protocol clamps it) and an unknown document
 * gets the empty answer: both are the handlers' business.
 */

/** Null when the value is fine, else what it should have been. */
type Check = (value: unknown, at: string) => string | null;

const MAX_UINTEGER = 2 ** 31 - 1;

/** `name must be EXPECTED (got VALUE)`, the value shown briefly. */
function wrong(at: string, expected: string, value: unknown): string {
  const shown = value === undefined ? 'nothing' : JSON.stringify(value);
  return `${at} must be ${expected} (got ${shown.length > 40 ? shown.slice(0, 40) + '…' : shown})`;
}

const uinteger: Check = (v, at) => (Number.isInteger(v) && (v as number) >= 0 && (v as number) <= MAX_UINTEGER ? null : wrong(at, 'an integer from 0 to 2^31-1', v));
const string: Check = (v, at) => (typeof v === 'string' ? null : wrong(at, 'a string', v));
const boolean: Check = (v, at) => (typeof v === 'boolean' ? null : wrong(at, 'true or false', v));

/** An object with these fields; a field whose name ends in `?` may be left out. */
function object(fields: Record<string, Check>): Check {
  return (v, at) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return wrong(at, 'an object', v);
    for (const [name, check] of Object.entries(fields)) {
      const optional = name.endsWith('?');
      const key = optional ? name.slice(0, -1) : name;
      const value = (v as Record<string, unknown>)[key];
      if (optional && value === undefined) continue;
      const problem = check(value, `${at}.${key}`);
      if (problem) return problem;
    }
    return null;
  };
}

function arrayOf(item: Check): Check {
  return (v, at) => {
    if (!Array.isArray(v)) return wrong(at, 'an array', v);
    for (let i = 0; i < v.length; i++) {
      const problem = item(v[i], `${at}[${i}]`);
      if (problem) return problem;
    }
    return null;
  };
}

const integer: Check = (v, at) => (Number.isInteger(v) && Math.abs(v as number) <= 2 ** 31 ? null : wrong(at, 'an integer', v));

const position = object({ line: uinteger, character: uinteger });
const range = object({ start: position, end: position });

/** Whether a value a client sent back (a diagnostic's data) is a range as the protocol defines one. */
export function isLspRange(v: unknown): v is { start: { line: number; character: number }; end: { line: number; character: number } } {
  return range(v, 'range') === null;
}
const textDocument = object({ uri: string });
const atPosition = { textDocument, position };

/** A change of a document: a range and its new text, or the whole new text. */
const contentChange: Check = (v, at) =>
  v && typeof v === 'object' && 'range' in v ? object({ range, text: string })(v, at) : object({ text: string })(v, at);

const workspaceFolders = arrayOf(object({ uri: string, name: string }));
const workspaceFoldersChange = object({ added: workspaceFolders, removed: workspaceFolders });

/** The params of the requests and notifications whose handlers read them. */
const PARAMS: Record<string, Check> = {
  'textDocument/hover': object(atPosition),
  'textDocument/definition': object(atPosition),
  'textDocument/references': object({ ...atPosition, context: object({ includeDeclaration: boolean }) }),
  'textDocument/prepareRename': object(atPosition),
  'textDocument/rename': object({ ...atPosition, newName: string }),
  'textDocument/documentSymbol': object({ textDocument }),
  'textDocument/foldingRange': object({ textDocument }),
  'textDocument/codeLens': object({ textDocument }),
  'textDocument/documentLink': object({ textDocument }),
  'textDocument/codeAction': object({
    textDocument,
    range,
    context: object({ diagnostics: arrayOf(object({ range })), 'only?': arrayOf(string) }),
  }),
  'workspace/symbol': object({ query: string }),
  'corpusLint/writeRegistry': (v, at) => (v === null || v === undefined ? null : object({ 'uri?': string })(v, at)),
  // Notifications: a malformed one is ignored as a whole (a change is never half applied) and the log says why.
  'textDocument/didOpen': object({ textDocument: object({ uri: string, languageId: string, version: integer, text: string }) }),
  'textDocument/didChange': object({ textDocument: object({ uri: string, version: integer }), contentChanges: arrayOf(contentChange) }),
  'textDocument/didSave': object({ textDocument }),
  'textDocument/didClose': object({ textDocument }),
  'workspace/didChangeWatchedFiles': object({ changes: arrayOf(object({ uri: string, type: uinteger })) }),
  'workspace/didChangeConfiguration': object({}),
  // Its handler is given the params' `event` (the library unwraps it): that is what is checked, and named.
  'workspace/didChangeWorkspaceFolders': (v, at) => workspaceFoldersChange(v, `${at}.event`),
};

/** What is wrong with a message's params (`params.position.line must be …`), or null when they fit its method. */
export function invalidParams(method: string, params: unknown): string | null {
  const check = PARAMS[method];
  return check ? check(params, 'params') : null;
}
