import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULE_CODES } from '../../server/src/core/rules/catalog';
import { renderRulesDoc, ruleHeadingLine } from '../../server/src/core/rules/rulesDoc';

describe('docs/rules.md', () => {
  const file = path.join(__dirname, '..', '..', 'docs', 'rules.md');

  it('is what the rule catalog gives (npm run docs:rules writes it)', () => {
    assert.ok(fs.existsSync(file), 'docs/rules.md is missing: the rule documentation links would lead nowhere');
    assert.equal(fs.readFileSync(file, 'utf8'), renderRulesDoc());
  });

  it('has a heading for every rule, where the editor links open it', () => {
    const doc = fs.readFileSync(file, 'utf8');
    for (const code of RULE_CODES) {
      const line = ruleHeadingLine(doc, code);
      assert.ok(line !== null, `no heading for ${code}`);
      assert.equal(doc.split('\n')[line - 1], `## ${code}`);
    }
  });
});
