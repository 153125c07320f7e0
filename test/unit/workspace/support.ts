import * as fs from 'node:fs';
import * as path from 'node:path';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { indexFile } from '../../../src/hints/engine/workspace/indexFile';
import { FileContribution } from '../../../src/hints/engine/workspace/types';
import { WorkspaceModel } from '../../../src/hints/engine/workspace/workspaceModel';

export const FIXTURES = path.resolve(__dirname, '../../fixtures/workspace');

function filesUnder(folder: string): string[] {
  return fs
    .readdirSync(folder, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(folder, entry.name)) : [path.join(folder, entry.name)]))
    .sort();
}

/** The model of one fixture folder, every file indexed as the adapters do, with paths relative to the folder. */
export function fixtureModel(name: string): WorkspaceModel {
  const root = path.join(FIXTURES, name);
  const model = new WorkspaceModel();
  model.batch(() => {
    for (const full of filesUnder(root)) {
      const file = path.relative(root, full).split(path.sep).join('/');
      const kind = documentKind(undefined, file);
      if (kind) {
        model.update(file, indexFile(file, kind, fs.readFileSync(full, 'utf8'), { onError: rethrow }));
      }
    }
  });
  return model;
}

function rethrow(error: unknown): never {
  throw error;
}

/** What a text contributes, read as a file of the given name; fails on an internal error. */
export function contributionOf(file: string, text: string): FileContribution | undefined {
  const kind = documentKind(undefined, file);
  if (!kind) {
    throw new Error(`${file} is not a file kind the hints read`);
  }
  return indexFile(file, kind, text, { onError: rethrow });
}

/** A contribution as plain data with its places as `line:character`, for deepEqual. */
export function placed<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, inner: { line: number; character: number }) => (key === 'definedAt' ? `${inner.line}:${inner.character}` : inner))) as T;
}
