/**
 * docs/rules.md, written from the rule catalog (`npm run docs:rules`; a test keeps the file in step with the catalog).
 * Each rule is a `## code` section, which the editor's «Rule documentation» links open at its line.
 */
import { RULE_CODES, RULES } from './catalog';

export function renderRulesDoc(): string {
  const out: string[] = [
    '# Corpus Lint rules',
    '',
    'Generated from `server/src/core/rules/catalog.ts` by `npm run docs:rules`; `corpus-lint explain CODE` prints the',
    'same text. Every rule can be set to `error`, `warning`, `information`, `hint` or `off` in the config',
    '(`"rules": { "CODE": "off" }`); a single finding is accepted with a marker in the text, the ignore file or a',
    'baseline (see the README, «Accepting findings»).',
    '',
    '| rule | default severity | finds |',
    '|---|---|---|',
    ...RULE_CODES.map((c) => `| [\`${c}\`](#${c}) | ${RULES[c].defaultSeverity} | ${RULES[c].summary} |`),
  ];
  for (const code of RULE_CODES) {
    const r = RULES[code];
    out.push(
      '',
      `## ${code}`,
      '',
      `${r.summary} Default severity: ${r.defaultSeverity}.`,
      '',
      `**Why.** ${r.why}`,
      '',
      '**Example.**',
      '',
      '```text',
      r.example,
      '```',
      '',
      `**Configure.** ${r.configure}`,
    );
  }
  return out.join('\n') + '\n';
}

/** The 1-based line of a rule's heading in the rendered document. */
export function ruleHeadingLine(doc: string, code: string): number | null {
  const at = doc.split('\n').indexOf(`## ${code}`);
  return at < 0 ? null : at + 1;
}
