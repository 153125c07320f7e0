// Builds the extension (Node and browser), the webview scripts and the test bundles.
// Usage: node esbuild.mjs [--production] [--watch] [--tests] [--cli]
// --cli builds only the aws-db-hints command line into packages/cli (its `prepack`).
import * as esbuild from 'esbuild';
import { pathToFileURL } from 'node:url';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { brotliCompressSync, constants as zlibConstants } from 'node:zlib';
import { Buffer } from 'node:buffer';
import { compress as compressLzma } from 'lzma1';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');
const cliOnly = process.argv.includes('--cli');
const contentRoot = path.resolve('content');
const CONTENT_MODULE = 'aws-db-study:content';
const HINT_RULES_MODULE = 'aws-db-study:hint-rules';
const QUIZ_COUNTS_MODULE = 'aws-db-study:quiz-counts';

/** Loads the TypeScript content compiler by bundling it for Node first. */
async function loadCompiler() {
  const outfile = path.resolve('out/tools/buildModules.mjs');
  await esbuild.build({
    entryPoints: ['src/content/compiler/buildModules.ts'],
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
 * LZMA for the web build (no Brotli there), which src/content/lzma.ts decodes: about a fifth smaller than
 * deflate. A production build takes the smallest stream (mode 9, a few seconds); others a fast one. The
 * stream is decoded here once more, so that a build never ships content or code its decoder reads otherwise.
 */
function lzmaForWeb(text) {
  const packed = Buffer.from(compressLzma(Buffer.from(text), production ? 9 : 1));
  if (Buffer.from(compiler.decodeLzma(packed)).toString('utf8') !== text) {
    throw new Error('the LZMA decoder does not give back the text the build packed');
  }
  return packed;
}

/** The catalog as the web build packs it, which the Node extension finds there: checked after the build. */
let webCatalog;

/** The catalog's JSON as the runtime reads it. */
function catalogJson(catalog) {
  return JSON.stringify(compiler.packSources(compiler.renderCatalog(catalog)));
}

/** Packed bytes as the text their unpackers read: Base93 (src/content/base93.ts), 8% shorter than base64, in both builds. */
function asText(packed) {
  return compiler.encodeBase93(packed);
}

/**
 * Resolves `aws-db-study:content` to a function that gives the validated catalog's JSON, packed here: LZMA
 * in Base93 for web hosts (src/content/unpack.ts, src/content/lzma.ts), behind the tag by which the Node
 * extension finds it in the web build (`fromWebBuild`: src/content/webBuildCatalog.node.ts), so that the
 * .vsix carries one copy; Brotli in Base93 for the other Node bundles (src/content/unpack.node.ts). The runtime
 * unpacks and parses it on first use, not at activation. Invalid content fails the build.
 */
function contentPlugin(compiler, encoding, { plainRules = false, fromWebBuild = false, catalogRequest = false } = {}) {
  return {
    name: 'aws-db-study-content',
    setup(build) {
      build.onResolve({ filter: new RegExp(`^${CONTENT_MODULE}$`) }, () => ({ path: CONTENT_MODULE, namespace: 'content' }));
      // The web build's packed study part asks the file around it for the catalog, which stays outside the part.
      build.onResolve({ filter: new RegExp(`^${compiler.CATALOG_REQUEST}$`) }, () => ({ path: compiler.CATALOG_REQUEST, external: true }));
      build.onLoad({ filter: /.*/, namespace: 'content' }, async () => {
        const { catalog, errors } = compiler.compileContent(contentRoot);
        const watchFiles = compiler.contentFiles(contentRoot);
        if (errors.length > 0) {
          return {
            errors: errors.map((error) => ({ text: `${error.file}: ${error.message}` })),
            watchFiles,
          };
        }
        if (catalogRequest) {
          return { contents: `export default () => require(${JSON.stringify(compiler.CATALOG_REQUEST)})();`, loader: 'js', watchFiles };
        }
        if (fromWebBuild) {
          const reader = path.resolve('src/content/webBuildCatalog.node.ts');
          return { contents: `export { catalogFromWebBuild as default } from ${JSON.stringify(reader)};`, loader: 'js', resolveDir: path.resolve('.'), watchFiles };
        }
        const json = catalogJson(catalog);
        if (encoding === 'brotli') {
          const packed = brotliCompressSync(json, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: json.length } });
          const unpacker = path.resolve('src/content/unpack.node.ts');
          return { contents: `import { unpack } from ${JSON.stringify(unpacker)};\nconst packed = ${JSON.stringify(asText(packed))};\nexport default () => unpack(packed);`, loader: 'js', resolveDir: path.resolve('.'), watchFiles };
        }
        // Sliced by its length: the tag's text appears in the web build only at the catalog.
        webCatalog = asText(lzmaForWeb(json));
        const tagged = compiler.CATALOG_TAG + webCatalog;
        const unpacker = path.resolve('src/content/unpack.ts');
        return {
          contents: `import { unpack } from ${JSON.stringify(unpacker)};\nconst packed = ${JSON.stringify(tagged)};\nexport default () => unpack(packed.slice(${compiler.CATALOG_TAG.length}));`,
          loader: 'js',
          resolveDir: path.resolve('.'),
          watchFiles,
        };
      });
      // The design-hint rules, packed the same way but as their own module, so that a hover never
      // unpacks the study catalog. The module exports a function that unpacks them on first use.
      build.onResolve({ filter: new RegExp(`^${HINT_RULES_MODULE}$`) }, () => ({ path: HINT_RULES_MODULE, namespace: 'hint-rules' }));
      build.onLoad({ filter: /.*/, namespace: 'hint-rules' }, async () => {
        const { hintRules, errors } = compiler.compileContent(contentRoot);
        const watchFiles = compiler.contentFiles(contentRoot);
        if (errors.length > 0) {
          return { errors: errors.map((error) => ({ text: `${error.file}: ${error.message}` })), watchFiles };
        }
        const json = JSON.stringify(hintRules);
        if (plainRules) {
          // Inside a part the build packs whole: packing the rules apart too would only unpack them twice.
          return { contents: `const rules = ${JSON.stringify(json)};\nexport default () => JSON.parse(rules);`, loader: 'js', watchFiles };
        }
        const packed = encoding === 'brotli' ? brotliCompressSync(json) : lzmaForWeb(json);
        const unpacker = path.resolve('src/content', encoding === 'brotli' ? 'unpack.node.ts' : 'unpack.ts');
        const contents = `import { unpack } from ${JSON.stringify(unpacker)};\nconst packed = ${JSON.stringify(asText(packed))};\nexport default () => JSON.parse(unpack(packed));`;
        return { contents, loader: 'js', resolveDir: path.resolve('.'), watchFiles };
      });
      // A few figures counted from the catalog here, so that activation shows them without unpacking it.
      build.onResolve({ filter: new RegExp(`^${QUIZ_COUNTS_MODULE}$`) }, () => ({ path: QUIZ_COUNTS_MODULE, namespace: 'quiz-counts' }));
      build.onLoad({ filter: /.*/, namespace: 'quiz-counts' }, () => {
        const { catalog, errors } = compiler.compileContent(contentRoot);
        const watchFiles = compiler.contentFiles(contentRoot);
        if (errors.length > 0) {
          return { errors: errors.map((error) => ({ text: `${error.file}: ${error.message}` })), watchFiles };
        }
        return { contents: `export default ${JSON.stringify(compiler.quizItemCounts(compiler.renderCatalog(catalog)))};`, loader: 'js', watchFiles };
      });
    },
  };
}

/** The modules src/chunks.ts requires on first use, each the entry of a part. */
const CHUNKS_MODULE = path.resolve('src/chunks.ts');
const PARTS = { './hints/hintsPart': 'hints', './studyPart': 'study' };
const PART_REQUEST = /^\.\/(hints\/hintsPart|studyPart)$/;

/**
 * The Node build's parts: the Node host loads them from files of their own (dist/hints.js,
 * dist/study.js) on first use, so that activation reads and compiles only dist/extension.js.
 */
const nodeParts = {
  name: 'aws-db-study-node-parts',
  setup(build) {
    build.onResolve({ filter: PART_REQUEST }, (args) =>
      path.resolve(args.importer) === CHUNKS_MODULE ? { path: `./${PARTS[args.path]}.js`, external: true } : undefined,
    );
  },
};

/**
 * The web build is one file: a web worker host loads one script. Each part is bundled on its own
 * first, then embedded as the text of a CommonJS module that is compiled on the first require. As code,
 * even inside a closure that only runs then, the host would parse every function of it when it loads
 * the file at activation; a string is only scanned. The web worker host compiles extensions the same
 * way (its loader runs `new Function('module', 'exports', 'require', source)`), so its CSP allows it.
 * The hints part, mostly engine code, is embedded packed as the catalog is (LZMA in Base93, a third of its
 * size) and unpacked on that first require, with its rules inside it as plain JSON (one unpacking, not two);
 * the study part is mostly the packed catalog already.
 */
const PACKED_WEB_PARTS = new Set(['hints', 'study']);

/** The parts as the web build packs them, by name, which the Node build's parts find there in production builds: checked after the build. */
const webParts = {};

function browserParts(partOptions) {
  return {
    name: 'aws-db-study-browser-parts',
    setup(build) {
      build.onResolve({ filter: PART_REQUEST }, (args) =>
        path.resolve(args.importer) === CHUNKS_MODULE ? { path: PARTS[args.path], namespace: 'browser-part', pluginData: args.path } : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: 'browser-part' }, async (args) => {
        const packedPart = PACKED_WEB_PARTS.has(PARTS[args.pluginData]);
        const part = await esbuild.build({
          ...partOptions,
          ...(packedPart ? { plugins: [contentPlugin(compiler, 'lzma', { plainRules: true, catalogRequest: true })] } : {}),
          entryPoints: [path.resolve('src', `${args.pluginData}.ts`)],
          write: false,
          metafile: true,
          sourcemap: false,
          logLevel: 'warning',
        });
        const watchFiles = Object.keys(part.metafile.inputs).filter((input) => !input.includes(':')).map((input) => path.resolve(input));
        const name = PARTS[args.pluginData];
        const source = `${part.outputFiles[0].text}\n//# sourceURL=aws-db-study/${name}.js`;
        let text = JSON.stringify(source);
        const tag = name === 'hints' ? compiler.HINTS_PART_TAG : compiler.STUDY_PART_TAG;
        if (packedPart) {
          // Behind its tag, by which the Node build's part finds it (src/content/webBuildParts.node.ts).
          webParts[name] = asText(lzmaForWeb(source));
          text = `require('./content/unpack').unpack(${JSON.stringify(tag + webParts[name])}.slice(${tag.length}))`;
        }
        // The study part's catalog, outside the packed part and behind its tag, where the Node build finds it too.
        let catalog = '';
        if (name === 'study') {
          const { catalog: compiled, errors } = compiler.compileContent(contentRoot);
          if (errors.length > 0) {
            return { errors: errors.map((error) => ({ text: `${error.file}: ${error.message}` })), watchFiles };
          }
          webCatalog = asText(lzmaForWeb(catalogJson(compiled)));
          catalog = `const catalog = ${JSON.stringify(compiler.CATALOG_TAG + webCatalog)};
`;
        }
        // A part requires nothing but the VS Code API, which the host hands to this file, and the study part its catalog.
        const contents = `${catalog}const part = { exports: {} };
new Function('module', 'exports', 'require', ${text})(part, part.exports, (id) => {
  ${catalog ? `if (id === ${JSON.stringify(compiler.CATALOG_REQUEST)}) return () => require('./content/unpack').unpack(catalog.slice(${compiler.CATALOG_TAG.length}));
  ` : ''}if (id !== 'vscode') throw new Error('a web part required ' + id);
  return require('vscode');
});
module.exports = part.exports;`;
        return { contents, loader: 'js', resolveDir: path.resolve('src'), watchFiles };
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
};

const browserExtension = { ...shared, plugins: [contentPlugin(compiler, 'lzma')], platform: 'browser', format: 'cjs', target: 'es2022', external: ['vscode'], mainFields: ['browser', 'module', 'main'] };

// The aws-db-hints command line, an npm package of its own (packages/cli); not shipped in the .vsix.
const cliBuild = { ...shared, sourcemap: false, plugins: [contentPlugin(compiler, 'brotli')], entryPoints: ['src/cli/main.ts'], outfile: 'packages/cli/dist/cli.js', platform: 'node', format: 'cjs', target: 'node18', banner: { js: '#!/usr/bin/env node' } };

const builds = cliOnly ? [cliBuild] : [
  {
    ...shared,
    plugins: [contentPlugin(compiler, 'brotli', { fromWebBuild: true }), nodeParts],
    // In production the Node host runs the web build's parts (one copy of each in the .vsix); elsewhere its own, with source maps.
    entryPoints: {
      extension: 'src/extension.ts',
      hints: production ? 'src/hints/hintsPartFromWebBuild.node.ts' : 'src/hints/hintsPart.ts',
      study: production ? 'src/studyPartFromWebBuild.node.ts' : 'src/studyPart.ts',
    },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['vscode'],
  },
  {
    ...browserExtension,
    plugins: [...browserExtension.plugins, browserParts(browserExtension)],
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/browser/extension.js',
  },
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
  const [node, browser] = await Promise.all(builds.map((options) => esbuild.build({ ...options, metafile: true })));
  const webText = fs.readFileSync('dist/browser/extension.js', 'latin1');
  if (compiler.packedIn(webText, compiler.CATALOG_TAG) !== webCatalog) {
    throw new Error('the Node extension would not find the study catalog in dist/browser/extension.js');
  }
  for (const [name, tag] of [['hints', compiler.HINTS_PART_TAG], ['study', compiler.STUDY_PART_TAG]]) {
    if (compiler.packedIn(webText, tag) !== webParts[name]) {
      throw new Error(`the Node extension would not find the ${name} part in dist/browser/extension.js`);
    }
  }
  // What each input adds to each output, for the bundle budgets (scripts/bundleBudgets.ts).
  fs.mkdirSync('out', { recursive: true });
  fs.writeFileSync('out/bundle-meta.json', JSON.stringify({ node: node.metafile, browser: browser.metafile }));
}
