/** The validated catalog, packed by the build (esbuild.mjs, content plugin): Brotli in Z85 for Node, LZMA in Z85 for web hosts. */
declare module 'aws-db-study:content' {
  const packedCatalog: string;
  export default packedCatalog;
}

/**
 * How many items a quiz asks, with and without the "ask the interviewer" prompts, counted by the build
 * (esbuild.mjs, content plugin): a fresh install's status-bar count, without unpacking the catalog.
 */
declare module 'aws-db-study:quiz-counts' {
  const quizItemCounts: { withAskInterviewer: number; withoutAskInterviewer: number };
  export default quizItemCounts;
}
