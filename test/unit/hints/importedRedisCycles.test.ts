/**
 * A Redis client another module makes once and exports, which a controller connects and quits on every request:
 * the connection is opened and closed per call, as with a client of the same file (workspace mode).
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from '../workspace/support';
import { sourceLines } from './support';

const config = sourceLines("const { createClient } = require('redis');", 'const cache = createClient({ url: process.env.CACHE_URL });', 'module.exports = cache;');
const esmConfig = sourceLines("import { createClient } from 'redis';", 'export const cache = createClient({ url: process.env.CACHE_URL });');

const perCall = (files: Record<string, string>, file: string): string[] => hintsOfFile(files, file).filter((hint) => hint.endsWith('redis-connection-per-call!'));

describe('Redis clients of another module connected and closed per call', () => {
  it('reports a controller method that connects the imported client and quits it, with require and with import', () => {
    const controller = sourceLines(
      "const cache = require('../config/cache');",
      'const FilesController = {',
      '  upload: async (req, res) => {',
      '    await cache.connect();',
      '    const known = await cache.get(req.body.name);',
      '    await cache.quit();',
      '    res.json({ known });',
      '  },',
      '};',
      'module.exports = FilesController;',
    );
    assert.deepEqual(perCall({ 'config/cache.js': config, 'controllers/files.js': controller }, 'controllers/files.js'), ['4:connect redis-connection-per-call!']);
    const esm = sourceLines(
      "import { cache } from '../config/cache';",
      'export async function lookup(name: string) {',
      '  await cache.connect();',
      '  try {',
      '    return await cache.get(name);',
      '  } finally {',
      '    await cache.disconnect();',
      '  }',
      '}',
    );
    assert.deepEqual(perCall({ 'config/cache.ts': esmConfig, 'src/lookup.ts': esm }, 'src/lookup.ts'), ['3:connect redis-connection-per-call!']);
  });

  it('leaves a reconnect helper, a connect kept open, and an imported object that is no Redis client', () => {
    const helpers = sourceLines(
      "const cache = require('../config/cache');",
      "const queue = require('../config/queue');",
      'async function reconnect() {',
      '  await cache.quit();',
      '  await cache.connect();',
      '}',
      'async function start() {',
      '  await cache.connect();',
      '}',
      'async function drain() {',
      '  await queue.connect();',
      '  await queue.close();',
      '}',
      'module.exports = { reconnect, start, drain };',
    );
    const queue = sourceLines('class Queue { async connect() {} async close() {} }', 'module.exports = new Queue();');
    assert.deepEqual(perCall({ 'config/cache.js': config, 'config/queue.js': queue, 'lib/helpers.js': helpers }, 'lib/helpers.js'), []);
  });
});
