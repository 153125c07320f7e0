/**
 * PyMySQL's `ssl` dict without a CA (`checks/values.ts`): `ssl={"use": True}` or any dict with keys but no `ca`,
 * `capath` or `verify_mode` makes a context that checks neither the certificate nor the host name
 * (`Connection._create_ssl_ctx`), so `rds-sql-tls-verification-off` reports it. Silent: a dict naming a CA or
 * `verify_mode`, an empty dict (no TLS at all), a spread dict, a variable, the `ssl_ca` keywords that replace the
 * dict, and other drivers' `ssl` dicts.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

function verificationFindings(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => / rds-sql-tls-verification-off!$/.test(hint));
}

describe("PyMySQL's ssl dict without a CA", () => {
  it('reports the ssl dict of a connection a repository class and a Lambda handler open', () => {
    const code = sourceLines(
      'import os',
      'import pymysql',
      '',
      'class OrderRepository:',
      '    def __init__(self):',
      '        self.conn = pymysql.connect(',
      '            host=os.environ["DB_HOST"],',
      '            user="app",',
      '            password=os.environ["DB_PASSWORD"],',
      '            ssl={"use": True},',
      '        )',
      '',
      'def handler(event, context):',
      '    conn = pymysql.connect(host=os.environ["DB_HOST"], user="app", password=os.environ["DB_PASSWORD"], ssl={"cert": "/opt/client.pem", "key": "/opt/client.key"})',
      '    return conn',
    );
    assert.deepEqual(verificationFindings('app/orders.py', code), ['10:ssl rds-sql-tls-verification-off!', '14:ssl rds-sql-tls-verification-off!']);
  });

  it('stays silent for a CA, verify_mode, an empty or spread dict, a variable, the ssl_ca keywords and other drivers', () => {
    const code = sourceLines(
      'import os',
      'import aiomysql',
      'import pymysql',
      '',
      'BASE = {"ca": "/opt/global-bundle.pem"}',
      'SSL_ARGS = {"ca": "/opt/global-bundle.pem"}',
      '',
      'strict = pymysql.connect(host=os.environ["DB_HOST"], ssl={"ca": "/opt/global-bundle.pem"})',
      'folder = pymysql.connect(host=os.environ["DB_HOST"], ssl={"capath": "/opt/certs"})',
      'chain = pymysql.connect(host=os.environ["DB_HOST"], ssl={"verify_mode": True})',
      'plain = pymysql.connect(host=os.environ["DB_HOST"], ssl={})',
      'spread = pymysql.connect(host=os.environ["DB_HOST"], ssl={**BASE, "use": True})',
      'held = pymysql.connect(host=os.environ["DB_HOST"], ssl=SSL_ARGS)',
      'keywords = pymysql.connect(host=os.environ["DB_HOST"], ssl={"use": True}, ssl_ca="/opt/global-bundle.pem")',
      '',
      'async def pool():',
      '    return await aiomysql.create_pool(host=os.environ["DB_HOST"], ssl={"use": True})',
    );
    assert.deepEqual(verificationFindings('app/db.py', code), []);
  });
});
