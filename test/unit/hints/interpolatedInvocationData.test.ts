/**
 * A connection a Lambda handler (or a web handler, for a pool) builds from a string that interpolates the event's or
 * the request's data (`f"host={event['tenant_host']} ..."`, a local holding such an f-string, a template literal) is the
 * invocation's own database, as one given `host=event["tenant_host"]` already was: no connection-per-invocation
 * finding. One whose string interpolates settings only still gets it.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const PER_INVOCATION = 'rds-sql-connection-per-invocation!';

describe('connections built from strings that interpolate the invocation’s data', () => {
  it('leaves a Python connection whose f-string names the event, directly or through a local, and reports one from settings', () => {
    const code = sourceLines(
      'import os',
      'import psycopg2',
      '',
      'def handler(event, context):',
      '    tenant = psycopg2.connect(f"host={event[\'tenant_host\']} dbname=app user=reader")',
      '    dsn = f"host={event[\'tenant_host\']} dbname=app"',
      '    again = psycopg2.connect(dsn)',
      '    shared = psycopg2.connect(f"host={os.environ[\'DB_HOST\']} dbname=app user=reader")',
      '    return [tenant, again, shared]',
    );
    assert.deepEqual(hintsIn('handler.py', code).filter((hint) => hint.endsWith(PER_INVOCATION)), [`8:connect ${PER_INVOCATION}`]);
  });

  it('leaves a JavaScript pg client whose template literal names the event', () => {
    const code = sourceLines(
      "const { Client } = require('pg');",
      'exports.handler = async (event) => {',
      '  const tenant = new Client({ connectionString: `postgres://reader@${event.tenantHost}/app` });',
      '  const shared = new Client({ connectionString: `postgres://reader@${process.env.DB_HOST}/app` });',
      '  await tenant.connect();',
      '  await shared.connect();',
      '};',
    );
    assert.deepEqual(hintsIn('handler.js', code).filter((hint) => hint.endsWith(PER_INVOCATION)), [`4:Client ${PER_INVOCATION}`]);
  });
});
