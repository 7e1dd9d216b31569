/**
 * The HTML report: one self-contained page for maintainers (inline CSS, no script, no external resource; a content
 * security policy forbids loading anything), readable offline. Counts per rule and per file, the people table with
 * spelling variants, a timeline of dated entries, and the findings of each file.
 */
import type { RuleCode, Severity } from '../core/types';
import { RULES, RULE_CODES, ruleDocUrl } from '../core/rules/catalog';
import type { PersonRow, Timeline } from './reportSections';

export interface HtmlFinding {
  line: number;
  column: number;
  code: RuleCode;
  severity: Severity;
  message: string;
  baselined: boolean;
}

export interface HtmlFile {
  path: string;
  entries: number;
  dated: number;
  findings: HtmlFinding[];
}

export interface HtmlReportData {
  title: string;
  /** ISO timestamp of the run. */
  generated: string;
  version: string;
  files: HtmlFile[];
  skipped: { path: string; reason: string }[];
  /** Baseline file name when one is used. */
  baseline: string | null;
  /** Baselined findings no longer found. */
  baselineFixed: number;
  people: PersonRow[];
  timeline: Timeline;
}

/** Rows beyond these limits are summarized, so a huge corpus still gives a page a browser opens quickly. */
const MAX_FINDING_ROWS = 3000;
const MAX_TIMELINE_DAYS = 400;
const MAX_PEOPLE_ROWS = 500;

export function renderHtml(d: HtmlReportData): string {
  const total = d.files.reduce((n, f) => n + f.findings.length, 0);
  const baselined = d.files.reduce((n, f) => n + f.findings.filter((x) => x.baselined).length, 0);
  const entries = d.files.reduce((n, f) => n + f.entries, 0);
  const dated = d.files.reduce((n, f) => n + f.dated, 0);
  const bySeverity = countBy(d.files.flatMap((f) => f.findings), (x) => x.severity);
  const cards = [
    card('files', d.files.length),
    card('entries', entries, `${dated} dated`),
    card('findings', total, d.baseline ? `${total - baselined} new, ${baselined} in the baseline` : undefined),
    card('errors', bySeverity.get('error') ?? 0, undefined, 'error'),
    card('warnings', bySeverity.get('warning') ?? 0, undefined, 'warning'),
    card('people and places', d.people.length, 'with spelling variants'),
  ].join('');

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="corpus-lint ${esc(d.version)}">
<title>${esc(d.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${esc(d.title)}</h1>
<p class="meta">Generated ${esc(d.generated.replace('T', ' ').replace(/\.\d+Z$/, ' UTC'))} by corpus-lint ${esc(d.version)}${
    d.baseline ? ` · baseline <code>${esc(d.baseline)}</code>: ${baselined} known, ${d.baselineFixed} fixed since recorded` : ''
  }</p>
<nav><a href="#rules">Rules</a><a href="#files">Files</a><a href="#people">People</a><a href="#timeline">Timeline</a><a href="#findings">Findings</a></nav>
</header>
<main>
<section class="cards">${cards}</section>
${rulesSection(d, total)}
${filesSection(d)}
${peopleSection(d.people)}
${timelineSection(d.timeline)}
${findingsSection(d)}
</main>
</body>
</html>
`;
}

function rulesSection(d: HtmlReportData, total: number): string {
  const all = d.files.flatMap((f) => f.findings);
  const max = Math.max(1, ...RULE_CODES.map((c) => all.filter((x) => x.code === c).length));
  const rows = RULE_CODES.map((code) => {
    const list = all.filter((x) => x.code === code);
    const known = list.filter((x) => x.baselined).length;
    const files = d.files.filter((f) => f.findings.some((x) => x.code === code)).length;
    return `<tr><td><a href="${esc(ruleDocUrl(code))}"><code>${code}</code></a><div class="sub">${esc(RULES[code].summary)}</div></td>
<td>${sev(RULES[code].defaultSeverity)}</td><td class="num">${list.length}</td>${d.baseline ? `<td class="num">${list.length - known}</td>` : ''}<td class="num">${files}</td>
<td class="barcell"><span class="bar" style="width:${((list.length / max) * 100).toFixed(1)}%"></span></td></tr>`;
  }).join('\n');
  return `<section id="rules"><h2>Findings per rule <small>${total}</small></h2>
<table><thead><tr><th>Rule</th><th>Default</th><th class="num">Findings</th>${d.baseline ? '<th class="num">New</th>' : ''}<th class="num">Files</th><th></th></tr></thead>
<tbody>${rows}</tbody></table></section>`;
}

function filesSection(d: HtmlReportData): string {
  const files = [...d.files].sort((a, b) => b.findings.length - a.findings.length || (a.path < b.path ? -1 : 1));
  const head = RULE_CODES.map((c) => `<th class="num rot" title="${c}">${esc(short(c))}</th>`).join('');
  const rows = files
    .map((f) => {
      const counts = RULE_CODES.map((c) => {
        const n = f.findings.filter((x) => x.code === c).length;
        return `<td class="num${n ? '' : ' zero'}">${n}</td>`;
      }).join('');
      return `<tr><td class="path">${f.findings.length ? `<a href="#f-${anchor(f.path)}">${esc(f.path)}</a>` : esc(f.path)}</td><td class="num">${f.entries}</td><td class="num">${f.dated}</td>${counts}<td class="num total">${f.findings.length}</td></tr>`;
    })
    .join('\n');
  const skipped = d.skipped.length
    ? `<p class="note">Skipped: ${d.skipped.map((s) => `<code>${esc(s.path)}</code> (${esc(s.reason)})`).join(', ')}</p>`
    : '';
  return `<section id="files"><h2>Findings per file <small>${d.files.length}</small></h2>
<table><thead><tr><th>File</th><th class="num">Entries</th><th class="num">Dated</th>${head}<th class="num">Total</th></tr></thead>
<tbody>${rows}</tbody></table>${skipped}</section>`;
}

function peopleSection(people: PersonRow[]): string {
  if (!people.length) {
    return `<section id="people"><h2>People and places</h2><p class="note">No name is spelled in more than one way in this corpus.</p></section>`;
  }
  const rows = people
    .slice(0, MAX_PEOPLE_ROWS)
    .map((p) => {
      const variants = p.variants
        .map((v) => `<span class="variant" title="${esc(v.kind)}"><bdi lang="ar">${esc(v.spelling)}</bdi> <span class="count">×${v.count}</span></span>`)
        .join(' ');
      return `<tr><td class="ar" lang="ar" dir="rtl">${esc(p.name)}${p.source === 'config' ? ' <span class="tag">config</span>' : ''}</td>
<td class="num">${p.count}</td><td>${variants}</td><td class="num">${p.mentions}</td><td class="num">${p.files}</td><td>${p.first ?? '—'}</td><td>${p.last ?? '—'}</td></tr>`;
    })
    .join('\n');
  return `<section id="people"><h2>People and places <small>${people.length}</small></h2>
<p class="note">Names spelled in more than one way, grouped by orthographic variant class; the canonical spelling is the corpus majority or the one the config prefers.</p>
<table><thead><tr><th>Canonical spelling</th><th class="num">Uses</th><th>Variants</th><th class="num">Mentions</th><th class="num">Files</th><th>First dated</th><th>Last dated</th></tr></thead>
<tbody>${rows}</tbody></table>${more(people.length, MAX_PEOPLE_ROWS, 'names')}</section>`;
}

function timelineSection(t: Timeline): string {
  const reports = t.days.reduce((n, d) => n + d.reports.length, 0);
  const days = t.days
    .slice(-MAX_TIMELINE_DAYS)
    .map(
      (day) => `<li><time datetime="${day.date}">${day.date}</time><ul>${day.reports
        .map(
          (r) =>
            `<li><div class="title ar" lang="ar" dir="auto">${esc(r.title)}</div><div class="where"><span dir="ltr">${esc(r.file)}:${r.line}</span>${
              r.dateText ? ` · <bdi class="datetext">${esc(r.dateText)}</bdi>` : ''
            }</div></li>`,
        )
        .join('')}</ul></li>`,
    )
    .join('\n');
  const notes = `${reports} dated entr${reports === 1 ? 'y' : 'ies'} on ${t.days.length} day${t.days.length === 1 ? '' : 's'}; ${t.partial} dated without a year, ${t.undated} undated.`;
  return `<section id="timeline"><h2>Timeline <small>${t.days.length}</small></h2><p class="note">${notes}${
    t.days.length > MAX_TIMELINE_DAYS ? ` The latest ${MAX_TIMELINE_DAYS} days are shown.` : ''
  }</p><ol class="timeline">${days}</ol></section>`;
}

function findingsSection(d: HtmlReportData): string {
  let budget = MAX_FINDING_ROWS;
  const blocks: string[] = [];
  for (const f of d.files) {
    if (!f.findings.length) continue;
    const shown = f.findings.slice(0, Math.max(0, budget));
    budget -= shown.length;
    const rows = shown
      .map(
        (x) =>
          `<tr${x.baselined ? ' class="known"' : ''}><td class="num">${x.line}:${x.column}</td><td>${sev(x.severity)}</td><td dir="auto">${esc(x.message)}</td><td><code>${x.code}</code>${
            x.baselined ? ' <span class="tag">baseline</span>' : ''
          }</td></tr>`,
      )
      .join('\n');
    blocks.push(`<details id="f-${anchor(f.path)}"><summary><span class="path">${esc(f.path)}</span> <span class="count">${f.findings.length}</span></summary>
<table class="findings"><tbody>${rows}</tbody></table>${more(f.findings.length, shown.length, 'findings')}</details>`);
  }
  return `<section id="findings"><h2>Findings</h2>${blocks.join('\n') || '<p class="note">No findings.</p>'}</section>`;
}

function card(label: string, value: number, sub?: string, cls = ''): string {
  return `<div class="card ${cls}"><div class="value">${value}</div><div class="label">${esc(label)}</div>${sub ? `<div class="sub">${esc(sub)}</div>` : ''}</div>`;
}

function sev(s: Severity): string {
  return `<span class="sev ${s}">${s}</span>`;
}

function more(total: number, shown: number, what: string): string {
  return total > shown ? `<p class="note">${total - shown} more ${what} not listed.</p>` : '';
}

function short(code: RuleCode): string {
  return { 'duplicate-paragraph': 'duplicate', 'near-duplicate-paragraph': 'near-dup.', 'name-variant': 'variant', 'undated-entry': 'undated', 'incomplete-date': 'no year' }[code];
}

function countBy<T, K>(items: T[], key: (t: T) => K): Map<K, number> {
  const m = new Map<K, number>();
  for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + 1);
  return m;
}

function anchor(path: string): string {
  return path.replace(/[^A-Za-z0-9_.-]/g, '_');
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = `
:root{--fg:#1d2330;--muted:#5d6678;--line:#dfe3ea;--bg:#f6f7f9;--card:#fff;--accent:#2357c6;--err:#b42318;--warn:#a15c00;--info:#1f6feb;--hint:#5d6678}
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 system-ui,"Segoe UI","Noto Sans","DejaVu Sans",Tahoma,sans-serif;color:var(--fg);background:var(--bg)}
header{background:#17213a;color:#fff;padding:18px 28px 0}
header h1{margin:0;font-size:22px;font-weight:600}
header .meta{margin:4px 0 10px;color:#c5cde0;font-size:13px}
header code{color:#fff}
nav{display:flex;gap:2px}
nav a{color:#c5cde0;text-decoration:none;padding:8px 14px;border-radius:6px 6px 0 0}
nav a:hover{background:#25345a;color:#fff}
main{max-width:1180px;margin:0 auto;padding:20px 28px 60px}
section{margin:0 0 28px}
h2{font-size:17px;margin:0 0 10px;font-weight:600}
h2 small{color:var(--muted);font-weight:400;margin-left:6px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px 14px}
.card .value{font-size:26px;font-weight:600}
.card .label{color:var(--muted)}
.card .sub{color:var(--muted);font-size:12px}
.card.error .value{color:var(--err)} .card.warning .value{color:var(--warn)}
table{width:100%;border-collapse:collapse;background:var(--card);border:1px solid var(--line);border-radius:8px;overflow:hidden}
th,td{padding:6px 10px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
th{background:#eef1f6;font-weight:600;font-size:12px;color:#3a4356;white-space:nowrap}
tr:last-child td{border-bottom:0}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.zero{color:#b8bfcc}
.total{font-weight:600}
.sub{color:var(--muted);font-size:12px}
.path{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:12.5px;word-break:break-all}
a{color:var(--accent)}
code{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:12.5px}
.barcell{width:28%}
.bar{display:block;height:10px;border-radius:5px;background:linear-gradient(90deg,#4b7be5,#2357c6);min-width:2px}
.sev{display:inline-block;padding:0 7px;border-radius:10px;font-size:12px;border:1px solid currentColor}
.sev.error{color:var(--err)} .sev.warning{color:var(--warn)} .sev.information{color:var(--info)} .sev.hint{color:var(--hint)}
.ar,[lang=ar]{font-family:"Noto Naskh Arabic","Noto Sans Arabic","Segoe UI",Tahoma,"DejaVu Sans",sans-serif;font-size:15px}
td.ar{font-weight:600;white-space:nowrap}
.variant{display:inline-block;background:#fff4e0;border:1px solid #f0d3a0;border-radius:12px;padding:0 8px;margin:1px 2px}
.count{color:var(--muted);font-size:12px}
.tag{display:inline-block;font-size:11px;padding:0 6px;border-radius:8px;background:#e8eefc;color:var(--accent)}
.note{color:var(--muted);font-size:13px;margin:6px 0}
ol.timeline{list-style:none;margin:0;padding:0 0 0 16px;border-left:2px solid var(--line)}
ol.timeline>li{position:relative;margin:0 0 10px;padding-left:12px}
ol.timeline>li::before{content:"";position:absolute;left:-23px;top:6px;width:10px;height:10px;border-radius:50%;background:var(--accent)}
ol.timeline time{font-weight:600;font-variant-numeric:tabular-nums}
ol.timeline ul{margin:2px 0 0;padding:0;list-style:none}
ol.timeline ul li{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:4px 10px;margin:3px 0}
.where{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:12px;color:var(--muted)}
.datetext{font-size:12px;color:var(--muted)}
ol.timeline .title{font-size:15px}
details{background:var(--card);border:1px solid var(--line);border-radius:8px;margin:0 0 8px}
details summary{cursor:pointer;padding:8px 12px}
details table{border:0;border-top:1px solid var(--line);border-radius:0}
tr.known{color:var(--muted)}
@media print{header{background:none;color:#000}nav{display:none}details{break-inside:avoid}}
`;
