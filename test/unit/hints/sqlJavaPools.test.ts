/**
 * JDBC pools besides HikariCP: c3p0's `ComboPooledDataSource` and Apache Commons DBCP's `BasicDataSource`, with
 * the setters the same function calls on them. A literal password, a URL that turns TLS off and a pool made on
 * every Lambda invocation are reported as for HikariCP; a pool class the file declares itself, or does not import,
 * is not one.
 */
import * as assert from 'node:assert/strict';
import { hintsOfRules, sourceLines } from './support';

const RULES = ['rds-sql-connection', 'rds-sql-password', 'rds-sql-tls-disabled', 'rds-sql-connection-per-invocation'];

describe('JDBC pools: c3p0 and DBCP', () => {
  it('reads a c3p0 pool kept in a static field and a DBCP pool made per invocation', () => {
    const code = sourceLines(
      'package com.example.library;',
      '',
      'import com.amazonaws.services.lambda.runtime.Context;',
      'import com.amazonaws.services.lambda.runtime.RequestHandler;',
      'import com.mchange.v2.c3p0.ComboPooledDataSource;',
      'import org.apache.commons.dbcp2.BasicDataSource;',
      '',
      'public class Pools implements RequestHandler<String, String> {',
      '    private static final ComboPooledDataSource SHARED = createShared();',
      '',
      '    private static ComboPooledDataSource createShared() {',
      '        ComboPooledDataSource cpds = new ComboPooledDataSource();',
      '        cpds.setJdbcUrl("jdbc:mysql://library.cluster-abc.eu-west-1.rds.amazonaws.com:3306/library");',
      '        cpds.setPassword("Lib-Secret-42");',
      '        return cpds;',
      '    }',
      '',
      '    public String handleRequest(String input, Context context) {',
      '        BasicDataSource perCall = new BasicDataSource();',
      '        perCall.setUrl("jdbc:postgresql://reports.abc.eu-west-1.rds.amazonaws.com:5432/reports?sslmode=disable");',
      '        perCall.setPassword(System.getenv("REPORTS_PASSWORD"));',
      '        return input;',
      '    }',
      '}',
    );
    assert.deepEqual(hintsOfRules('Pools.java', code, RULES), [
      '12:ComboPooledDataSource rds-sql-connection',
      '14:"Lib-Secret-42" rds-sql-password',
      '14:"Lib-Secret-42" rds-sql-password!',
      '19:BasicDataSource rds-sql-connection',
      '19:BasicDataSource rds-sql-connection-per-invocation',
      '19:BasicDataSource rds-sql-connection-per-invocation!',
      '20:"jdbc:postgresql://reports.abc.eu-west-1.rds.amazonaws.com:5432/reports?sslmode=disable" rds-sql-tls-disabled',
      '20:"jdbc:postgresql://reports.abc.eu-west-1.rds.amazonaws.com:5432/reports?sslmode=disable" rds-sql-tls-disabled!',
      '21:System.getenv("REPORTS_PASSWORD") rds-sql-password',
    ].sort());
  });

  it('says nothing of a BasicDataSource the file declares or does not import', () => {
    const code = sourceLines(
      'package com.example.cache;',
      '',
      'public class Settings {',
      '    static class BasicDataSource {',
      '        void setPassword(String value) {}',
      '    }',
      '',
      '    void load() {',
      '        BasicDataSource source = new BasicDataSource();',
      '        source.setPassword("not-a-database");',
      '    }',
      '}',
    );
    assert.deepEqual(hintsOfRules('Settings.java', code, RULES), []);
  });
});
