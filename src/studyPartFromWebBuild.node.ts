/**
 * The Node build's study part in production builds (dist/study.js): notes, the Topics tree's rows and the quiz, read
 * from the web build (content/webBuildParts.node.ts), with the catalog the web build keeps outside the part.
 */
import { catalogFromWebBuild } from './content/webBuildCatalog.node';
import { runWebBuildPart } from './content/webBuildParts.node';
import { CATALOG_REQUEST, STUDY_PART_TAG } from './content/webBuildPacks';
import type * as StudyPart from './studyPart';

export const { startStudy } = runWebBuildPart<typeof StudyPart>(STUDY_PART_TAG, 'the study features', __filename, (exports) => typeof exports.startStudy === 'function', {
  [CATALOG_REQUEST]: catalogFromWebBuild,
});
