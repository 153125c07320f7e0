/**
 * The files git tracks in a repository, read from its index (`.git/index`, versions 2 to 4;
 * https://git-scm.com/docs/index-format). `.gitignore` applies only to files git does not track, so the
 * file selection keeps a tracked file that a pattern lists (an `application.properties` committed before
 * it was ignored). Read without running git, which the machine may not have; an index that cannot be read
 * (missing, too large, another format, cut short) tracks nothing, and `.gitignore` alone then decides.
 * The CLI walk (`cli/gitIndex.ts`) and the editor (`hints/workspace/trackedFiles.ts`) find and read the files.
 */
import { documentKind } from './documentKinds';

/** The largest index read: about 100 bytes per file, so some 600,000 files. */
export const MAX_INDEX_BYTES = 64 * 1024 * 1024;
/** Bytes of an entry before its object name: ctime, mtime, dev, ino, mode, uid, gid and size, 32 bits each. */
const STAT_BYTES = 40;
const EXTENDED_FLAG = 0x4000;
/** A sparse index's entry for a whole folder outside the sparse checkout (its path ends with `/`). */
const DIRECTORY_MODE = 0o040000;

/** The paths an index lists (`/`-separated, relative to the repository's root), or undefined when it is not an index this reads. */
export function parseGitIndex(data: Uint8Array, hashBytes: 20 | 32): string[] | undefined {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (data.length < 12 || view.getUint32(0) !== 0x44495243 /* DIRC */) {
    return undefined;
  }
  const version = view.getUint32(4);
  const count = view.getUint32(8);
  if (version < 2 || version > 4 || count > data.length) {
    return undefined;
  }
  const decoder = new TextDecoder();
  const paths: string[] = [];
  let previous: Uint8Array = new Uint8Array(0);
  let at = 12;
  for (let entry = 0; entry < count; entry++) {
    const start = at;
    const flagsAt = start + STAT_BYTES + hashBytes;
    if (flagsAt + 2 > data.length) {
      return undefined;
    }
    const mode = view.getUint32(start + 24);
    const flags = view.getUint16(flagsAt);
    at = flagsAt + 2 + (version >= 3 && flags & EXTENDED_FLAG ? 2 : 0);
    let name: Uint8Array;
    if (version === 4) {
      // The path is the previous one with its last N bytes removed, then what follows up to a NUL.
      const removed = readOffset(data, at);
      if (!removed || removed.value > previous.length) {
        return undefined;
      }
      const end = data.indexOf(0, removed.next);
      if (end < 0) {
        return undefined;
      }
      const suffix = data.subarray(removed.next, end);
      name = new Uint8Array(previous.length - removed.value + suffix.length);
      name.set(previous.subarray(0, previous.length - removed.value));
      name.set(suffix, previous.length - removed.value);
      at = end + 1;
    } else {
      const end = data.indexOf(0, at);
      if (end < 0) {
        return undefined;
      }
      name = data.subarray(at, end);
      // One to eight NULs end the path and pad the entry to a multiple of eight bytes.
      at = start + Math.ceil((end + 1 - start) / 8) * 8;
    }
    if (at > data.length) {
      return undefined;
    }
    previous = name;
    const written = decoder.decode(name);
    paths.push(mode === DIRECTORY_MODE && !written.endsWith('/') ? `${written}/` : written);
  }
  return paths;
}

/** Git's offset encoding (`varint.c`): seven bits per byte, high bit set while more follow, each continuation adding one. */
function readOffset(data: Uint8Array, at: number): { value: number; next: number } | undefined {
  let next = at;
  let byte = data[next++];
  if (byte === undefined) {
    return undefined;
  }
  let value = byte & 127;
  while (byte & 128) {
    byte = data[next++];
    if (byte === undefined || value > 0xffffff) {
      return undefined;
    }
    value = ((value + 1) << 7) + (byte & 127);
  }
  return { value, next };
}

/**
 * What git tracks that the file selection may read (files of a kind `documentKinds.ts` names, by path as the caller
 * keys them), and the folders that hold any: a large repository's other files cost no memory here.
 */
export class TrackedFiles {
  private readonly files = new Set<string>();
  private readonly folders = new Set<string>();
  private readonly sparseFolders: string[] = [];

  /** `prefix` goes before every path of the index (a workspace folder's key: `0/`). */
  constructor(paths: readonly string[], prefix = '') {
    for (const unprefixed of paths) {
      const tracked = `${prefix}${unprefixed}`;
      if (tracked.endsWith('/')) {
        this.sparseFolders.push(tracked);
      } else if (documentKind(undefined, tracked)) {
        this.files.add(tracked);
      } else {
        continue;
      }
      for (let slash = tracked.indexOf('/'); slash > 0 && slash < tracked.length - 1; slash = tracked.indexOf('/', slash + 1)) {
        this.folders.add(tracked.slice(0, slash));
      }
    }
  }

  /** Whether git tracks the file at `relative` (`/`-separated, from the root). */
  tracks(relative: string): boolean {
    return this.files.has(relative) || this.sparseFolders.some((folder) => relative.startsWith(folder));
  }

  /** Whether git tracks any file in the folder at `relative`. */
  holdsTracked(relative: string): boolean {
    return this.folders.has(relative) || this.sparseFolders.some((folder) => folder.startsWith(`${relative}/`) || relative.startsWith(folder));
  }
}


/** The git folder a `.git` file names (`gitdir: ../.git/worktrees/feature` in a linked worktree or a submodule), relative to the work tree. */
export function gitDirWritten(dotGitFileText: string): string | undefined {
  return /^gitdir:[ \t]*(.+?)[ \t]*$/m.exec(dotGitFileText)?.[1];
}

/** SHA-256 repositories (`extensions.objectFormat = sha256` in their config) name objects in 32 bytes, others in 20. */
export function objectHashBytes(configText: string | undefined): 20 | 32 {
  return configText !== undefined && /^[ \t]*objectformat[ \t]*=[ \t]*sha256[ \t]*$/im.test(configText) ? 32 : 20;
}
