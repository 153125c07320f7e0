/**
 * The engine as `bench:hints` times it: bundled and minified as the extension and the CLI ship it, so
 * that the figures are the shipped code's, not that of modules loaded one by one from source.
 */
export { analyzeText, siteAt } from '../src/hints/engine/analyze';
export { EditTrail } from '../src/hints/engine/editTrail';
export { hoverMarkdown } from '../src/hints/hoverMarkdown';
