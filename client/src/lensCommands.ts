/**
 * The server's event lenses run VS Code's `editor.action.showReferences` (a peek view of the event's other reports).
 * That command checks its arguments' types (a Uri, a Position, Locations), and the language client hands a lens's
 * arguments over as the JSON the server sent: clicking the lens failed with «argument does not match one of these
 * constraints». The arguments are turned into VS Code's types here, on the way from the server to the editor.
 */
import * as vscode from 'vscode';

const SHOW_REFERENCES = 'editor.action.showReferences';

interface JsonPosition {
  line: number;
  character: number;
}

interface JsonLocation {
  uri: string;
  range: { start: JsonPosition; end: JsonPosition };
}

/** The lens with its command's arguments in VS Code's types (lenses of other commands are returned as they are). */
export function withEditorArguments(lens: vscode.CodeLens): vscode.CodeLens {
  const command = lens.command;
  if (command?.command !== SHOW_REFERENCES || !Array.isArray(command.arguments)) return lens;
  const [uri, position, locations] = command.arguments as [unknown, unknown, unknown];
  if (typeof uri !== 'string' || !isPosition(position) || !Array.isArray(locations) || !locations.every(isLocation)) return lens;
  lens.command = {
    ...command,
    arguments: [vscode.Uri.parse(uri), asPosition(position), locations.map((l) => new vscode.Location(vscode.Uri.parse(l.uri), asRange(l.range)))],
  };
  return lens;
}

function asPosition(p: JsonPosition): vscode.Position {
  return new vscode.Position(p.line, p.character);
}

function asRange(r: JsonLocation['range']): vscode.Range {
  return new vscode.Range(asPosition(r.start), asPosition(r.end));
}

function isPosition(p: unknown): p is JsonPosition {
  const q = p as JsonPosition | null;
  return typeof q === 'object' && q !== null && Number.isInteger(q.line) && Number.isInteger(q.character);
}

function isLocation(l: unknown): l is JsonLocation {
  const q = l as JsonLocation | null;
  return typeof q === 'object' && q !== null && typeof q.uri === 'string' && isPosition(q.range?.start) && isPosition(q.range?.end);
}
