// Builds the extension (Node and browser), the webview scripts and the test bundles.
// Usage: node esbuild.mjs [--production] [--watch] [--tests]
import * as esbuild from 'esbuild';
import { pathToFileURL } from 'node:url';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { deflateRawSync } from 'node:zlib';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');
const contentRoot = path.resolve('content');
const CONTENT_MODULE = 'aws-db-study:content';

/** Loads the TypeScript content compiler by bundling it for Node first. */
async function loadCompiler() {
  const outfile = path.resolve('out/tools/compileContent.mjs');
  await esbuild.build({
    entryPoints: ['src/content/compiler/compileContent.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });
  return import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
}

/**
 * Resolves `aws-db-study:content` to the validated catalog as deflated JSON in base64 (a quarter of
 * its size as plain JSON): the runtime inflates and parses it on first use, not at activation, and
 * reads no files. Invalid content fails the build.
 */
function contentPlugin(compiler) {
  return {
    name: 'aws-db-study-content',
    setup(build) {
      build.onResolve({ filter: new RegExp(`^${CONTENT_MODULE}$`) }, () => ({ path: CONTENT_MODULE, namespace: 'content' }));
      build.onLoad({ filter: /.*/, namespace: 'content' }, () => {
        const { catalog, errors } = compiler.compileContent(contentRoot);
        const watchFiles = compiler.contentFiles(contentRoot);
        if (errors.length > 0) {
          return {
            errors: errors.map((error) => ({ text: `${error.file}: ${error.message}` })),
            watchFiles,
          };
        }
        const packed = deflateRawSync(JSON.stringify(catalog), { level: 9 }).toString('base64');
        return { contents: `export default ${JSON.stringify(packed)};`, loader: 'js', watchFiles };
      });
    },
  };
}

const compiler = await loadCompiler();
const shared = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'info',
  plugins: [contentPlugin(compiler)],
  define: { 'process.env.NODE_ENV': production ? '"production"' : '"development"' },
  // markdown-it's entity table is most of its size; see src/notes/markdownEntities.ts.
  alias: { entities: './src/notes/markdownEntities.ts' },
};

const builds = [
  { ...shared, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', target: 'node18', external: ['vscode'] },
  { ...shared, entryPoints: ['src/extension.ts'], outfile: 'dist/browser/extension.js', platform: 'browser', format: 'cjs', target: 'es2022', external: ['vscode'], mainFields: ['browser', 'module', 'main'] },
  { ...shared, entryPoints: ['media/src/note.ts'], outfile: 'dist/webview/note.js', platform: 'browser', format: 'iife', target: 'es2022' },
];
if (tests) {
  builds.push({
    ...shared,
    minify: false,
    sourcemap: 'inline',
    entryPoints: ['test/integration/suite/index.ts'],
    outfile: 'out/test/integration/index.js',
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['vscode', 'mocha'],
  });
}

if (watch) {
  for (const options of builds) {
    const context = await esbuild.context(options);
    await context.watch();
  }
} else {
  const [node] = await Promise.all(builds.map((options) => esbuild.build({ ...options, metafile: true })));
  // What each input adds to dist/extension.js, for `npm run bench`.
  fs.mkdirSync('out', { recursive: true });
  fs.writeFileSync('out/extension-meta.json', JSON.stringify(node.metafile));
}
