/** The tool's version, set by the bundler (a run from the sources is a development build). */
declare const CORPUS_LINT_VERSION: string | undefined;
export const VERSION = typeof CORPUS_LINT_VERSION === 'string' ? CORPUS_LINT_VERSION : '0.0.0-dev';
