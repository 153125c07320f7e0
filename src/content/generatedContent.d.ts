/** The validated catalog, serialized as JSON by the build (esbuild.mjs, content plugin). */
declare module 'aws-db-study:content' {
  const serializedCatalog: string;
  export default serializedCatalog;
}
