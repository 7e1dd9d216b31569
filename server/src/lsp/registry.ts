/**
 * `corpusLint/writeRegistry`: writes a starter registry of people and places learned from a root's corpus (the
 * content of `corpus-lint registry init`) to the config's `registry` path, else the default name at the root. An
 * existing file is never replaced. Through a workspace edit (create the file, insert the text) when the client can
 * create files, else directly on disk.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import type { WorkspaceEdit } from 'vscode-languageserver/node';
import { registryText, starterRegistry } from '../core/people/registry';
import { registryPath, writeStarterRegistry } from '../node/registryFile';
import type { PeopleSnapshot } from '../core/people/index';
import type { Root } from './roots';
import { uriFromPath } from './uris';

export interface WriteRegistryResult {
  /** The file written (absolute path), with its URI. */
  written: string;
  path: string;
  uri: string;
  people: number;
  places: number;
  /** Set when the config does not name the registry yet: how to make the corpus use it. */
  hint?: string;
}

export interface WriteRegistryHost {
  /** Applies a workspace edit in the client; null when the client cannot create files. */
  applyEdit: ((edit: WorkspaceEdit) => Promise<{ applied: boolean; failureReason?: string }>) | null;
  /** The root's people snapshot, up to date (built without blocking the message loop). */
  people: () => Promise<PeopleSnapshot>;
}

export async function writeRegistryRequest(root: Root, host: WriteRegistryHost): Promise<WriteRegistryResult> {
  const folder = root.folder!;
  const configured = root.config.registry;
  const file = registryPath(folder, configured);
  if (fs.existsSync(file)) {
    throw new ResponseError(ErrorCodes.InvalidRequest, `${root.describe(uriFromPath(file))} exists: it is never overwritten (edit it, or remove it to start again)`);
  }
  const snapshot = await host.people();
  if (fs.existsSync(file)) {
    throw new ResponseError(ErrorCodes.InvalidRequest, `${root.describe(uriFromPath(file))} exists: it is never overwritten (edit it, or remove it to start again)`);
  }
  const uri = uriFromPath(file);
  let people: number;
  let places: number;
  if (host.applyEdit) {
    const registry = starterRegistry(snapshot);
    const edit: WorkspaceEdit = {
      documentChanges: [
        { kind: 'create', uri, options: { overwrite: false, ignoreIfExists: false } },
        { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: registryText(registry) }] },
      ],
    };
    const result = await host.applyEdit(edit);
    if (!result.applied) throw new ResponseError(ErrorCodes.InternalError, `the editor did not create ${file}${result.failureReason ? `: ${result.failureReason}` : ''}`);
    people = registry.people.length;
    places = registry.places.length;
  } else {
    try {
      ({ people, places } = writeStarterRegistry(file, snapshot));
    } catch (err) {
      throw new ResponseError(ErrorCodes.InternalError, (err as Error).message);
    }
  }
  const out: WriteRegistryResult = { written: file, path: file, uri, people, places };
  if (!configured) out.hint = `Add "registry": "${path.relative(folder, file).split(path.sep).join('/')}" to the config file to use it.`;
  return out;
}
