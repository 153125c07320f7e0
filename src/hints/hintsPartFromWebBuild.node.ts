/**
 * The Node build's hints part in production builds (dist/hints.js): the engine and its rules, read from the web build
 * (content/webBuildParts.node.ts). Unpacking it costs about 0.1 s once per window, after activation (registerHints.ts).
 */
import { runWebBuildPart } from '../content/webBuildParts.node';
import { HINTS_PART_TAG } from '../content/webBuildPacks';
import type * as HintsPart from './hintsPart';

export const { startHints } = runWebBuildPart<typeof HintsPart>(HINTS_PART_TAG, 'the design hints', __filename, (exports) => typeof exports.startHints === 'function');
