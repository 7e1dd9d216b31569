/**
 * How many analysis workers a host starts by default (server/src/node/parallelAnalyze.ts `defaultThreads`): one per
 * idle core beyond the main thread's and one left to the engine's helper threads, none below the host's threshold,
 * at most 7; CORPUS_LINT_THREADS overrides all of it.
 */
import * as assert from 'node:assert/strict';
import { defaultThreads } from '../../server/src/node/parallelAnalyze';

describe('defaultThreads', () => {
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.CORPUS_LINT_THREADS;
    delete process.env.CORPUS_LINT_THREADS;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.CORPUS_LINT_THREADS;
    else process.env.CORPUS_LINT_THREADS = saved;
  });

  it('starts none on 2 idle cores: one is the main thread, the other the engine helpers', () => {
    assert.equal(defaultThreads(10_000, 0, { cores: 2, load: 0 }), 0);
    assert.equal(defaultThreads(10_000, 0, { cores: 1, load: 0 }), 0);
  });

  it('starts one per idle core beyond two, counting a core idle when the load leaves three quarters of it', () => {
    assert.equal(defaultThreads(10_000, 0, { cores: 4, load: 0 }), 2);
    assert.equal(defaultThreads(10_000, 0, { cores: 4, load: 0.2 }), 2);
    assert.equal(defaultThreads(10_000, 0, { cores: 4, load: 0.3 }), 1);
    assert.equal(defaultThreads(10_000, 0, { cores: 4, load: 1.5 }), 0);
    assert.equal(defaultThreads(10_000, 0, { cores: 4, load: 6 }), 0);
  });

  it('starts at most 7', () => {
    assert.equal(defaultThreads(10_000, 0, { cores: 64, load: 0 }), 7);
  });

  it('starts none below the host threshold', () => {
    assert.equal(defaultThreads(4_999, 5_000, { cores: 8, load: 0 }), 0);
    assert.equal(defaultThreads(5_000, 5_000, { cores: 8, load: 0 }), 6);
  });

  it('takes CORPUS_LINT_THREADS as given, and ignores a value that is not a count', () => {
    process.env.CORPUS_LINT_THREADS = '1';
    assert.equal(defaultThreads(10, 5_000, { cores: 2, load: 0 }), 1);
    process.env.CORPUS_LINT_THREADS = '0';
    assert.equal(defaultThreads(10_000, 0, { cores: 16, load: 0 }), 0);
    process.env.CORPUS_LINT_THREADS = 'many';
    assert.equal(defaultThreads(10_000, 0, { cores: 16, load: 0 }), 7);
  });
});
