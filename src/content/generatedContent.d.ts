/**
 * The validated catalog's JSON, unpacked on call from what the build (esbuild.mjs, content plugin) packed: LZMA
 * in Base93 inside the web build, which the Node extension reads from there; Brotli in Base93 in the other Node bundles.
 */
declare module 'aws-db-study:content' {
  const catalogJson: () => string;
  export default catalogJson;
}

/**
 * How many items a quiz asks, with and without the "ask the interviewer" prompts, counted by the build
 * (esbuild.mjs, content plugin): a fresh install's status-bar count, without unpacking the catalog.
 */
declare module 'aws-db-study:quiz-counts' {
  const quizItemCounts: { withAskInterviewer: number; withoutAskInterviewer: number };
  export default quizItemCounts;
}
