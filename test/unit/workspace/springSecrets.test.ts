/**
 * A Java field Spring sets from a property with no default (`@Value("${app.redis.password}")`), read as the literal
 * password a Spring Boot configuration file of the workspace writes under that key (`workspace/springSecrets.ts`).
 */
import * as assert from 'node:assert/strict';
import { springSecrets } from '../../../src/hints/engine/workspace/springSecrets';
import { sourceLines } from '../hints/support';
import { hintsOfFile } from './support';

const CONFIG = sourceLines(
  'package com.acme;',
  'import org.springframework.beans.factory.annotation.Value;',
  'import org.springframework.context.annotation.Bean;',
  'import org.springframework.context.annotation.Configuration;',
  'import org.springframework.data.redis.connection.RedisStandaloneConfiguration;',
  'import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;',
  '@Configuration',
  'public class RedisConfig {',
  '  @Value("${app.redis.host}")',
  '  private String host;',
  '  @Value("${app.redis.password}")',
  '  private String password;',
  '  @Bean',
  '  public LettuceConnectionFactory redisConnectionFactory() {',
  '    RedisStandaloneConfiguration config = new RedisStandaloneConfiguration(host, 6379);',
  '    config.setPassword(password);', // 16
  '    return new LettuceConnectionFactory(config);',
  '  }',
  '}',
);

const passwordFindings = (files: Record<string, string>): string[] =>
  hintsOfFile(files, 'src/main/java/com/acme/RedisConfig.java').filter((hint) => hint.endsWith('redis-password!'));

describe('workspace: Spring properties bound by @Value to a literal password', () => {
  it('reads the password application.yml or application.properties writes under the key', () => {
    const yaml = sourceLines('app:', '  redis:', '    host: sessions.abc123.ng.0001.euw1.cache.amazonaws.com', '    password: Sup3rSecret!');
    assert.deepEqual(passwordFindings({ 'src/main/resources/application.yml': yaml, 'src/main/java/com/acme/RedisConfig.java': CONFIG }), ['16:password redis-password!']);
    const properties = sourceLines('app.redis.host=sessions.abc123.ng.0001.euw1.cache.amazonaws.com', 'app.redis.password = Sup3rSecret!');
    assert.deepEqual(passwordFindings({ 'src/main/resources/application-prod.properties': properties, 'src/main/java/com/acme/RedisConfig.java': CONFIG }), ['16:password redis-password!']);
  });

  it('reads a placeholder written as an annotation attribute, from the configuration of the service that holds the code', () => {
    const annotated = sourceLines(
      'package com.shop.orders;',
      'import org.springframework.cloud.aws.jdbc.config.annotation.EnableRdsInstance;',
      'import org.springframework.context.annotation.Configuration;',
      '@Configuration',
      '@EnableRdsInstance(dbInstanceIdentifier = "${spring.db-instance-identifier}",',
      '                   password = "${spring.rdsPassword}")', // 6
      'public class AwsConfiguration {',
      '}',
    );
    const config = (password: string): string => sourceLines('spring:', '  db-instance-identifier: orders-db', `  rdsPassword: ${password}`);
    const files = {
      'orders/src/main/resources/application.yml': config('orders-pass-1'),
      'orders/src/main/java/com/shop/orders/AwsConfiguration.java': annotated,
      'billing/src/main/resources/application.yml': config('billing-pass-1'),
    };
    const found = hintsOfFile(files, 'orders/src/main/java/com/shop/orders/AwsConfiguration.java').filter((hint) => hint.endsWith('rds-sql-password!'));
    assert.deepEqual(found, ['6:"${spring.rdsPassword}" rds-sql-password!']);
  });

  it('stays silent on a placeholder, a test configuration, and a key the files do not write', () => {
    const placeholder = sourceLines('app:', '  redis:', '    password: ${REDIS_PASSWORD}');
    assert.deepEqual(passwordFindings({ 'src/main/resources/application.yml': placeholder, 'src/main/java/com/acme/RedisConfig.java': CONFIG }), []);
    const test = sourceLines('app:', '  redis:', '    password: local-only');
    assert.deepEqual(passwordFindings({ 'src/test/resources/application.yml': test, 'src/main/java/com/acme/RedisConfig.java': CONFIG }), []);
    const other = sourceLines('app:', '  mail:', '    password: Sup3rSecret!');
    assert.deepEqual(passwordFindings({ 'src/main/resources/application.yml': other, 'src/main/java/com/acme/RedisConfig.java': CONFIG }), []);
  });

  it('keeps only password keys with literal values, by the relaxed binding key', () => {
    const secrets = springSecrets('yaml', sourceLines('app:', '  redis:', '    auth-password: a1', '    host: h', '  db:', '    PASSWORD: ${X}'));
    assert.deepEqual(Object.keys(secrets ?? {}), ['app.redis.authpassword']);
  });
});
