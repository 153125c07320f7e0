/**
 * Folders a Python script puts on the import path before it imports the project's modules
 * (`sys.path.insert(0, 'chalicelib')` then `from models.User import User`, a Chalice app's migration script).
 * Such a folder is read like a Lambda layer's `python` folder, for every file, as `sys.path` is the process's
 * (the routes an app imports after its own insert find the models the same way): an import tried in the importing
 * file's folders up to the root is tried below it next. A relative entry is taken from the script's own folder,
 * where such scripts are run; `os.path.join(os.path.dirname(__file__), 'lib')` says so itself. A folder the script
 * lies in or below is tried already, and putting it on every file's path would only widen imports elsewhere.
 */
import { folderOf, joinPath } from './paths';

/** A `sys.path.insert(n, …)` or `sys.path.append(…)` statement and its argument's text to the line's end (line-anchored, so linear). */
const PATH_ENTRY = /^[ \t]*sys\.path\.(?:insert\([ \t]*\d+[ \t]*,|append\()[ \t]*([^\n]*)$/gm;
/** A string literal argument: `'chalicelib')`. */
const LITERAL = /^(['"])([^'"\\\n]*)\1[ \t]*\)/;
/** `os.path.join(os.path.dirname(__file__), 'a', 'b'))`, `__file__` possibly in `abspath` or `realpath`: the literal parts. */
const JOINED_TO_FILE =
  /^os\.path\.join\([ \t]*os\.path\.dirname\([ \t]*(?:__file__|os\.path\.(?:abspath|realpath)\([ \t]*__file__[ \t]*\))[ \t]*\)[ \t]*,([ \t'",\w.\-/]*)\)[ \t]*\)/;
/** Entries read per file: far past what one script puts on its path. */
const MAX_ENTRIES = 4;

/** The workspace folders `file`'s `sys.path` statements add, other than its own folder and those above it; undefined for none. */
export function pythonPathRoots(file: string, text: string): string[] | undefined {
  if (!text.includes('sys.path.')) {
    return undefined;
  }
  const folder = folderOf(file);
  const roots: string[] = [];
  for (const [, argument] of text.matchAll(PATH_ENTRY)) {
    const relative = LITERAL.exec(argument)?.[2] ?? joinedParts(argument);
    const root = relative === undefined ? undefined : joinPath(folder, relative);
    const onPathAlready = root === undefined || root === folder || folder.startsWith(`${root}/`) || root === '';
    if (!onPathAlready && !roots.includes(root) && roots.length < MAX_ENTRIES) {
      roots.push(root);
    }
  }
  return roots.length > 0 ? roots : undefined;
}

/** The path the literal parts of an `os.path.join` from the script's folder make, or undefined when a part is not a literal. */
function joinedParts(argument: string): string | undefined {
  const parts = JOINED_TO_FILE.exec(argument)?.[1].split(',').map((part) => part.trim());
  if (!parts || parts.length === 0 || parts.some((part) => !/^(['"])[^'"]*\1$/.test(part))) {
    return undefined;
  }
  return parts.map((part) => part.slice(1, -1)).join('/');
}
