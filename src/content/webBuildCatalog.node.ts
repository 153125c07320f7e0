/**
 * What the Node build reads on first use from the web build beside it (dist/browser/extension.js), where it is
 * packed once for both hosts: the study catalog, and the hints part (`hints/hintsPartFromWebBuild.node.ts`).
 * The build checks that each is found there (esbuild.mjs).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unpack } from './unpack';
import { CATALOG_TAG, packedIn } from './webBuildPacks';

/** The unpacked text the web build holds behind `tag`; `what` names it in the error a damaged install gets. */
export function unpackedFromWebBuild(tag: string, what: string): { text: string; file: string } {
  const file = join(__dirname, 'browser', 'extension.js');
  const packed = packedIn(readFileSync(file, 'latin1'), tag);
  if (packed === undefined) {
    throw new Error(`${what} cannot be found in ${file}: reinstall the extension`);
  }
  return { text: unpack(packed), file };
}

export function catalogFromWebBuild(): string {
  return unpackedFromWebBuild(CATALOG_TAG, 'the study catalog').text;
}
