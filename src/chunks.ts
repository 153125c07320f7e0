/**
 * The parts of the extension that activation does not run. The Node build emits each as a file of
 * its own (dist/hints.js, dist/study.js; see esbuild.mjs), required by the first feature that needs
 * it. The web build is one file: there each part's modules are kept in it and run on that first use.
 */
import type * as HintsPart from './hints/hintsPart';
import type * as StudyPart from './studyPart';

/** The hint engine and its editor features: the workspace model, hovers, diagnostics, quick fixes, the workspace check. */
export function loadHintsPart(): typeof HintsPart {
  return require('./hints/hintsPart') as typeof HintsPart;
}

/** Notes, the Topics tree's rows and the quiz, with the study catalog. */
export function loadStudyPart(): typeof StudyPart {
  return require('./studyPart') as typeof StudyPart;
}
