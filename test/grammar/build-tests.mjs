// Writes one vscode-tmgrammar-test file per suite of cases.mjs into test/grammar/generated/ (the `^` columns are
// UTF-16 offsets: an emoji counts two), and fails when a case's text is not found in its line.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { suites } from './cases.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.join(here, 'generated');
const TOKEN = '//'; // never starts a line of the corpus

function assertionLine(from, length, scopes) {
  // `^` marks need the column to be past the comment token; `<~~-` counts from column 0 and works everywhere.
  if (from >= TOKEN.length + 1) return `${TOKEN}${' '.repeat(from - TOKEN.length)}${'^'.repeat(length)} ${scopes}`;
  return `${TOKEN} <${'~'.repeat(from)}${'-'.repeat(length)} ${scopes}`;
}

fs.rmSync(outDir, { recursive: true, force: true });
fs.mkdirSync(outDir, { recursive: true });
let problems = 0;
for (const [name, cases] of Object.entries(suites)) {
  const out = [`${TOKEN} SYNTAX TEST "text.corpus" "${name}"`];
  for (const { line, expect } of cases) {
    if (line.startsWith(TOKEN)) throw new Error(`a case line starts with ${TOKEN}: ${line}`);
    out.push(line);
    for (const [text, scopes, nth = 0] of expect) {
      let at = -1;
      for (let i = 0; i <= nth; i++) at = line.indexOf(text, at + 1);
      if (at < 0) {
        console.error(`${name}: «${text}» (#${nth}) not found in «${line}»`);
        problems++;
        continue;
      }
      out.push(assertionLine(at, text.length, scopes));
    }
  }
  fs.writeFileSync(path.join(outDir, `${name}.grammar-test`), out.join('\n') + '\n');
}
if (problems) process.exit(1);
