/**
 * Python joins adjacent string literals into one (`"a" "b"`, often in parentheses to wrap a long line): the
 * readers take the joined string as the value, so a password or a host split over lines is read as written
 * in one piece. An f-string among them, or anything else, leaves the value unknown.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const connect = (host: string, password: string): string =>
  sourceLines('import psycopg2', '', 'DB = psycopg2.connect(', `    host=${host},`, `    password=${password},`, '    dbname="orders",', ')');

describe('Python adjacent string literals', () => {
  it('reads a password split over adjacent literals as the literal it joins into', () => {
    const hints = hintsIn('db.py', connect('("orders.c1x2y3z4.us-east-1"\n         ".rds.amazonaws.com")', '"s3cr3t" "-pw"'));
    assert.ok(hints.includes('6:"s3cr3t" "-pw" rds-sql-password!'), hints.join('\n'));
  });

  it('reads one string in parentheses, and leaves an f-string part or a name unknown', () => {
    assert.ok(hintsIn('db.py', connect('"orders.c1x2y3z4.us-east-1.rds.amazonaws.com"', '("s3cr3t-pw")')).includes('5:("s3cr3t-pw") rds-sql-password!'));
    for (const password of ['"s3cr3t" f"{suffix}"', '"s3cr3t" + suffix', '(secret)']) {
      assert.ok(!hintsIn('db.py', connect('"orders.c1x2y3z4.us-east-1.rds.amazonaws.com"', password)).some((hint) => hint.endsWith('rds-sql-password!')), password);
    }
  });
});
