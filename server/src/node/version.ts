/** The tool's version, set by the bundler (a run from the sources is a development build). */
declare const CORPUS_LINT_VERSION: string | undefined;
export const VERSION = typeof CORPUS_LINT_VERSION === 'string' ? CORPUS_LINT_VERSION : '0.0.0-dev';

/** A digest of the engine's sources, set by the bundler (see esbuild.js). */
declare const CORPUS_LINT_BUILD: string | undefined;
/**
 * What caches and shards are kept under: the version and the build, so that a build whose analysis changed never
 * reuses what another stored, even under the same package version.
 */
export const CACHE_VERSION = `${VERSION}+${typeof CORPUS_LINT_BUILD === 'string' ? CORPUS_LINT_BUILD : 'sources'}`;
