// Checks what `vsce package` puts in the .vsix (as listed by `vsce ls`): everything the extension needs at run time,
// and nothing else (no sources, tests, fixtures, source maps or node_modules).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vsce = path.join(repo, 'node_modules/.bin/vsce');
const files = execFileSync(vsce, ['ls', '--no-dependencies'], { cwd: repo, encoding: 'utf8' })
  .split('\n').map((l) => l.trim()).filter(Boolean);

const required = ['package.json', 'LICENSE', 'dist/extension.js', 'dist/server.js', 'dist/readAhead.js', 'syntaxes/corpus.tmLanguage.json', 'language-configuration.json', 'docs/rules.md'];
const allowed = [/^package\.json$/, /^README\.md$/, /^LICENSE$/, /^dist\/[^/]+\.js$/, /^syntaxes\/corpus\.tmLanguage\.json$/, /^language-configuration\.json$/, /^schemas\/[^/]+\.json$/, /^docs\/rules\.md$/];

const missing = required.filter((f) => !files.includes(f));
const extra = files.filter((f) => !allowed.some((re) => re.test(f)));
console.log(`vsix contents (${files.length} files):\n  ${files.join('\n  ')}`);
if (!files.includes('README.md')) console.warn('warning: no README.md in the package');
if (missing.length) console.error(`missing from the package: ${missing.join(', ')}`);
if (extra.length) console.error(`not meant for the package: ${extra.join(', ')}`);
process.exit(missing.length || extra.length ? 1 : 0);
