/**
 * Workspace-relative paths as the model keeps them: `/`-separated, no leading `./`, `''` for the
 * workspace folder itself. Paths written in templates are joined onto the template's folder here.
 */

/** The folder of a file, `''` at the top. */
export function folderOf(file: string): string {
  const slash = file.lastIndexOf('/');
  return slash < 0 ? '' : file.slice(0, slash);
}

/**
 * `relative` written in a file of `folder`, as a workspace path; undefined when it is absolute, a URL
 * (`s3://…`), or climbs out of the workspace.
 */
export function joinPath(folder: string, relative: string): string | undefined {
  const written = relative.trim().split('\\').join('/');
  if (written === '' || written.startsWith('/') || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(written)) {
    return undefined;
  }
  const parts = folder === '' ? [] : folder.split('/');
  for (const part of written.split('/')) {
    if (part === '' || part === '.') {
      continue;
    }
    if (part === '..') {
      if (parts.length === 0) {
        return undefined;
      }
      parts.pop();
    } else {
      parts.push(part);
    }
  }
  return parts.join('/');
}

/** Whether `file` is `path` itself or lies below the folder `path`. */
export function isWithin(path: string, file: string): boolean {
  return path === '' || file === path || file.startsWith(`${path}/`);
}

/** A path without its extension (`src/app.ts` → `src/app`); a dot in a folder name is not an extension. */
export function withoutExtension(file: string): string {
  const dot = file.lastIndexOf('.');
  return dot > file.lastIndexOf('/') + 1 ? file.slice(0, dot) : file;
}

/** A file's name without its folder and extension (`res/orders-table.yml` → `orders-table`). */
export function stemOf(file: string): string {
  return withoutExtension(file).slice(file.lastIndexOf('/') + 1);
}

/** The extension without the dot, lower case, or `''`. */
export function extensionOf(file: string): string {
  const dot = file.lastIndexOf('.');
  return dot > file.lastIndexOf('/') + 1 ? file.slice(dot + 1).toLowerCase() : '';
}

/** A folder and every folder above it, innermost first, ending with `''`. */
export function foldersUp(folder: string): string[] {
  const result: string[] = [];
  let current = folder;
  while (current !== '') {
    result.push(current);
    current = folderOf(current);
  }
  result.push('');
  return result;
}

/** The deepest folder that holds every one of `paths` (files or folders), `''` at worst. */
export function commonFolder(paths: readonly string[]): string {
  let common: string[] | undefined;
  for (const path of paths) {
    const parts = path === '' ? [] : path.split('/');
    if (common === undefined) {
      common = parts;
      continue;
    }
    let same = 0;
    while (same < common.length && same < parts.length && common[same] === parts[same]) {
      same++;
    }
    common = common.slice(0, same);
  }
  return (common ?? []).join('/');
}
