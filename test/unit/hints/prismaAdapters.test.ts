/**
 * Prisma's PostgreSQL driver adapter: `new PrismaPg(options)` opens a `pg` Pool with those options, so it is a
 * connection place and its options are `pg`'s, in place or held by a name; in a Lambda handler it opens one on each
 * invocation. Then the traps: an adapter made from a pool (the pool is the place), from options the file does not
 * show, a local class of the same name, and PrismaClient alone, whose database the file does not tell.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('JavaScript and TypeScript: the pg pool Prisma\'s PrismaPg adapter opens', () => {
  it('reads the adapter made from options, in place or held by a name, and their TLS and password', () => {
    const client = sourceLines(
      "import { PrismaClient } from '../generated/prisma/client';",
      "import { PrismaPg } from '@prisma/adapter-pg';",
      '',
      'const adapter = new PrismaPg({',
      '  connectionString: process.env.DATABASE_URL,',
      '  ssl: { rejectUnauthorized: false },',
      '});',
      '',
      'export const prisma = new PrismaClient({ adapter });',
      '',
      "const reporting = { host: 'reports.cluster-ro-c1x2.eu-west-1.rds.amazonaws.com', user: 'reports', password: 'Reports#2025' };",
      "export const reports = new PrismaClient({ adapter: new PrismaPg(reporting, { schema: 'reports' }) });",
    );
    assert.deepEqual(hintsIn('src/lib/prisma.ts', client), [
      '4:PrismaPg rds-sql-connection',
      '6:ssl rds-sql-tls-verification-off',
      '6:rejectUnauthorized rds-sql-tls-verification-off',
      '11:password rds-sql-password',
      '12:PrismaPg rds-sql-connection',
      // The reporting options name an RDS endpoint and no ssl: node-postgres connects in clear.
      '12:PrismaPg rds-sql-tls-missing',
      '6:rejectUnauthorized rds-sql-tls-verification-off!',
      "11:'Reports#2025' rds-sql-password!",
      '12:PrismaPg rds-sql-tls-missing!',
    ]);
  });

  it('finds the adapter a Lambda handler makes on each invocation', () => {
    const handler = sourceLines(
      "const { PrismaClient } = require('@prisma/client');",
      "const { PrismaPg } = require('@prisma/adapter-pg');",
      '',
      'exports.handler = async (event) => {',
      '  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL }) });',
      '  return prisma.order.findMany({ where: { customerId: event.pathParameters.id } });',
      '};',
    );
    const hints = hintsIn('handlers/orders.js', handler);
    assert.ok(hints.includes('5:PrismaPg rds-sql-connection-per-invocation!'), hints.join('\n'));
  });

  it('says nothing of an adapter made from a pool or from options it cannot see, a local PrismaPg, or PrismaClient alone', () => {
    const pooled = sourceLines(
      "import pg from 'pg';",
      "import { PrismaPg } from '@prisma/adapter-pg';",
      "import { PrismaClient } from '@prisma/client';",
      "import { settings } from './settings';",
      '',
      'const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });',
      'export const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });',
      'export const other = new PrismaClient({ adapter: new PrismaPg(settings.database) });',
      'export const plain = new PrismaClient();',
    );
    assert.deepEqual(hintsIn('src/db.ts', pooled), ['6:Pool rds-sql-connection']);
    const local = sourceLines(
      'class PrismaPg {',
      '  constructor(options) { this.options = options; }',
      '}',
      "export const adapter = new PrismaPg({ password: 'not-a-driver' });",
    );
    assert.deepEqual(hintsIn('src/fake.js', local), []);
  });
});
