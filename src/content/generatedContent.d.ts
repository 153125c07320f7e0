/** The validated catalog as raw-deflated JSON in base64, made by the build (esbuild.mjs, content plugin). */
declare module 'aws-db-study:content' {
  const packedCatalog: string;
  export default packedCatalog;
}
