/** The validated hint rules, packed by the build (esbuild.mjs, content plugin); the function unpacks them. */
declare module 'aws-db-study:hint-rules' {
  const loadHintRules: () => import('./engine/types').HintRule[];
  export default loadHintRules;
}
