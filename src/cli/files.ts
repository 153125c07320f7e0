/** Walks the paths given to the CLI: files the engine reads, minus what .gitignore excludes. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { Ignore } from 'ignore';
import { documentKind, DocumentKind } from '../hints/engine/analyze';

export interface FileEntry {
  path: string;
  kind: DocumentKind;
  size: number;
}

/** Folders that are never source, whatever .gitignore says. */
const ALWAYS_SKIPPED = new Set(['.git', 'node_modules', '.hg', '.svn', '.terraform', '.aws-sam', 'cdk.out']);

interface IgnoreLayer {
  base: string;
  rules: Ignore;
}

function loadGitignore(dir: string): IgnoreLayer | undefined {
  const file = path.join(dir, '.gitignore');
  try {
    return { base: dir, rules: ignore().add(fs.readFileSync(file, 'utf8')) };
  } catch {
    return undefined;
  }
}

function ignored(layers: readonly IgnoreLayer[], full: string, isDirectory: boolean): boolean {
  for (const layer of layers) {
    const relative = path.relative(layer.base, full).split(path.sep).join('/');
    if (relative && !relative.startsWith('..') && layer.rules.ignores(isDirectory ? `${relative}/` : relative)) {
      return true;
    }
  }
  return false;
}

/** The .gitignore files that apply to `dir` from its enclosing repository root down. */
function ancestorLayers(dir: string): IgnoreLayer[] {
  const chain: string[] = [];
  let current = path.resolve(dir);
  for (;;) {
    chain.unshift(current);
    if (fs.existsSync(path.join(current, '.git'))) {
      break;
    }
    const parent = path.dirname(current);
    if (parent === current) {
      return [];
    }
    current = parent;
  }
  return chain.slice(0, -1).flatMap((folder) => loadGitignore(folder) ?? []);
}

export function collectFiles(inputs: readonly string[], onMissing: (input: string) => void): FileEntry[] {
  const files: FileEntry[] = [];
  const seen = new Set<string>();
  const add = (full: string, size: number): void => {
    const kind = documentKind(undefined, full);
    if (kind && !seen.has(full)) {
      seen.add(full);
      files.push({ path: full, kind, size });
    }
  };
  const walk = (dir: string, layers: IgnoreLayer[]): void => {
    const own = loadGitignore(dir);
    const active = own ? [...layers, own] : layers;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!ALWAYS_SKIPPED.has(entry.name) && !ignored(active, full, true)) {
          walk(full, active);
        }
      } else if (entry.isFile() && !ignored(active, full, false)) {
        add(full, fs.statSync(full).size);
      }
    }
  };
  for (const input of inputs) {
    const full = path.resolve(input);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch {
      onMissing(input);
      continue;
    }
    if (stat.isDirectory()) {
      walk(full, ancestorLayers(full));
    } else {
      // A file named explicitly is checked even if it is ignored.
      add(full, stat.size);
    }
  }
  return files;
}
