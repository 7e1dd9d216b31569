// Starts and stops code-server (the VS Code workbench with its Node extension host) for the tests, and drives it
// with Debian's chromium through playwright-core. Used by the `runTests` shim and by the browser end-to-end test.
'use strict';
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const REPO = path.resolve(__dirname, '../../..');

/** The code-server binary: $CODE_SERVER_BIN, else what scripts/install-code-server.sh installs inside the repo. */
function codeServerBin() {
  return process.env.CODE_SERVER_BIN || path.join(REPO, '.vscode-test/code-server/bin/code-server');
}

/** Chromium's command-line flags for a headless run on a machine with no network but loopback. */
const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** User settings of the test workbench: nothing that reaches out, nothing that pops up. */
const WORKBENCH_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'git.enabled': false,
  'files.autoSave': 'off',
  'editor.hover.delay': 100,
  'workbench.colorTheme': 'Default Light Modern',
};

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url, timeoutMs, isAlive) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    if (!isAlive()) throw new Error('code-server exited before it answered');
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`code-server did not answer at ${url} within ${timeoutMs / 1000} s`);
}

/** A fresh home, user-data and extensions folder for one run, removed by `dispose`. */
function makeProfile(settings = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lint-cs-'));
  for (const d of ['ud/User', 'ext', 'home']) fs.mkdirSync(path.join(dir, d), { recursive: true });
  fs.writeFileSync(path.join(dir, 'ud/User/settings.json'), JSON.stringify({ ...WORKBENCH_SETTINGS, ...settings }, null, 2));
  fs.writeFileSync(path.join(dir, 'config.yaml'), '');
  const env = {
    ...process.env,
    HOME: path.join(dir, 'home'),
    XDG_CONFIG_HOME: path.join(dir, 'home/.config'),
    XDG_DATA_HOME: path.join(dir, 'home/.local/share'),
    XDG_CACHE_HOME: path.join(dir, 'home/.cache'),
    EXTENSIONS_GALLERY: '{}', // no gallery: nothing tries to reach a marketplace
  };
  const common = ['--config', path.join(dir, 'config.yaml'), '--user-data-dir', path.join(dir, 'ud'), '--extensions-dir', path.join(dir, 'ext')];
  return { dir, env, common, dispose: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Starts code-server on a free loopback port, in its own process group (its file watcher, extension host and our
 * language server die with it). Options: `settings` (user settings), `vsix` (installed first), `env` (extra env).
 */
async function startCodeServer(options = {}) {
  const bin = codeServerBin();
  if (!fs.existsSync(bin)) throw new Error(`no code-server at ${bin}: run scripts/install-code-server.sh (or set CODE_SERVER_BIN)`);
  const profile = makeProfile(options.settings);
  const env = { ...profile.env, ...(options.env || {}) };
  if (options.vsix) {
    execFileSync(bin, [...profile.common, '--install-extension', options.vsix], { env, stdio: 'pipe' });
  }
  const port = await freePort();
  const args = [...profile.common, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry',
    '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override'];
  const child = spawn(bin, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (d) => { log += d; });
  child.stderr.on('data', (d) => { log += d; });
  let alive = true;
  child.on('exit', () => { alive = false; });
  const stop = () => {
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
    profile.dispose();
  };
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${base}/healthz`, 60000, () => alive);
  } catch (err) {
    stop();
    err.message += `\ncode-server log:\n${log}`;
    throw err;
  }
  return { base, port, authority: `127.0.0.1:${port}`, stop, log: () => log };
}

/** Launches Debian's chromium ($CHROMIUM, default /usr/bin/chromium) with a fresh profile; never downloads a browser. */
async function launchChromium() {
  const { chromium } = require('playwright-core');
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lint-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1400, height: 900 },
    // chromium's crash reports and dconf cache stay out of the real home
    env: { ...process.env, HOME: userDataDir, XDG_CONFIG_HOME: path.join(userDataDir, '.config'), XDG_CACHE_HOME: path.join(userDataDir, '.cache') },
  });
  const page = context.pages()[0] || (await context.newPage());
  const close = async () => {
    await context.close().catch(() => {});
    fs.rmSync(userDataDir, { recursive: true, force: true });
  };
  return { context, page, close };
}

/** The workbench URL that opens a folder, or a `.code-workspace` file, with an optional test payload. */
function workbenchUrl(base, target, payload) {
  const params = [];
  if (target && target.endsWith('.code-workspace')) params.push(`workspace=${encodeURIComponent(target)}`);
  else if (target) params.push(`folder=${encodeURIComponent(target)}`);
  else params.push('ew=true');
  if (payload) params.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  return `${base}/?${params.join('&')}`;
}

module.exports = { REPO, CHROMIUM_FLAGS, WORKBENCH_SETTINGS, codeServerBin, startCodeServer, launchChromium, workbenchUrl };
