/**
 * JavaScript and TypeScript, workspace mode: a class of another module whose method returns, or whose field
 * holds, an instance of another class of that module that holds the client (`db.tables().orders().keys('*')`,
 * `db.shared.orders()`), read as the holder's client where an instance of the outer class is used.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile, workspaceOf } from './support';
import { sourceLines } from '../hints/support';

const DB = sourceLines(
  "import Redis from 'ioredis';",
  '',
  'export class Tables {',
  '  private readonly redis = new Redis(process.env.REDIS_URL!);',
  '  orders(): Redis {',
  '    return this.redis;',
  '  }',
  '}',
  '',
  'class Settings {', // 10
  "  prefix = 'shop:';",
  '  keys(pattern: string): string[] {',
  '    return [pattern];',
  '  }',
  '}',
  '',
  'export class Db {',
  '  private readonly t = new Tables();',
  '  readonly shared = new Tables();',
  '  readonly settings = new Settings();', // 20
  '  tables(): Tables {',
  '    return this.t;',
  '  }',
  '  self(): Db {',
  '    return this;',
  '  }',
  '}',
);

const REDIS = { kind: 'redis', flavor: 'ioredis' };

const APP = sourceLines(
  "import express from 'express';",
  "import { Db } from './db';",
  '',
  'const app = express();',
  'const db = new Db();',
  '',
  "app.get('/orders', async (req, res) => {",
  "  const keys = await db.tables().orders().keys('order:*');",
  "  await db.shared.orders().keys('cart:*');",
  "  db.settings.keys('x');", // 10
  "  await db.self().self().tables().orders().keys('y:*');",
  '  res.json(keys);',
  '});',
);

describe('JavaScript and TypeScript: clients of a class another class of its module hands out', () => {
  it('exports the held class clients under the member that holds or returns it', () => {
    assert.deepEqual(workspaceOf({ 'src/db.ts': DB, 'src/app.ts': APP }).importedClassFields('src/app.ts', './db', 'Db'), {
      'shared.orders()': REDIS,
      'shared.redis': REDIS,
      't.orders()': REDIS,
      't.redis': REDIS,
      'tables().orders()': REDIS,
      'tables().redis': REDIS,
    });
  });

  it('reads the client through the holder an instance returns or holds, not a class of other members', () => {
    assert.deepEqual(hintsOfFile({ 'src/db.ts': DB, 'src/app.ts': APP }, 'src/app.ts'), ['8:keys redis-keys', '8:keys redis-keys!', '9:keys redis-keys', '9:keys redis-keys!']);
  });

  it('stays silent without the workspace and for the same module among test doubles', () => {
    assert.deepEqual(hintsOfFile({ 'src/db.ts': DB, 'src/app.ts': APP }, 'src/app.ts', null), []);
    const mocked = { 'src/__mocks__/db.ts': DB, 'src/app.ts': APP.replace("from './db'", "from './__mocks__/db'") };
    assert.deepEqual(hintsOfFile(mocked, 'src/app.ts'), []);
  });
});
