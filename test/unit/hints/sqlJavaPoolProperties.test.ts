/**
 * TLS settings a HikariCP pool hands its JDBC driver as data source properties: `addDataSourceProperty("sslmode", …)`
 * on the config or the pool, and a `Properties` object filled with `setProperty` and given to
 * `setDataSourceProperties`. They get the TLS hover, and `sslmode` `disable` to an RDS endpoint the finding, as in a
 * URL. Silent: other properties, and a `Properties` object the pool is not given.
 */
import * as assert from 'node:assert/strict';
import { hintsOfRules, sourceLines } from './support';

const RULES = ['rds-sql-tls-verification-off', 'rds-sql-tls-disabled'];

describe('HikariCP data source properties', () => {
  it('reads sslmode and sslrootcert added to the config or set on Properties the pool is given', () => {
    const code = sourceLines(
      'package com.example.ledger;',
      '',
      'import java.util.Properties;',
      'import javax.sql.DataSource;',
      'import com.zaxxer.hikari.HikariConfig;',
      'import com.zaxxer.hikari.HikariDataSource;',
      '',
      'public class Pools {',
      '    public DataSource ledger(String password) {',
      '        HikariConfig config = new HikariConfig();',
      '        config.setJdbcUrl("jdbc:postgresql://ledger.abc.eu-west-1.rds.amazonaws.com:5432/ledger");',
      '        config.setPassword(password);',
      '        config.addDataSourceProperty("sslmode", "verify-full");',
      '        config.addDataSourceProperty("sslrootcert", "/opt/certs/global-bundle.pem");',
      '        config.addDataSourceProperty("cachePrepStmts", "true");',
      '        return new HikariDataSource(config);',
      '    }',
      '',
      '    public DataSource reports(String password) {',
      '        HikariDataSource ds = new HikariDataSource();',
      '        ds.setJdbcUrl("jdbc:postgresql://reports.abc.eu-west-1.rds.amazonaws.com:5432/reports");',
      '        ds.setPassword(password);',
      '        Properties props = new Properties();',
      '        props.setProperty("sslmode", "disable");',
      '        ds.setDataSourceProperties(props);',
      '        Properties unused = new Properties();',
      '        unused.setProperty("sslmode", "require");',
      '        return ds;',
      '    }',
      '}',
    );
    assert.deepEqual(hintsOfRules('Pools.java', code, RULES), [
      '13:"sslmode" rds-sql-tls-verification-off',
      '14:"sslrootcert" rds-sql-tls-verification-off',
      '24:"sslmode" rds-sql-tls-disabled',
      '24:"sslmode" rds-sql-tls-disabled!',
      '24:"sslmode" rds-sql-tls-verification-off',
    ]);
  });
});
