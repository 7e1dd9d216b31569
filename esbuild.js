// Bundles the three entry points: the VS Code client, the language server and the CLI.
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // Prefer ES module builds: jsonc-parser's UMD build cannot be bundled.
  mainFields: ['module', 'main'],
  // ES modules bundled into CommonJS still ask for import.meta.url (fdir does).
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

/**
 * A digest of the engine's sources: the caches of analyses and results, and shards, are kept per build, so a build
 * whose analysis changed never reuses what an older one stored under the same package version. A watch build cannot
 * know its sources' future edits: it gets an id of its own instead.
 */
function sourceDigest(dir) {
  const crypto = require('node:crypto');
  const fs = require('node:fs');
  const path = require('node:path');
  const files = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts')) files.push(p);
    }
  };
  walk(path.join(__dirname, dir));
  const h = crypto.createHash('sha256');
  for (const f of files.sort()) h.update(path.relative(__dirname, f).split(path.sep).join('/')).update('\0').update(fs.readFileSync(f)).update('\0');
  return h.digest('hex').slice(0, 16);
}

// The package version, for `corpus-lint --version`, SARIF and HTML reports, and the server's `serverInfo`.
const versioned = {
  ...common.define,
  CORPUS_LINT_VERSION: JSON.stringify(require('./package.json').version),
  CORPUS_LINT_BUILD: JSON.stringify(watch ? `watch-${Date.now().toString(36)}` : sourceDigest('server/src')),
};

const builds = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js', define: versioned },
  {
    entryPoints: ['server/src/cli/main.ts'],
    outfile: 'dist/cli.js',
    define: versioned,
    banner: { js: "#!/usr/bin/env node\nconst __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  },
  // The read-ahead worker of the CLI and the server: a small bundle of its own, quick to start.
  { entryPoints: ['server/src/node/readAheadWorker.ts'], outfile: 'dist/readAhead.js' },
];

const fs = require('node:fs');

async function main() {
  const present = builds.filter((b) => fs.existsSync(b.entryPoints[0]));
  if (watch) {
    for (const b of present) (await esbuild.context({ ...common, ...b })).watch();
    return;
  }
  await Promise.all(present.map((b) => esbuild.build({ ...common, ...b })));
  if (fs.existsSync('dist/cli.js')) fs.chmodSync('dist/cli.js', 0o755);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
