#!/usr/bin/env node
// Stands in for the VS Code executable that @vscode/test-electron's `runTests` launches (`vscodeExecutablePath`),
// on machines that cannot download VS Code: it takes the same arguments
//   [workspace folder or .code-workspace] --extensionDevelopmentPath=P --extensionTestsPath=T --user-data-dir=… …
// and runs the tests in code-server's Node extension host, with headless chromium as the window. The extension and
// the tests reach the workbench as vscode-remote:// URIs in the URL's `payload` (code-server's command line rejects
// --extensionDevelopmentPath). The workbench reports the test runner's exit code through `codeAutomationExit`:
// that is this process's exit code.
//
// Env: CODE_SERVER_BIN, CHROMIUM, SHIM_TIMEOUT_S (default 600), VERBOSE=1 (browser console and all log lines).
'use strict';
const path = require('node:path');
const util = require('node:util');
const { startCodeServer, launchChromium, workbenchUrl } = require('./harness/codeServer');

function parseArgs(argv) {
  const options = { dev: [], tests: undefined, target: undefined };
  const takesValue = new Set(['extensionDevelopmentPath', 'extensionTestsPath', 'user-data-dir', 'extensions-dir', 'locale', 'folder-uri', 'file-uri']);
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([^=]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m) {
      options.target ??= path.resolve(argv[i]);
      continue;
    }
    const [, key, inline] = m;
    const value = inline !== undefined ? inline : takesValue.has(key) ? argv[++i] : undefined;
    if (key === 'extensionDevelopmentPath') options.dev.push(path.resolve(value));
    else if (key === 'extensionTestsPath') options.tests = path.resolve(value);
    else if (key === 'folder-uri') options.target = new URL(value).pathname;
    // everything else (--no-sandbox, --user-data-dir, --disable-extensions, …) is for an Electron VS Code
  }
  return options;
}

// Lines of the workbench's own chatter that say nothing about the tests.
const NOISE = /^Ignoring fetching additional builtin extensions|^\[Service Worker\]|^(Resolving|Resolved) connection token|^Creating a socket|^ChatSessionStore|^Extension host \(Remote\) is unresponsive|^\[LocalProcess\]/;

async function main() {
  const started = Date.now();
  const options = parseArgs(process.argv.slice(2));
  if (!options.tests || options.dev.length === 0) {
    console.error('code-server-shim: needs --extensionTestsPath and --extensionDevelopmentPath');
    return 2;
  }
  let server;
  let browser;
  const cleanup = async () => {
    if (browser) await browser.close();
    if (server) server.stop();
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => void cleanup().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143)));
  }
  try {
    // the extension host inherits this environment: runTests' extensionTestsEnv reaches the tests
    server = await startCodeServer();
    const remote = (p) => `vscode-remote://${server.authority}${p}`;
    const payload = [
      ...options.dev.map((d) => ['extensionDevelopmentPath', remote(d)]),
      ['extensionTestsPath', remote(options.tests)],
    ];
    browser = await launchChromium();
    const { page } = browser;
    let finish;
    const exited = new Promise((resolve) => (finish = resolve));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = util.format(...(Array.isArray(args) ? args : [args]));
      if (NOISE.test(line) && !process.env.VERBOSE) return;
      (type === 'error' || type === 'warn' ? process.stderr : process.stdout).write(line + '\n');
    });
    await page.exposeFunction('codeAutomationExit', (code) => finish(code));
    if (process.env.VERBOSE) page.on('console', (m) => console.log('[browser]', m.text()));
    await page.goto(workbenchUrl(server.base, options.target, payload));
    const timeoutMs = Number(process.env.SHIM_TIMEOUT_S || 600) * 1000;
    const timer = setTimeout(() => {
      console.error(`code-server-shim: the tests did not finish within ${timeoutMs / 1000} s`);
      finish(124);
    }, timeoutMs);
    const code = await exited;
    clearTimeout(timer);
    if (process.env.VERBOSE) console.log(`code-server-shim: exit ${code} after ${Date.now() - started} ms`);
    return code;
  } catch (err) {
    console.error('code-server-shim:', (err && err.stack) || err);
    return 1;
  } finally {
    await cleanup();
  }
}

main().then((code) => process.exit(code));
