/**
 * Spring Boot's `DataSourceBuilder` (`code/sqlJavaPools.ts`): `DataSourceBuilder.create()` builds a JDBC pool from the
 * `url` and `password` its chain, or the name holding it, is given; it is read as `new HikariDataSource(config)` is.
 * Silent: an embedded database's URL, a local server's password, a builder given no URL in sight (its settings bound from properties), a builder without Spring Boot's import or of the file's own class.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

function sql(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => / rds-sql-/.test(hint));
}

const FILE = 'src/main/java/com/example/DataSources.java';

describe("Spring Boot's DataSourceBuilder", () => {
  it('reads a chain: the pool, and a literal password for an RDS endpoint', () => {
    const code = sourceLines(
      'import javax.sql.DataSource;',
      'import org.springframework.boot.jdbc.DataSourceBuilder;',
      '',
      'class DataSources {',
      '    DataSource reports() {',
      '        return DataSourceBuilder.create()',
      '            .url("jdbc:mysql://reports.c1abc.us-east-1.rds.amazonaws.com:3306/reports")',
      '            .username("reader")',
      '            .password("Reader-2021!")',
      '            .build();',
      '    }',
      '}',
    );
    assert.deepEqual(sql(FILE, code), ['6:DataSourceBuilder rds-sql-connection', '9:"Reader-2021!" rds-sql-password', '9:"Reader-2021!" rds-sql-password!']);
  });

  it('reads a builder held by a name and configured by its calls; Spring Boot 1.x by its older package', () => {
    const code = sourceLines(
      'import org.springframework.boot.autoconfigure.jdbc.DataSourceBuilder;',
      '',
      'class DataSources {',
      '    javax.sql.DataSource ledger(String url, String secret) {',
      '        DataSourceBuilder builder = DataSourceBuilder.create();',
      '        builder.url(url);',
      '        builder.password(secret);',
      '        return builder.build();',
      '    }',
      '}',
    );
    assert.deepEqual(sql(FILE, code), ['5:DataSourceBuilder rds-sql-connection', '7:secret rds-sql-password']);
  });

  it('reads a builder typed in its chain, held by a name and given its URL and password by a later chain; silent where it is only built or given an embedded database', () => {
    const code = sourceLines(
      'import com.zaxxer.hikari.HikariDataSource;',
      'import org.springframework.boot.jdbc.DataSourceBuilder;',
      '',
      'class DataSources {',
      '    HikariDataSource ledger(ClassLoader loader) {',
      '        var builder = DataSourceBuilder.create(loader).type(HikariDataSource.class);',
      '        return builder.url("jdbc:postgresql://ledger.c1abc.eu-west-1.rds.amazonaws.com:5432/ledger").username("app").password("Ledger-2024!").build();',
      '    }',
      '    HikariDataSource bound() {',
      '        var builder = DataSourceBuilder.create().type(HikariDataSource.class);',
      '        return builder.build();',
      '    }',
      '    HikariDataSource scratch() {',
      '        var builder = DataSourceBuilder.create().type(HikariDataSource.class);',
      '        return builder.url("jdbc:h2:mem:scratch").password("sa").build();',
      '    }',
      '}',
    );
    assert.deepEqual(sql(FILE, code), ['6:DataSourceBuilder rds-sql-connection', '7:"Ledger-2024!" rds-sql-password', '7:"Ledger-2024!" rds-sql-password!']);
  });

  it('reports a pool a Lambda handler builds on every invocation', () => {
    const code = sourceLines(
      'import com.amazonaws.services.lambda.runtime.Context;',
      'import com.amazonaws.services.lambda.runtime.RequestHandler;',
      'import org.springframework.boot.jdbc.DataSourceBuilder;',
      '',
      'public class Export implements RequestHandler<String, String> {',
      '    public String handleRequest(String id, Context context) {',
      '        javax.sql.DataSource pool = DataSourceBuilder.create().url(System.getenv("JDBC_URL")).build();',
      '        return pool.toString();',
      '    }',
      '}',
    );
    assert.ok(sql('src/main/java/Export.java', code).includes('7:DataSourceBuilder rds-sql-connection-per-invocation!'));
  });

  it("says nothing for an embedded database, nor of a local server's password, a builder given no URL in sight, without the import or of a class the file declares", () => {
    const embedded = sourceLines(
      'import org.springframework.boot.jdbc.DataSourceBuilder;',
      'class Demo {',
      '    Object demo() { return DataSourceBuilder.create().url("jdbc:h2:mem:demo").password("sa").build(); }',
      '    Object local() { return DataSourceBuilder.create().url("jdbc:mysql://localhost:3306/app").password("root").build(); }',
      '}',
    );
    // The local server's pool keeps its hover, as DriverManager's does outside tests.
    assert.deepEqual(sql(FILE, embedded), ['4:DataSourceBuilder rds-sql-connection']);
    // Settings bound from properties (`@ConfigurationProperties(prefix = "spring.datasource.mssql")`): any database, and the properties file's URL gets the hover.
    const bound = sourceLines('import org.springframework.boot.jdbc.DataSourceBuilder;', 'class Demo {', '    Object pool() { return DataSourceBuilder.create().build(); }', '}');
    assert.deepEqual(sql(FILE, bound), []);
    const unimported = sourceLines('class Demo {', '    Object pool() { return DataSourceBuilder.create().password("Reader-2021!").build(); }', '}');
    assert.deepEqual(sql(FILE, unimported), []);
    const own = sourceLines(
      'import org.springframework.boot.jdbc.*;',
      'class Demo {',
      '    static class DataSourceBuilder { static DataSourceBuilder create() { return null; } }',
      '    Object pool() { return DataSourceBuilder.create(); }',
      '}',
    );
    assert.deepEqual(sql(FILE, own), []);
  });
});
