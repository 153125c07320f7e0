/**
 * Connections configured in application configuration files rather than in code: Spring Boot's
 * `application.yml` (`spring.datasource.*`, `spring.data.redis.*` and the older `spring.redis.*`, nested or
 * written flat, one YAML document per profile) and ASP.NET Core's `appsettings.json` (`ConnectionStrings`, a Redis
 * section's configuration string). Findings only where the file names an AWS data store (an RDS or ElastiCache
 * endpoint); local and Docker Compose servers, placeholders and test resources get none.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { hintsIn, realHintRules, sourceLines } from './support';

const findings = (hints: string[]): string[] => hints.filter((hint) => hint.endsWith('!')).sort();

describe('Spring Boot application.yml', () => {
  it('reports a literal datasource password to an RDS endpoint, and a Redis password to ElastiCache without TLS', () => {
    const yaml = sourceLines(
      'server:', // 1
      '  port: 8080',
      'spring:',
      '  datasource:',
      '    url: jdbc:mysql://orders.c1x2y3z4.us-east-1.rds.amazonaws.com:3306/orders?useSSL=true', // 5
      '    username: admin',
      '    password: Orders2024!', // 7
      '  data:',
      '    redis:',
      '      host: orders-cache.x1y2z3.ng.0001.use1.cache.amazonaws.com', // 10
      '      port: 6379',
      '      password: redis-token-1', // 12
    );
    const hints = hintsIn('src/main/resources/application.yml', yaml);
    assert.deepEqual(findings(hints), ['12:password redis-auth-without-tls!', '12:redis-token-1 redis-password!', '7:Orders2024! rds-sql-password!']);
    assert.ok(hints.includes('5:url rds-sql-connection'));
    assert.ok(hints.includes('7:password rds-sql-password'));
  });

  it('reads dotted keys, the Spring Boot 2 prefix, ssl.enabled and a ssl bundle, and each profile document on its own', () => {
    const yaml = sourceLines(
      'spring:', // 1
      '  redis:',
      '    host: sessions.x1y2z3.0001.euw1.cache.amazonaws.com',
      '    password: ${REDIS_PASSWORD}', // 4
      '    ssl: false',
      '---',
      'spring:',
      '  config.activate.on-profile: prod',
      '  data.redis.host: carts.x1y2z3.0001.euw1.cache.amazonaws.com',
      '  data.redis.password: ${REDIS_PASSWORD}', // 10
      '  data.redis.ssl.enabled: true',
      '---',
      'spring.data.redis:',
      '  url: redis://queue.x1y2z3.0001.euw1.cache.amazonaws.com:6379', // 14
      '  password: queue-pass-1', // 15
      '  ssl:',
      '    bundle: elasticache',
    );
    assert.deepEqual(findings(hintsIn('application-prod.yml', yaml)), ['15:queue-pass-1 redis-password!', '4:password redis-auth-without-tls!']);
  });

  it('reads a certificate check switched off in the JDBC URL', () => {
    const yaml = sourceLines(
      'spring:',
      '  datasource:',
      '    url: jdbc:mysql://orders.c1x2y3z4.us-east-1.rds.amazonaws.com/orders?useSSL=true&verifyServerCertificate=false',
      '    password: ${DB_PASSWORD}',
    );
    assert.deepEqual(findings(hintsIn('application.yml', yaml)), ['3:url rds-sql-tls-verification-off!']);
  });

  it('gives an in-process database (H2, HSQLDB, Derby, SQLite over JDBC) no hover: no server, no RDS', () => {
    const yaml = sourceLines(
      'spring:',
      '  datasource:',
      '    url: jdbc:h2:mem:orders;MODE=MySQL',
      '    password: devonly',
      '---',
      'spring.datasource.url: jdbc:hsqldb:file:./data/orders',
      'spring.datasource.password: devonly',
      '---',
      'spring:',
      '  datasource:',
      '    url: jdbc:mysql://orders.c1x2y3z4.us-east-1.rds.amazonaws.com/orders',
      '    password: ${DB_PASSWORD}',
    );
    assert.deepEqual(
      hintsIn('application-dev.yml', yaml).filter((hint) => hint.includes('rds-sql')),
      ['11:url rds-sql-connection', '12:password rds-sql-password'],
    );
    const properties = sourceLines('spring.datasource.url=jdbc:derby:memory:orders;create=true', 'spring.datasource.password=devonly');
    assert.deepEqual(hintsIn('application.properties', properties), []);
  });

  it('reads the password a Redis URL carries, in plain and quoted values, and no placeholder there', () => {
    const yaml = sourceLines(
      'spring:', // 1
      '  data:',
      '    redis:',
      '      url: redis://app:cart-token-7@carts.x1y2z3.0001.euw1.cache.amazonaws.com:6379', // 4
      '---',
      'spring.data.redis.url: "rediss://:sessions-token-2@sessions.x1y2z3.0001.euw1.cache.amazonaws.com:6379"', // 6
      '---',
      'spring.data.redis.url: redis://:${REDIS_PASSWORD}@queue.x1y2z3.0001.euw1.cache.amazonaws.com:6379', // 8
    );
    const hints = hintsIn('src/main/resources/application.yml', yaml);
    assert.deepEqual(findings(hints), ['4:cart-token-7 redis-auth-without-tls!', '4:cart-token-7 redis-password!', '6:sessions-token-2 redis-password!', '8:${REDIS_PASSWORD} redis-auth-without-tls!']);
  });

  it('says nothing for local and Docker Compose servers, placeholders, empty passwords, a host from the environment, or test resources', () => {
    const yaml = sourceLines(
      'spring:',
      '  datasource:',
      '    url: jdbc:postgresql://db:5432/app', // a Docker Compose service
      '    password: postgres',
      '  redis:',
      '    host: localhost',
      '    password: changeit',
      '    sentinel:',
      '      nodes: localhost:26379',
      '---',
      'spring:',
      '  datasource:',
      '    url: ${DB_URL}',
      '    password: s3cret-but-where',
      '  data:',
      '    redis:',
      '      host: ${REDIS_HOST:redis}',
      '      password: redis-pass',
      '---',
      'spring:',
      '  datasource:',
      '    url: jdbc:mysql://orders.c1x2y3z4.us-east-1.rds.amazonaws.com/orders',
      '    password: ${DB_PASSWORD:}',
      '  data:',
      '    redis:',
      '      host: orders-cache.x1y2z3.ng.0001.use1.cache.amazonaws.com',
      '      password: your-redis-password',
      '      ssl:',
      '        enabled: true',
    );
    assert.deepEqual(findings(hintsIn('application.yml', yaml)), []);
    // An empty or null password is none: Spring Data Redis sends no AUTH (`RedisPassword.of` reads it as none).
    const empty = sourceLines(
      'spring.data.redis:',
      '  host: carts.x1y2z3.0001.euw1.cache.amazonaws.com',
      '  password:',
      '---',
      'spring.redis.host: carts.x1y2z3.0001.euw1.cache.amazonaws.com',
      'spring.redis.password: null',
      '---',
      'spring.redis.host: carts.x1y2z3.0001.euw1.cache.amazonaws.com',
      "spring.redis.password: ''",
    );
    assert.deepEqual(findings(hintsIn('application-prod.yml', empty)), []);
    const aws = sourceLines('spring:', '  datasource:', '    url: jdbc:mysql://orders.c1x2y3z4.us-east-1.rds.amazonaws.com/orders', '    password: Orders2024!');
    assert.deepEqual(findings(hintsIn('src/test/resources/application.yml', aws)), []);
    assert.deepEqual(findings(hintsIn('deploy/config.yml', aws)), []);
  });

  it('still reads a CloudFormation template that bears the name', () => {
    const template = sourceLines(
      "AWSTemplateFormatVersion: '2010-09-09'",
      'Resources:',
      '  Database:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties:',
      '      Engine: mysql',
      '      PubliclyAccessible: true', // 7
    );
    assert.ok(findings(hintsIn('application.yml', template)).includes('7:PubliclyAccessible rds-publicly-accessible!'));
  });
});

describe('Spring Boot application.properties', () => {
  it('reads the same properties as the YAML file, one document per #--- section', () => {
    const properties = sourceLines(
      'spring.application.name=shop', // 1
      'spring.datasource.url=jdbc:postgresql://shop.c1x2y3z4.eu-central-1.rds.amazonaws.com:5432/shop',
      'spring.datasource.password=12345678', // 3
      'spring.redis.host=shop-cache.x1y2z3.ng.0001.euc1.cache.amazonaws.com',
      'spring.redis.password = cache-pass-1', // 5
      '#---',
      'spring.config.activate.on-profile=prod',
      'spring.data.redis.host: carts.x1y2z3.ng.0001.euc1.cache.amazonaws.com',
      'spring.data.redis.password: ${REDIS_PASSWORD}', // 9
      'spring.data.redis.ssl.enabled: true',
    );
    const hints = hintsIn('src/main/resources/application.properties', properties);
    assert.deepEqual(findings(hints), ['3:12345678 rds-sql-password!', '5:cache-pass-1 redis-password!', '5:spring.redis.password redis-auth-without-tls!']);
    assert.ok(hints.includes('2:spring.datasource.url rds-sql-connection'));
  });

  it('says nothing for local servers, placeholders, escaped values, an empty password, other properties files and test resources', () => {
    const properties = sourceLines(
      'spring.datasource.url=jdbc:mysql://localhost:3306/shop',
      'spring.datasource.password=root',
      'spring.data.redis.host=${REDIS_HOST}',
      'spring.data.redis.password=redis-pass',
      '#---',
      'spring.datasource.url=jdbc:mysql://shop.c1x2y3z4.eu-central-1.rds.amazonaws.com/shop',
      'spring.datasource.password=first\\u0041part',
      'spring.datasource.username=ops\\',
      '  \\u0041dmin',
      '# spring.datasource.password=commented-out',
      '#---',
      'spring.data.redis.host=carts.x1y2z3.ng.0001.euc1.cache.amazonaws.com',
      'spring.data.redis.password=',
    );
    assert.deepEqual(findings(hintsIn('application.properties', properties)), []);
    const aws = sourceLines('spring.datasource.url=jdbc:mysql://shop.c1x2y3z4.eu-central-1.rds.amazonaws.com/shop', 'spring.datasource.password=12345678');
    assert.deepEqual(findings(hintsIn('src/test/resources/application.properties', aws)), []);
    assert.deepEqual(findings(hintsIn('src/main/resources/db.properties', aws)), []);
  });
});

describe("Spring datasources under the application's own prefix, and Spring files a configuration imports", () => {
  it('reads a JDBC URL and its password under any prefix, as a @ConfigurationProperties bean binds them', () => {
    const properties = sourceLines(
      'stock.red.jdbc-url=jdbc:postgresql://stock-red.k3v8q2x1w9ab.eu-west-1.rds.amazonaws.com:5432/stock', // 1
      'stock.red.password=RedStock-2025',
      'stock.white.url=jdbc:mysql://stock-white.k3v8q2x1w9ab.eu-west-1.rds.amazonaws.com/stock?useSSL=false', // 3
      'stock.white.password=${WHITE_PASSWORD}',
      'spring.datasource.hikari.jdbc-url=jdbc:postgresql://stock-main.k3v8q2x1w9ab.eu-west-1.rds.amazonaws.com/stock', // 5
      'spring.datasource.hikari.password=MainStock-2025',
    );
    const hints = hintsIn('src/main/resources/application.properties', properties);
    assert.deepEqual(findings(hints), ['2:RedStock-2025 rds-sql-password!', '3:stock.white.url rds-sql-tls-disabled!', '6:MainStock-2025 rds-sql-password!']);
    assert.ok(hints.includes('1:stock.red.jdbc-url rds-sql-connection') && hints.includes('4:stock.white.password rds-sql-password'));
    const yaml = sourceLines(
      'invoices:', // 1
      '  datasource:',
      '    jdbc-url: jdbc:postgresql://invoices.k3v8q2x1w9ab.eu-west-1.rds.amazonaws.com:5432/invoices', // 3
      '    password: Invoices-Live-77',
    );
    assert.deepEqual(findings(hintsIn('application.yml', yaml)), ['4:Invoices-Live-77 rds-sql-password!']);
  });

  it('leaves URLs that are no JDBC URL, placeholders, local servers and keys another reader took', () => {
    const properties = sourceLines(
      'pricing.api.url=https://pricing.example.com/v2', // 1
      'pricing.api.password=Pricing-Api-2025',
      'stock.archive.jdbc-url=${ARCHIVE_URL}',
      'stock.archive.password=Archive-2025',
      'stock.local.jdbc-url=jdbc:postgresql://localhost:5432/stock', // 5
      'stock.local.password=postgres',
      'stock.audit.jdbc-url=jdbc:postgresql://stock-audit.k3v8q2x1w9ab.eu-west-1.rds.amazonaws.com/audit',
      'stock.audit.password=audit_xxx',
      'quarkus.datasource.jdbc.url=jdbc:postgresql://orders-db.internal:5432/orders',
      '#---',
      'spring.datasource.url=jdbc:mysql://shop.k3v8q2x1w9ab.eu-west-1.rds.amazonaws.com/shop',
      'spring.datasource.password=password_XXX', // 12: a value to fill in
    );
    const hints = hintsIn('src/main/resources/application.properties', properties);
    assert.deepEqual(findings(hints), []);
    assert.ok(!hints.some((hint) => hint.startsWith('1:') || hint.startsWith('2:') || hint.startsWith('3:') || hint.startsWith('4:')));
    // A URL to the developer's own machine is no RDS connection: neither it nor its password gets a hover.
    assert.ok(!hints.some((hint) => hint.startsWith('5:') || hint.startsWith('6:')), hints.join('\n'));
    assert.equal(hints.filter((hint) => hint.startsWith('9:')).length, 1, 'Quarkus\'s URL is read once');
  });

  it('reads a YAML file of the classpath resources whose root holds spring keys, whatever its name', () => {
    const yaml = sourceLines(
      'spring:', // 1
      '  data:',
      '    redis:',
      '      host: stock-cache.k3v8q2.ng.0001.euw1.cache.amazonaws.com',
      '      password: Stock-Cache-Token-9', // 5
    );
    const expected = ['5:Stock-Cache-Token-9 redis-password!', '5:password redis-auth-without-tls!'];
    assert.deepEqual(findings(hintsIn('src/main/resources/cache-settings/elasticache.yaml', yaml)), expected);
    assert.deepEqual(findings(hintsIn('src/main/resources/config.yml', yaml)), expected);
    assert.deepEqual(findings(hintsIn('deploy/values.yaml', yaml)), []);
    assert.deepEqual(findings(hintsIn('src/test/resources/cache-settings/elasticache.yaml', yaml)), []);
    const other = sourceLines('logging:', '  level:', '    root: INFO', 'database:', '  password: Not-Spring-2025');
    assert.deepEqual(hintsIn('src/main/resources/logging.yaml', other), []);
  });
});

describe('Spring Boot application.properties: values continued over several lines', () => {
  it('reads a value continued with a trailing backslash as java.util.Properties joins it, and offers no fix on it', () => {
    const properties = sourceLines(
      'spring.datasource.url=jdbc:mysql://board.c1x2y3z4.ap-northeast-2.rds.amazonaws.com:3306/board?useUnicode=true\\', // 1
      '    &characterEncoding=utf8&useSSL=false',
      '# a comment line ending with a backslash does not go on \\',
      'spring.datasource.password=board\\', // 4
      '  -Pass-2024',
    );
    const result = analyzeText(properties, realHintRules(), { kind: 'properties', fileName: 'src/main/resources/application.properties' });
    const found = result.findings.map((finding) => `${finding.ruleId}:${properties.slice(finding.start, finding.end)}`);
    assert.deepEqual(found.sort(), ['rds-sql-password:board\\\n  -Pass-2024', 'rds-sql-tls-disabled:spring.datasource.url'].sort());
    assert.ok(result.findings.every((finding) => !finding.fix), 'a value over several lines gets no quick fix');
  });
});

describe('Spring Boot R2DBC and migration-tool connections', () => {
  it('reads spring.r2dbc and spring.flyway with their own URLs, and no in-process R2DBC database', () => {
    const yaml = sourceLines(
      'spring:', // 1
      '  r2dbc:',
      '    url: r2dbc:pool:postgresql://orders.c1x2y3z4.us-east-1.rds.amazonaws.com:5432/orders',
      '    password: R2dbc-Live-2023', // 4
      '  flyway:',
      '    url: jdbc:postgresql://orders.c1x2y3z4.us-east-1.rds.amazonaws.com:5432/orders',
      '    password: Flyway-Live-2023', // 7
      '---',
      'spring:',
      '  r2dbc:', // 10
      '    url: r2dbc:h2:mem:///testdb',
      '    password: test',
    );
    const hints = hintsIn('src/main/resources/application.yml', yaml);
    assert.deepEqual(findings(hints), ['4:R2dbc-Live-2023 rds-sql-password!', '7:Flyway-Live-2023 rds-sql-password!']);
    assert.ok(hints.includes('3:url rds-sql-connection'));
    assert.ok(!hints.some((hint) => hint.startsWith('11:') || hint.startsWith('12:')));
  });
});

describe('Quarkus and Micronaut datasources in the same files', () => {
  it("reads Quarkus's default, named and profile datasources in application.properties", () => {
    const properties = sourceLines(
      'quarkus.datasource.db-kind=postgresql', // 1
      'quarkus.datasource.username=orders',
      'quarkus.datasource.password=Quarkus-Live-2022', // 3
      'quarkus.datasource.jdbc.url=jdbc:postgresql://orders.c1x2y3z4.eu-west-1.rds.amazonaws.com:5432/orders',
      'quarkus.datasource."audit".jdbc.url=jdbc:mysql://audit.c1x2y3z4.eu-west-1.rds.amazonaws.com:3306/audit?useSSL=false', // 5
      'quarkus.datasource."audit".password=${AUDIT_PASSWORD}',
      '%dev.quarkus.datasource.jdbc.url=jdbc:postgresql://localhost:5432/orders',
      '%dev.quarkus.datasource.password=dev', // 8
    );
    const hints = hintsIn('src/main/resources/application.properties', properties);
    assert.deepEqual(findings(hints), ['3:Quarkus-Live-2022 rds-sql-password!', '5:quarkus.datasource."audit".jdbc.url rds-sql-tls-disabled!']);
    assert.ok(hints.includes('4:quarkus.datasource.jdbc.url rds-sql-connection'));
    assert.ok(!findings(hints).some((hint) => hint.startsWith('8:')));
  });

  it("reads Micronaut's datasources by name in application.yml", () => {
    const yaml = sourceLines(
      'micronaut:', // 1
      '  application:',
      '    name: orders',
      'datasources:',
      '  default:', // 5
      '    url: jdbc:mysql://orders.c1x2y3z4.eu-west-1.rds.amazonaws.com:3306/orders',
      '    username: admin',
      '    password: Micronaut-Live-2022', // 8
      '  reports:',
      '    url: jdbc:postgresql://db.internal.example.com:5432/reports', // 10
      '    password: Reports-2022',
    );
    const hints = hintsIn('src/main/resources/application.yml', yaml);
    assert.deepEqual(findings(hints), ['8:Micronaut-Live-2022 rds-sql-password!']);
    assert.ok(hints.includes('6:url rds-sql-connection') && hints.includes('11:password rds-sql-password'));
  });
});

describe('ASP.NET Core appsettings.json', () => {
  it('reports a literal password to RDS, Trust Server Certificate, and an ElastiCache string with a password and ssl off', () => {
    const json = sourceLines(
      '{', // 1
      '  "ConnectionStrings": {',
      '    "Orders": "Host=orders.c1x2y3z4.us-east-1.rds.amazonaws.com;Database=orders;Username=app;Password=Orders2024!;Trust Server Certificate=true",', // 3
      '    "Cache": "orders-cache.x1y2z3.ng.0001.use1.cache.amazonaws.com:6379,password=cache-pass-1,ssl=False,abortConnect=false"', // 4
      '  },',
      '  "Redis": {',
      '    "Configuration": "carts.x1y2z3.ng.0001.use1.cache.amazonaws.com:6379,ssl=true,password=carts-pass-1"', // 7
      '  }',
      '}',
    );
    const hints = hintsIn('appsettings.Production.json', json);
    const rds = 'Host=orders.c1x2y3z4.us-east-1.rds.amazonaws.com;Database=orders;Username=app;Password=Orders2024!;Trust Server Certificate=true';
    assert.deepEqual(findings(hints), [`3:"${rds}" rds-sql-password!`, `3:"${rds}" rds-sql-tls-verification-off!`, '4:cache-pass-1 redis-password!', '4:password redis-auth-without-tls!', '7:carts-pass-1 redis-password!']);
    assert.ok(hints.includes('3:"Orders" rds-sql-connection'));
  });

  it('says nothing for local servers, placeholders, other hosts and test projects', () => {
    const json = sourceLines(
      '{',
      '  "ConnectionStrings": {',
      '    "Default": "Server=localhost;Database=shop;Uid=root;Pwd=root;",',
      '    "Db": "Host=postgres;Database=shop;Username=postgres;Password=postgres",',
      '    "Redis": "redis:6379,password=redis-pass,abortConnect=false",',
      '    "Rds": "Host=orders.c1x2y3z4.us-east-1.rds.amazonaws.com;Database=orders;Username=app;Password=CHANGE_ME",',
      // An empty password= is none: no AUTH is sent, so nothing crosses in clear.
      '    "QaCache": "qa-cache.x1y2z3.ng.0001.apse1.cache.amazonaws.com:6379,ssl=false,password=,allowAdmin=false",',
      '    "Mongo": "mongodb+srv://admin:pass@cluster0.mongodb.net/shop"',
      '  }',
      '}',
    );
    assert.deepEqual(findings(hintsIn('appsettings.json', json)), []);
    const aws = sourceLines('{ "ConnectionStrings": { "Db": "Server=orders.c1x2y3z4.us-east-1.rds.amazonaws.com;Pwd=Orders2024!" } }');
    assert.deepEqual(findings(hintsIn('Shop.Api.Tests/appsettings.json', aws)), []);
    assert.deepEqual(findings(hintsIn('settings.json', aws)), []);
  });

  it("gives a server on the developer's machine no hover: localhost, LocalDB, `.` and SQL Server's `(local)`", () => {
    const json = sourceLines(
      '{',
      '  "ConnectionStrings": {',
      '    "DefaultConnection": "server=localhost;port=3306;database=app;user=root;password=password",',
      '    "Identity": "Server=(localdb)\\\\mssqllocaldb;Database=identity;Trusted_Connection=True",',
      '    "Reports": "Server=.\\\\SQLEXPRESS;Database=reports;User Id=sa;Password=Passw0rd!",',
      '    "Audit": "Data Source=(local);Initial Catalog=audit;User ID=sa;Password=sa",',
      '    "Loopback": "Host=127.0.0.1;Database=shop;Username=app;Password=app",',
      '    "Orders": "Server=orders.internal.example.com;Database=orders;Uid=app;Pwd=${DB_PASSWORD}"',
      '  }',
      '}',
    );
    assert.deepEqual(hintsIn('appsettings.json', json).filter((hint) => /rds-sql/.test(hint)), ['8:"Orders" rds-sql-connection', '8:"Server=orders.internal.example.com;Database=orders;Uid=app;Pwd=${DB_PASSWORD}" rds-sql-password']);
  });

  it('gives a SQLite file no hover: a file of the app, not a server', () => {
    const json = sourceLines(
      '{',
      '  "ConnectionStrings": {',
      '    "AppointmentDBConnection": "Data Source = Appointment.sqlite",',
      '    "Cache": "DataSource=cache.db;Cache=Shared",',
      '    "Tests": "Filename=:memory:",',
      '    "Orders": "Server=orders.c1x2y3z4.us-east-1.rds.amazonaws.com;Database=orders;Uid=app;Pwd=${DB_PASSWORD}"',
      '  }',
      '}',
    );
    assert.deepEqual(hintsIn('appsettings.json', json).filter((hint) => hint.endsWith('rds-sql-connection')), ['6:"Orders" rds-sql-connection']);
  });
  it('hovers redis-tls on a connection string to an ElastiCache endpoint that never sets ssl, and only there', () => {
    const json = sourceLines(
      '{', // 1
      '  "ConnectionStrings": {',
      '    "OrdersCache": "orders-cache.x1y2z3.ng.0001.use1.cache.amazonaws.com:6379",', // 3
      '    "Sessions": "sessions.x1y2z3.ng.0001.use1.cache.amazonaws.com:6379,ssl=true,abortConnect=false",',
      '    "Local": "localhost:6379",',
      '    "Compose": "redis:6379,abortConnect=false",',
      '    "Azure": "shop.redis.cache.windows.net:6380,password=${REDIS_KEY},ssl=True"',
      '  },',
      '  "Redis": { "Configuration": "carts.x1y2z3.ng.0001.use1.cache.amazonaws.com:6379,abortConnect=false" }', // 9
      '}',
    );
    const tls = hintsIn('appsettings.json', json).filter((hint) => hint.endsWith('redis-tls'));
    assert.deepEqual(tls, ['3:"OrdersCache" redis-tls', '4:ssl redis-tls', '7:ssl redis-tls', '9:"Configuration" redis-tls']);
    assert.deepEqual(findings(hintsIn('appsettings.json', json)), []);
  });
});

describe('Redisson YAML configuration', () => {
  it('reports a literal password sent on redis:// to ElastiCache, whatever the file is named', () => {
    const yaml = sourceLines(
      '# loaded with Config.fromYAML', // 1
      'singleServerConfig:',
      '  idleConnectionTimeout: 10000',
      '  address: "redis://orders-cache.x1y2z3.ng.0001.use1.cache.amazonaws.com:6379"',
      '  password: "cache-pass-1"', // 5
      '  database: 0',
      'threads: 16',
      'codec: !<org.redisson.codec.JsonJacksonCodec> {}',
    );
    const hints = hintsIn('src/main/resources/redisson-prod.yaml', yaml);
    assert.deepEqual(findings(hints), ['5:"cache-pass-1" redis-password!', '5:password redis-auth-without-tls!']);
    assert.deepEqual(findings(hintsIn('deploy/cache.yml', yaml)), findings(hints));
  });

  it('reads cluster node lists, a rediss:// node, a placeholder and certificate checks switched off', () => {
    const cluster = sourceLines(
      'clusterServersConfig:', // 1
      '  scanInterval: 1000',
      '  nodeAddresses:',
      '  - "redis://sessions-0001-001.x1y2z3.0001.euw1.cache.amazonaws.com:6379"',
      '  - "redis://sessions-0001-002.x1y2z3.0001.euw1.cache.amazonaws.com:6379"', // 5
      '  password: ${REDIS_PASSWORD}',
      '  readMode: "SLAVE"',
    );
    assert.deepEqual(findings(hintsIn('redisson.yml', cluster)), ['6:password redis-auth-without-tls!']);
    const tls = sourceLines(
      'replicatedServersConfig:', // 1
      '  nodeAddresses:',
      '    - "rediss://carts-001.x1y2z3.0001.euw1.cache.amazonaws.com:6379"',
      '    - "rediss://carts-002.x1y2z3.0001.euw1.cache.amazonaws.com:6379"',
      '  password: ${REDIS_PASSWORD:-}', // 5
      '  sslVerificationMode: NONE',
      '---',
    );
    assert.deepEqual(findings(hintsIn('redisson.yaml', tls)), ['6:sslVerificationMode redis-tls!']);
    const older = sourceLines('singleServerConfig:', '  address: rediss://queue.x1y2z3.0001.euw1.cache.amazonaws.com:6379', '  sslEnableEndpointIdentification: false');
    assert.deepEqual(findings(hintsIn('redisson.yaml', older)), ['3:sslEnableEndpointIdentification redis-tls!']);
  });

  it('says nothing for the template defaults, local and Compose servers, addresses from the environment and test resources', () => {
    const template = sourceLines(
      'singleServerConfig:',
      '  password: null',
      '  clientName: null',
      '  address: "redis://orders-cache.x1y2z3.ng.0001.use1.cache.amazonaws.com:6379"',
      '  sslEnableEndpointIdentification: true',
    );
    assert.deepEqual(findings(hintsIn('redisson.yaml', template)), []);
    const elsewhere = sourceLines(
      'sentinelServersConfig:',
      '  sentinelAddresses:',
      '  - ${REDIS_SENTINEL}',
      '  masterName: "db1"',
      '  password: sentinel-pass',
      'masterSlaveServersConfig:',
      '  masterAddress: "redis://redis:6379"',
      '  slaveAddresses: ["redis://orders-cache.x1y2z3.ng.0001.use1.cache.amazonaws.com:6379"]',
      '  password: master-pass',
      'singleServerConfig:',
      '  address: "redis://127.0.0.1:6379"',
      '  password: local-pass',
      '  sslVerificationMode: NONE',
    );
    assert.deepEqual(findings(hintsIn('redisson.yaml', elsewhere)), []);
    const aws = sourceLines('singleServerConfig:', '  address: "redis://orders-cache.x1y2z3.ng.0001.use1.cache.amazonaws.com:6379"', '  password: cache-pass-1');
    assert.deepEqual(findings(hintsIn('src/test/resources/redisson.yaml', aws)), []);
    // Nested under an application's own prefix, it is that application's setting, not Redisson's file.
    const nested = sourceLines('redisson:', '  singleServerConfig:', '    address: "redis://orders-cache.x1y2z3.ng.0001.use1.cache.amazonaws.com:6379"', '    password: cache-pass-1');
    assert.deepEqual(findings(hintsIn('config/redisson.yaml', nested)), []);
  });
});
