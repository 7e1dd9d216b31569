/**
 * Loaded before every test (package.json's mocha settings): the language server processes the tests start keep no
 * cache of analyses in the user's cache folder, so that no run depends on what an earlier one left there. Tests of
 * the cache name a folder of their own.
 */
process.env.CORPUS_LINT_CACHE ??= 'off';
