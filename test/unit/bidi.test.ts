/** Arabic fragments in English messages isolated for the editor (FSI … PDI), with real strings of the seeds. */
import * as assert from 'node:assert/strict';
import { isolateLabel, isolateRtl } from '../../server/src/core/text/bidi';

/** Shows the isolates as ⟨ ⟩, to read the expectations. */
const shown = (s: string) => s.replace(/\u2068/g, '⟨').replace(/\u2069/g, '⟩');

describe('isolating right-to-left fragments', () => {
  it('isolates each quoted name, so a count stays after its name', () => {
    assert.equal(
      shown(isolateRtl('Variants: «بوتين» 26, «فلاديمير بوتين» 18, «فلاديمير بوتن» 2')),
      'Variants: «⟨بوتين⟩» 26, «⟨فلاديمير بوتين⟩» 18, «⟨فلاديمير بوتن⟩» 2',
    );
  });

  it('keeps a cut title’s ellipsis inside its isolate, at the logical end', () => {
    assert.equal(
      shown(isolateRtl('Entry has no date: «الرئيس #الأسد يستقبل اليوم ألكسندر #لافرنتييف المبعوث…»')),
      'Entry has no date: «⟨الرئيس #الأسد يستقبل اليوم ألكسندر #لافرنتييف المبعوث…⟩»',
    );
    assert.equal(shown(isolateRtl('Title: الرئيس يستقبل المبعوث…')), 'Title: ⟨الرئيس يستقبل المبعوث…⟩');
  });

  it('isolates an unquoted Arabic list as one fragment, and stops before English or markup', () => {
    assert.equal(shown(isolateRtl('Roles: الرئيس، الرئيس الروسي')), 'Roles: ⟨الرئيس، الرئيس الروسي⟩');
    assert.equal(shown(isolateRtl('**فلاديمير بوتين** — person')), '**⟨فلاديمير بوتين⟩** — person');
    assert.equal(shown(isolateRtl('Date «28 يناير» has no year')), 'Date «⟨28 يناير⟩» has no year');
    assert.equal(shown(isolateRtl('line one بوتين\nبوتين 2 mentions')), 'line one ⟨بوتين⟩\n⟨بوتين⟩ 2 mentions');
  });

  it('leaves text without right-to-left letters, and text already isolated, as it is', () => {
    assert.equal(isolateRtl('Duplicated paragraph: the same text is at line 8'), 'Duplicated paragraph: the same text is at line 8');
    const once = isolateRtl('«بوتين» 26');
    assert.equal(isolateRtl(once), once);
  });

  it('isolates a label only when it mixes directions or ends in an ellipsis', () => {
    assert.equal(isolateLabel('فلاديمير بوتين'), 'فلاديمير بوتين');
    assert.equal(shown(isolateLabel('الرئيس يستقبل المبعوث…')), '⟨الرئيس يستقبل المبعوث…⟩');
  });
});
