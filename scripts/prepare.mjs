// npm's `prepare` step: builds the bundles (dist/), so that installing from git (`npm install --global github:…`,
// the pre-commit framework's node hooks) yields a working `corpus-lint`. npm is meant to install the devDependencies
// of a git dependency before `prepare`, but for a global install it does not (npm/cli#8440): when the build tool is
// missing, install the devDependencies into this folder first, without the inherited `global` setting.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));

function hasBuildTool() {
  try {
    require.resolve('esbuild');
    return true;
  } catch {
    return false;
  }
}

if (!hasBuildTool()) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_config_(global|location|prefix)$/i.test(k)));
  const npm = process.env.npm_execpath;
  const args = ['install', '--global=false', '--include=dev', '--ignore-scripts', '--no-save', '--no-audit', '--no-fund'];
  if (npm && npm.endsWith('.js')) execFileSync(process.execPath, [npm, ...args], { cwd: root, env, stdio: 'inherit' });
  else execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, { cwd: root, env, stdio: 'inherit', shell: process.platform === 'win32' });
}
execFileSync(process.execPath, [path.join(root, 'esbuild.js')], { cwd: root, stdio: 'inherit' });
