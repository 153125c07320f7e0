/**
 * The Node build's catalog: read on first use from the web build beside it (dist/browser/extension.js),
 * where it is packed once for both hosts. The build checks that this finds it (esbuild.mjs).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unpack } from './unpack';
import { CATALOG_TAG, packedIn } from './webBuildPacks';

export function catalogFromWebBuild(): string {
  const file = join(__dirname, 'browser', 'extension.js');
  const packed = packedIn(readFileSync(file, 'latin1'), CATALOG_TAG);
  if (packed === undefined) {
    throw new Error(`the study catalog is missing from ${file}: reinstall the extension`);
  }
  return unpack(packed);
}
