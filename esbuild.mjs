// Builds the extension (Node and browser), the webview scripts and the test bundles.
// Usage: node esbuild.mjs [--production] [--watch] [--tests] [--cli]
// --cli builds only the aws-db-hints command line into packages/cli (its `prepack`).
import * as esbuild from 'esbuild';
import { pathToFileURL } from 'node:url';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { brotliCompressSync, constants as zlibConstants, deflateRawSync } from 'node:zlib';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');
const cliOnly = process.argv.includes('--cli');
const contentRoot = path.resolve('content');
const CONTENT_MODULE = 'aws-db-study:content';
const HINT_RULES_MODULE = 'aws-db-study:hint-rules';

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
 * Resolves `aws-db-study:content` to the validated catalog, compressed and in base64: Brotli for the
 * Node build (src/content/unpack.node.ts), raw deflate for web hosts (src/content/unpack.ts, fflate).
 * The runtime unpacks and parses it on first use, not at activation, and reads no files. Invalid
 * content fails the build.
 */
function contentPlugin(compiler, encoding) {
  return {
    name: 'aws-db-study-content',
    setup(build) {
      build.onResolve({ filter: new RegExp(`^${CONTENT_MODULE}$`) }, () => ({ path: CONTENT_MODULE, namespace: 'content' }));
      if (encoding === 'brotli') {
        build.onResolve({ filter: /^\.\/unpack$/ }, (args) => ({ path: path.join(args.resolveDir, 'unpack.node.ts') }));
      }
      build.onLoad({ filter: /.*/, namespace: 'content' }, () => {
        const { catalog, errors } = compiler.compileContent(contentRoot);
        const watchFiles = compiler.contentFiles(contentRoot);
        if (errors.length > 0) {
          return {
            errors: errors.map((error) => ({ text: `${error.file}: ${error.message}` })),
            watchFiles,
          };
        }
        const json = JSON.stringify(catalog);
        const packed =
          encoding === 'brotli'
            ? brotliCompressSync(json, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: json.length } })
            : deflateRawSync(json, { level: 9 });
        return { contents: `export default ${JSON.stringify(packed.toString('base64'))};`, loader: 'js', watchFiles };
      });
      // The design-hint rules, packed the same way but as their own module, so that a hover never
      // unpacks the study catalog. The module exports a function that unpacks them on first use.
      build.onResolve({ filter: new RegExp(`^${HINT_RULES_MODULE}$`) }, () => ({ path: HINT_RULES_MODULE, namespace: 'hint-rules' }));
      build.onLoad({ filter: /.*/, namespace: 'hint-rules' }, () => {
        const { hintRules, errors } = compiler.compileContent(contentRoot);
        const watchFiles = compiler.contentFiles(contentRoot);
        if (errors.length > 0) {
          return { errors: errors.map((error) => ({ text: `${error.file}: ${error.message}` })), watchFiles };
        }
        const json = JSON.stringify(hintRules);
        const packed = encoding === 'brotli' ? brotliCompressSync(json) : deflateRawSync(json, { level: 9 });
        const unpacker = path.resolve('src/content', encoding === 'brotli' ? 'unpack.node.ts' : 'unpack.ts');
        const contents = `import { unpack } from ${JSON.stringify(unpacker)};\nconst packed = ${JSON.stringify(packed.toString('base64'))};\nexport default () => JSON.parse(unpack(packed));`;
        return { contents, loader: 'js', resolveDir: path.resolve('.'), watchFiles };
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
  define: { 'process.env.NODE_ENV': production ? '"production"' : '"development"' },
  // markdown-it's entity table is most of its size; see src/notes/markdownEntities.ts.
  alias: { entities: './src/notes/markdownEntities.ts' },
};

// The aws-db-hints command line, an npm package of its own (packages/cli); not shipped in the .vsix.
const cliBuild = { ...shared, sourcemap: false, plugins: [contentPlugin(compiler, 'brotli')], entryPoints: ['src/cli/main.ts'], outfile: 'packages/cli/dist/cli.js', platform: 'node', format: 'cjs', target: 'node18', banner: { js: '#!/usr/bin/env node' } };

const builds = cliOnly ? [cliBuild] : [
  { ...shared, plugins: [contentPlugin(compiler, 'brotli')], entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', target: 'node18', external: ['vscode'] },
  { ...shared, plugins: [contentPlugin(compiler, 'deflate')], entryPoints: ['src/extension.ts'], outfile: 'dist/browser/extension.js', platform: 'browser', format: 'cjs', target: 'es2022', external: ['vscode'], mainFields: ['browser', 'module', 'main'] },
  { ...shared, entryPoints: ['media/src/note.ts'], outfile: 'dist/webview/note.js', platform: 'browser', format: 'iife', target: 'es2022' },
  cliBuild,
  { ...shared, entryPoints: ['media/src/quizCard.ts'], outfile: 'dist/webview/quizCard.js', platform: 'browser', format: 'iife', target: 'es2022' },
];
if (tests) {
  builds.push({
    ...shared,
    plugins: [contentPlugin(compiler, 'brotli')],
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
} else if (cliOnly) {
  await esbuild.build(cliBuild);
  // The package carries the project's license; one copy lives in the repository.
  fs.copyFileSync('LICENSE', 'packages/cli/LICENSE');
} else {
  const [node] = await Promise.all(builds.map((options) => esbuild.build({ ...options, metafile: true })));
  // What each input adds to dist/extension.js, for `npm run bench`.
  fs.mkdirSync('out', { recursive: true });
  fs.writeFileSync('out/extension-meta.json', JSON.stringify(node.metafile));
}
