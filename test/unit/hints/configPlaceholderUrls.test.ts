/**
 * Datasource URLs written as a property placeholder with a default (`${DB_URL:jdbc:postgresql://host/db}` in
 * Spring Boot and Quarkus, Micronaut's backquoted `${JDBC_URL:`jdbc:mysql://host/db`}`): the connection is read
 * from the default's host, as a URL written plain is, so it gets the connection hover and a literal password
 * beside an RDS default is reported. A placeholder with no default, or a default that is no database URL, names
 * no host.
 */
import * as assert from 'node:assert/strict';
import { placeholderDefault } from '../../../src/hints/engine/config/placeholderDefaults';
import { hintsOfRules, sourceLines } from './support';

const SQL_RULES = ['rds-sql-connection', 'rds-sql-password'];

describe('datasource URLs behind a placeholder default', () => {
  it('reads the default of a Spring, Quarkus or Micronaut placeholder, nested or backquoted, and nothing else', () => {
    assert.equal(placeholderDefault('${DB_URL:jdbc:postgresql://db.example.com:5432/app}'), 'jdbc:postgresql://db.example.com:5432/app');
    assert.equal(placeholderDefault(' ${JDBC_URL:`jdbc:mysql://localhost:3306/leads`} '), 'jdbc:mysql://localhost:3306/leads');
    assert.equal(placeholderDefault('${PRIMARY_URL:${FALLBACK_URL:jdbc:mysql://replica/app}}'), 'jdbc:mysql://replica/app');
    assert.equal(placeholderDefault('${DB_URL}'), undefined);
    assert.equal(placeholderDefault('${A:${B}}'), undefined);
    assert.equal(placeholderDefault('jdbc:postgresql://${DB_HOST:localhost}:5432/app'), undefined);
  });

  it('gives a Spring application.yml URL with an RDS default its connection hover, and reports the literal password beside it', () => {
    const yaml = sourceLines(
      'spring:',
      '  datasource:',
      '    url: ${ORDERS_DB_URL:jdbc:postgresql://orders.c1x2y3z4.eu-west-1.rds.amazonaws.com:5432/orders}', // 3
      '    username: ${ORDERS_DB_USER:orders}',
      '    password: Orders-2024', // 5
    );
    assert.deepEqual(hintsOfRules('src/main/resources/application.yml', yaml, SQL_RULES), [
      '3:url rds-sql-connection',
      '5:Orders-2024 rds-sql-password!',
      '5:password rds-sql-password',
    ]);
  });

  it('reads Micronaut datasources and application.properties the same way, and a local default as a connection without findings', () => {
    const micronaut = sourceLines(
      'datasources:',
      '  default:',
      '    url: ${JDBC_URL:`jdbc:mysql://localhost:3306/leads`}', // 3
      '    username: ${JDBC_USER:root}',
      '    password: ${JDBC_PASSWORD:123456}', // 5
    );
    assert.deepEqual(hintsOfRules('src/main/resources/application.yml', micronaut, SQL_RULES), ['3:url rds-sql-connection', '5:password rds-sql-password']);
    const properties = sourceLines(
      'quarkus.datasource.jdbc.url=${QUARKUS_DB_URL:jdbc:postgresql://billing.cluster-abc123.us-east-1.rds.amazonaws.com:5432/billing}',
      'quarkus.datasource.password=${QUARKUS_DB_PASSWORD}',
    );
    assert.deepEqual(hintsOfRules('src/main/resources/application.properties', properties, SQL_RULES), [
      '1:quarkus.datasource.jdbc.url rds-sql-connection',
      '2:quarkus.datasource.password rds-sql-password',
    ]);
  });

  it('names no connection for a placeholder without a default or with one that is no database URL', () => {
    const yaml = sourceLines(
      'spring:',
      '  datasource:',
      '    url: ${ORDERS_DB_URL}',
      '    password: ${ORDERS_DB_PASSWORD}',
      'app:',
      '  reports:',
      '    url: ${REPORTS_URL:https://reports.example.com/api}',
      '    password: ${REPORTS_PASSWORD:reports}',
    );
    assert.deepEqual(hintsOfRules('src/main/resources/application.yml', yaml, SQL_RULES), ['4:password rds-sql-password']);
  });
});
