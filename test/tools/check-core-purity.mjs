// Lint rule: the analysis core stays pure — no Node built-ins, no vscode, no LSP imports under server/src/core.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const FORBIDDEN = /from\s+['"](node:[^'"]+|fs|path|os|child_process|worker_threads|vscode|vscode-languageserver[^'"]*|vscode-languageclient[^'"]*)['"]|require\(\s*['"](node:|fs|path|vscode)/;
const problems = [];
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (p.endsWith('.ts')) {
      readFileSync(p, 'utf8').split('\n').forEach((line, i) => {
        if (FORBIDDEN.test(line)) problems.push(`${p}:${i + 1}: ${line.trim()}`);
      });
    }
  }
}
walk('server/src/core');
// The CLI and the language server never depend on each other.
for (const [dir, other] of [['server/src/cli', 'lsp'], ['server/src/lsp', 'cli']]) {
  try {
    statSync(dir);
  } catch {
    continue;
  }
  (function scan(d) {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) scan(p);
      else if (p.endsWith('.ts') && new RegExp(`from\\s+['"][./]+/${other}/`).test(readFileSync(p, 'utf8'))) problems.push(`${p}: imports ../${other}`);
    }
  })(dir);
}
if (problems.length) {
  console.error('Purity violations:\n' + problems.join('\n'));
  process.exit(1);
}
console.log('core purity: ok');
