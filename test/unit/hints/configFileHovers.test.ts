/**
 * Hovers in application configuration files show their examples in the file's own form: a Spring Boot
 * `application.yml` gets YAML, an `application.properties` properties, an `appsettings.json` JSON, a Redisson
 * `redisson.yaml` Redisson's YAML, not the Java or C# client code the same rules show in source files.
 */
import * as assert from 'node:assert/strict';
import { hoverAt, sourceLines } from './support';

describe('hovers in configuration files', () => {
  it('show a Spring Boot YAML example in application.yml', () => {
    const yaml = sourceLines('spring:', '  data:', '    redis:', '      host: sessions.x1y2z3.0001.euw1.cache.amazonaws.com', '      password: ${REDIS_PASSWORD}', '      ssl:', '        enabled: true');
    const markdown = hoverAt('src/main/resources/application.yml', yaml, 'password', 'yaml');
    assert.match(markdown, /```yaml\nspring:\n {2}data:\n {4}redis:\n(?:.*\n)*? {6}password: \$\{REDIS_PASSWORD\}/);
    assert.doesNotMatch(markdown, /```java/);
  });

  it('show a properties example in application.properties, for the datasource as for Redis', () => {
    const properties = sourceLines('spring.datasource.url=jdbc:postgresql://orders.c1x2y3z4.us-east-1.rds.amazonaws.com:5432/orders', 'spring.datasource.password=${DB_PASSWORD}');
    const markdown = hoverAt('src/main/resources/application-prod.properties', properties, 'password', 'properties');
    assert.match(markdown, /```properties\n(?:.*\n)*?spring\.datasource\.password=\$\{DB_PASSWORD\}/);
    assert.doesNotMatch(markdown, /```java|```yaml/);
  });

  it("show Java's example for a Quarkus datasource, whose keys are not Spring's", () => {
    const properties = sourceLines('quarkus.datasource.jdbc.url=jdbc:postgresql://orders.c1x2y3z4.us-east-1.rds.amazonaws.com:5432/orders', 'quarkus.datasource.password=${DB_PASSWORD}');
    const markdown = hoverAt('src/main/resources/application.properties', properties, 'quarkus.datasource.password', 'properties');
    assert.match(markdown, /```java/);
    assert.doesNotMatch(markdown, /spring\.datasource/);
  });

  it('show an appsettings.json example in appsettings.json', () => {
    const json = sourceLines('{', '  "ConnectionStrings": {', '    "Orders": "Host=orders.c1x2y3z4.us-east-1.rds.amazonaws.com;Database=orders;Username=app"', '  }', '}');
    const markdown = hoverAt('Orders.Api/appsettings.json', json, 'Orders', 'json');
    assert.match(markdown, /```json\n\{\n {2}"ConnectionStrings": \{/);
    assert.doesNotMatch(markdown, /```csharp/);
  });

  it('show a Redisson YAML example in a Redisson configuration file', () => {
    const yaml = sourceLines('singleServerConfig:', '  address: "rediss://orders-cache.x1y2z3.ng.0001.use1.cache.amazonaws.com:6379"', '  password: ${REDIS_PASSWORD}');
    const markdown = hoverAt('src/main/resources/redisson.yaml', yaml, 'password', 'yaml');
    assert.match(markdown, /```yaml\n# redisson\.yaml(?:.*\n)*?singleServerConfig:\n/);
    assert.doesNotMatch(markdown, /```java|spring:/);
  });

  it('keep the client code example in source files', () => {
    const java = sourceLines(
      'import org.springframework.data.redis.connection.RedisStandaloneConfiguration;',
      'class CacheConfig {',
      '  void configure(String endpoint) {',
      '    RedisStandaloneConfiguration server = new RedisStandaloneConfiguration(endpoint, 6379);',
      '    server.setPassword("secret");',
      '  }',
      '}',
    );
    const markdown = hoverAt('src/main/java/app/CacheConfig.java', java, 'setPassword', 'java');
    assert.match(markdown, /```java\n/);
    assert.doesNotMatch(markdown, /```yaml|```properties/);
  });
});
