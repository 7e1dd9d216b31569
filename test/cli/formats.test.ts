/** The JSON and text outputs are written a file at a time: the pieces make exactly the one-shot output. */
import * as assert from 'node:assert/strict';
import { buildReport, Report } from '../../server/src/cli/report';
import { fileJson, formatJson, jsonChunks } from '../../server/src/cli/format/json';
import { formatText, textChunks } from '../../server/src/cli/format/text';
import { formatSarif } from '../../server/src/cli/format/sarif';
import { entitiesJson, entitiesJsonChunks } from '../../server/src/cli/entities';
import { corpusOf, readSeeds } from '../helpers/fixture';

function seedReport(): Report {
  const files = readSeeds();
  const corpus = corpusOf(files);
  return buildReport(corpus, files.map((f) => f.file), [{ path: 'broken.txt', reason: 'invalid UTF-8 at byte 3' }], { quiet: false });
}

describe('output formats written in pieces', () => {
  it('JSON: the pieces are one JSON.stringify of the whole report (the same files, commas and brackets)', () => {
    const report = seedReport();
    const whole = { version: 1, files: report.files.map(fileJson), summary: report.summary };
    assert.equal(formatJson(report), JSON.stringify(whole) + '\n');
    assert.equal([...jsonChunks(report)].length, report.files.length + 2);
    assert.deepEqual(JSON.parse(formatJson(report)), JSON.parse(JSON.stringify(whole)));
  });

  it('entities JSON: the pieces are one pretty-printed JSON.stringify, empty lists and a listed subset included', () => {
    const files = readSeeds();
    const snapshot = corpusOf(files).people();
    const all = new Set(files.map((f) => f.file));
    for (const listed of [all, new Set([files[0].file]), new Set<string>()]) {
      const pieces = [...entitiesJsonChunks(snapshot, listed)];
      assert.equal(pieces.join(''), JSON.stringify(entitiesJson(snapshot, listed), null, 2) + '\n');
      if (listed === all) assert.ok(pieces.length > snapshot.people.length / 2, `${pieces.length} pieces`);
    }
  });

  it('text: a piece per file with findings, then the skipped files and the summary line', () => {
    const report = seedReport();
    const pieces = [...textChunks(report)];
    assert.equal(pieces.length, report.files.filter((f) => f.findings.length).length + 1);
    for (const p of pieces) assert.ok(p.endsWith('\n'));
    const last = pieces[pieces.length - 1].split('\n');
    assert.equal(last[0], 'broken.txt  skipped: invalid UTF-8 at byte 3');
    assert.match(last[1], /^5 files, 15 entries: 0 errors, \d+ warnings, \d+ information, 0 hints \(1 skipped\)$/);
    assert.equal(formatText(report), pieces.join(''));
  });

  it('SARIF: a skipped file is a warning notification of the run (not seen by code scanning); none, no invocation', () => {
    const run = JSON.parse(formatSarif(seedReport(), '0.0.0')).runs[0];
    assert.deepEqual(run.invocations, [
      {
        executionSuccessful: true,
        toolExecutionNotifications: [
          {
            level: 'warning',
            message: { text: 'skipped: invalid UTF-8 at byte 3' },
            locations: [{ physicalLocation: { artifactLocation: { uri: 'broken.txt' } } }],
          },
        ],
      },
    ]);
    const files = readSeeds();
    const clean = buildReport(corpusOf(files), files.map((f) => f.file), [], { quiet: false });
    assert.equal('invocations' in JSON.parse(formatSarif(clean, '0.0.0')).runs[0], false);
  });
});
