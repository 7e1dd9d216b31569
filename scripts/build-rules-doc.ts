// Writes docs/rules.md from the rule catalog; with --check, fails when the file is not what the catalog gives.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderRulesDoc } from '../server/src/core/rules/rulesDoc';

const file = path.join(__dirname, '..', 'docs', 'rules.md');
const doc = renderRulesDoc();
if (process.argv.includes('--check')) {
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  if (current !== doc) {
    console.error('docs/rules.md is not what the rule catalog gives: run `npm run docs:rules`');
    process.exit(1);
  }
} else {
  fs.writeFileSync(file, doc);
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
