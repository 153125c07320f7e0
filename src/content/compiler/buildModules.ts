/**
 * What the build (esbuild.mjs) takes from the content compiler: the validated content, the files it
 * comes from, and figures counted from it ahead of time so that activation never unpacks it.
 */
import { quizItems } from '../../quiz/quizScope';
import { CatalogIndex } from '../catalogIndex';
import { Catalog } from '../types';

export { compileContent, contentFiles } from './compileContent';
export { encodeBase93 } from '../base93';
export { decodeLzma } from '../lzma';
export { CATALOG_REQUEST, CATALOG_TAG, HINTS_PART_TAG, packedIn, STUDY_PART_TAG } from '../webBuildPacks';
export { packSources } from '../sourceTable';
export { renderCatalog } from './renderContent';

/** How many items a quiz asks, with and without "ask the interviewer" prompts: a fresh install's status-bar count. */
export function quizItemCounts(catalog: Catalog): { withAskInterviewer: number; withoutAskInterviewer: number } {
  const index = new CatalogIndex(catalog);
  return { withAskInterviewer: quizItems(index, true).length, withoutAskInterviewer: quizItems(index, false).length };
}
