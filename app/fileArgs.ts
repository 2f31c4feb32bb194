/**
 * The page's file and document messages, checked before main acts on them. The page names files
 * (a suggestion for the save dialog), never paths: a name with a directory in it is refused.
 */
import type { SaveFileRequest } from '../shared/ipc';
import type { DocumentState } from '../shared/menu';
import { MAX_TITLE_CHARS } from '../shared/menu';
import { MAX_FILE_NAME_CHARS, MAX_PAYLOAD_CHARS } from './limits';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Why `name` is not a bare file name, or undefined when it is one. */
export function fileNameProblem(name: unknown): string | undefined {
  if (typeof name !== 'string' || name.trim() === '') return 'a file name must be a non-empty string';
  if (name.length > MAX_FILE_NAME_CHARS) return `a file name must be at most ${MAX_FILE_NAME_CHARS} characters`;
  // eslint-disable-next-line no-control-regex
  if (/[/\\\u0000-\u001f]/.test(name) || name === '.' || name === '..')
    return 'a file name must not contain a directory or control characters (the save dialog picks the folder)';
  return undefined;
}

/** The checked save request, or why it is refused. */
export function parseSaveRequest(value: unknown): SaveFileRequest | string {
  if (!isRecord(value)) return 'saveTopologyFile takes one request { suggestedName, text, saveAs }';
  const extra = Object.keys(value).find((k) => !['suggestedName', 'text', 'saveAs'].includes(k));
  if (extra !== undefined) return `saveTopologyFile: unknown field "${extra.slice(0, 40)}"`;
  const { suggestedName, text, saveAs } = value;
  const nameProblem = fileNameProblem(suggestedName);
  if (nameProblem) return `saveTopologyFile: ${nameProblem}`;
  if (typeof text !== 'string') return 'saveTopologyFile: text must be a string';
  if (text.length > MAX_PAYLOAD_CHARS) return `saveTopologyFile: text is over ${MAX_PAYLOAD_CHARS} characters`;
  if (typeof saveAs !== 'boolean') return 'saveTopologyFile: saveAs must be true or false';
  return { suggestedName: suggestedName as string, text, saveAs };
}

/** The checked document state, or why it is refused. */
export function parseDocumentState(value: unknown): DocumentState | string {
  if (!isRecord(value)) return 'the document state must be an object';
  const { title, fileName, dirty } = value;
  if (typeof title !== 'string' || title.length > MAX_TITLE_CHARS) return `title must be a string of at most ${MAX_TITLE_CHARS} characters`;
  if (typeof dirty !== 'boolean') return 'dirty must be true or false';
  if (fileName !== undefined && fileNameProblem(fileName)) return `fileName: ${fileNameProblem(fileName)}`;
  return fileName === undefined ? { title, dirty } : { title, dirty, fileName: fileName as string };
}
