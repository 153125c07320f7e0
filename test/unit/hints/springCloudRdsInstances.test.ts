/**
 * Spring Cloud AWS 1.x and 2.x `@EnableRdsInstance`: the annotation makes a JDBC data source to the RDS instance it
 * names, so it is read as a connection, with its `password` attribute as the password: a literal one is reported,
 * a `${...}` placeholder is not. Without the annotation's import, or in test code, nothing is read.
 */
import * as assert from 'node:assert/strict';
import { hintsOfRules, sourceLines } from './support';

const SQL_RULES = ['rds-sql-connection', 'rds-sql-password'];

describe('Spring Cloud AWS @EnableRdsInstance', () => {
  it('reads the annotation as a connection to RDS and reports a literal password, of either package', () => {
    const code = sourceLines(
      'package com.example.orders.config;',
      '',
      'import org.springframework.cloud.aws.jdbc.config.annotation.EnableRdsInstance;',
      'import org.springframework.context.annotation.Configuration;',
      '',
      '@Configuration',
      '@EnableRdsInstance(databaseName = "orders",', // 7
      '        dbInstanceIdentifier = "orders-db",',
      '        password = "Orders#2019")', // 9
      'public class OrdersDatabaseConfig {',
      '}',
    );
    assert.deepEqual(hintsOfRules('src/main/java/com/example/orders/config/OrdersDatabaseConfig.java', code, SQL_RULES), [
      '7:EnableRdsInstance rds-sql-connection',
      '9:"Orders#2019" rds-sql-password',
      '9:"Orders#2019" rds-sql-password!',
    ]);
    const awspring = sourceLines(
      'import io.awspring.cloud.jdbc.config.annotation.*;',
      '@EnableRdsInstance(dbInstanceIdentifier = "${db.instance}", password = "${db.password}", readReplicaSupport = true)', // 2
      'public class ReportsDatabaseConfig {}',
    );
    assert.deepEqual(hintsOfRules('src/main/java/ReportsDatabaseConfig.java', awspring, SQL_RULES), [
      '2:"${db.password}" rds-sql-password',
      '2:EnableRdsInstance rds-sql-connection',
    ]);
  });

  it('reads nothing without the import, or in test code', () => {
    const own = sourceLines(
      'import com.example.platform.EnableRdsInstance;',
      '@EnableRdsInstance(password = "Orders#2019")',
      'public class OrdersDatabaseConfig {}',
    );
    assert.deepEqual(hintsOfRules('src/main/java/OrdersDatabaseConfig.java', own, SQL_RULES), []);
    const test = sourceLines(
      'import org.springframework.cloud.aws.jdbc.config.annotation.EnableRdsInstance;',
      '@EnableRdsInstance(dbInstanceIdentifier = "test-db", password = "Orders#2019")',
      'public class OrdersDatabaseTestConfig {}',
    );
    assert.deepEqual(hintsOfRules('src/test/java/OrdersDatabaseTestConfig.java', test, SQL_RULES), []);
  });
});
