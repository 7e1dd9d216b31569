// Runs the in-editor suite with @vscode/test-electron's `runTests`. With VSCODE_EXECUTABLE set (the code-server shim
// of this folder on machines without access to VS Code downloads) that executable is launched; without it
// test-electron downloads VS Code (VSCODE_VERSION, default: stable) as usual.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

const repo = path.resolve(__dirname, '../../..'); // compiled into out/test/vscode
const seeds = path.join(repo, 'test/fixtures/corpus/seeds');

/**
 * The suite opens the seed corpus in place. The seeds folder holds no config file, so the workspace associates
 * *.txt with the corpus language, the way a user without a config file does.
 */
function writeWorkspaceFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lint-suite-'));
  const file = path.join(dir, 'seeds.code-workspace');
  const workspace = {
    folders: [{ path: seeds }],
    settings: {
      'files.associations': { '*.txt': 'corpus' },
      'files.autoSave': 'off',
      'corpusLint.trace.server': process.env.CORPUS_LINT_TRACE ?? 'off',
    },
  };
  fs.writeFileSync(file, JSON.stringify(workspace, null, 2));
  return file;
}

async function main(): Promise<number> {
  const workspaceFile = writeWorkspaceFile();
  try {
    await runTests({
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
      version: process.env.VSCODE_VERSION || undefined,
      extensionDevelopmentPath: repo,
      extensionTestsPath: path.join(__dirname, 'suite', 'index'),
      launchArgs: [workspaceFile, '--disable-extensions'],
      extensionTestsEnv: { CORPUS_LINT_SEEDS: seeds, MOCHA_GREP: process.env.MOCHA_GREP ?? '' },
    });
    return 0;
  } catch (err) {
    console.error(`in-editor tests failed: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  } finally {
    fs.rmSync(path.dirname(workspaceFile), { recursive: true, force: true });
  }
}

void main().then((code) => process.exit(code));
