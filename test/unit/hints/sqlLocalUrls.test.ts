/**
 * A connection URL with no user part (`jdbc:postgresql://localhost:5433/app?password=...`) names a local server as
 * much as one with a user (`postgres://app:pw@localhost/app`): in a test it is a disposable database, and its
 * password says nothing about RDS.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const sqlFindings = (fileName: string, code: string): string[] => hintsIn(fileName, code).filter((hint) => / rds-sql-\S+!$/.test(hint));

describe('SQL connection URLs to a local server', () => {
  it('says nothing about a JDBC URL to localhost in a test, and still reports the same URL to an RDS host', () => {
    const test = sourceLines(
      'package app.api;',
      '',
      'import java.sql.Connection;',
      'import java.sql.DriverManager;',
      '',
      'class ApiServerTest {',
      '    @Test',
      '    void storesJobs() throws Exception {',
      '        Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:5433/jobs?user=jobs&password=jobs-secret-1");',
      '        db.close();',
      '    }',
      '}',
    );
    assert.deepEqual(sqlFindings('src/test/java/app/api/ApiServerTest.java', test), []);
    const production = test.replace('localhost:5433', 'jobs.cluster-c1abc.eu-west-1.rds.amazonaws.com:5432').replace('class ApiServerTest', 'class JobStore').replace('    @Test\n', '');
    assert.deepEqual(sqlFindings('src/main/java/app/api/JobStore.java', production), ['8:"jdbc:postgresql://jobs.cluster-c1abc.eu-west-1.rds.amazonaws.com:5432/jobs?user=jobs&password=jobs-secret-1" rds-sql-password!']);
  });

});
