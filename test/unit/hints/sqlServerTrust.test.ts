/**
 * `TrustServerCertificate=true` in a SQL Server connection string (Microsoft.Data.SqlClient, the string an ASP.NET
 * app hands EF Core's `UseSqlServer` from `appsettings.json`) accepts any server certificate, as Npgsql's key does:
 * `rds-sql-tls-verification-off` to an RDS for SQL Server host, a hover only for a developer's server, nothing
 * when it is false.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const RULE = 'rds-sql-tls-verification-off';
const of = (hints: readonly string[]): string[] => hints.filter((hint) => hint.endsWith(` ${RULE}`) || hint.endsWith(` ${RULE}!`));

describe('SQL Server TrustServerCertificate in appsettings.json', () => {
  it('reports it to RDS for SQL Server and hovers it for a developer server', () => {
    const rds = 'Server=shop.c1x2y3z4.eu-west-1.rds.amazonaws.com,1433;Database=Shop;User Id=app;Password=${DB_PASSWORD};TrustServerCertificate=True;MultipleActiveResultSets=true';
    const local = 'server=DEV-LAPTOP\\\\SQLEXPRESS;Database=Shop.Identity;Trusted_Connection=true;TrustServerCertificate=true;';
    const json = sourceLines(
      '{', // 1
      '  "ConnectionStrings": {',
      `    "DefaultConnection": "${rds}",`, // 3
      `    "IdentityConnection": "${local}",`, // 4
      '    "ReportsConnection": "Server=reports.c1x2y3z4.eu-west-1.rds.amazonaws.com;Database=Reports;Integrated Security=false;Encrypt=true;TrustServerCertificate=false",', // 5
      '    "RedisConnection": "localhost"',
      '  }',
      '}',
    );
    assert.deepEqual(of(hintsIn('Shop.Web/appsettings.json', json)), [`3:"${rds}" ${RULE}`, `4:"${local.replace(/\\\\/g, '\\\\')}" ${RULE}`, `3:"${rds}" ${RULE}!`]);
  });
});

describe('SQL Server Encrypt=False in appsettings.json', () => {
  const TLS = 'rds-sql-tls-disabled';
  const tls = (hints: readonly string[]): string[] => hints.filter((hint) => hint.includes(` ${TLS}`));
  const settings = (strings: readonly string[]): string =>
    sourceLines('{', '  "ConnectionStrings": {', ...strings.map((each, i) => `    "Db${i}": "${each}"${i < strings.length - 1 ? ',' : ''}`), '  }', '}');

  it('reports Encrypt=False or No in a SQL Server string to RDS, and says nothing of a server on localhost', () => {
    const rds = 'Server=tcp:orders.c1x2y3z4.eu-west-1.rds.amazonaws.com,1433;Initial Catalog=Orders;User Id=app;Password=${DB_PASSWORD};Encrypt=False';
    const trusted = 'Data Source=reports.c1x2y3z4.eu-west-1.rds.amazonaws.com;Database=Reports;Trusted_Connection=False;User Id=reports;Encrypt=no';
    const local = 'Server=localhost;Database=Shop;User Id=sa;Password=${SA_PASSWORD};Encrypt=false;TrustServerCertificate=True';
    const json = settings([rds, trusted, local]); // lines 3, 4, 5
    assert.deepEqual(tls(hintsIn('src/Orders.Api/appsettings.Production.json', json)), [`3:"${rds}" ${TLS}`, `4:"${trusted}" ${TLS}`, `3:"${rds}" ${TLS}!`, `4:"${trusted}" ${TLS}!`]);
  });

  it('leaves Optional, True and the MySQL and Npgsql strings as they were read', () => {
    const host = 'orders.c1x2y3z4.eu-west-1.rds.amazonaws.com';
    const json = settings([
      // Optional is clear text under Microsoft.Data.SqlClient only, and the file does not say which SqlClient reads it.
      `Server=${host},1433;Database=Orders;User Id=app;Encrypt=Optional;MultipleActiveResultSets=true`,
      `Server=${host},1433;Database=Orders;User Id=app;Encrypt=True;TrustServerCertificate=False`,
      // MySQL Connector/NET's old Encrypt key, and Npgsql's string (Npgsql has no Encrypt key).
      `Server=${host};Database=orders;Uid=app;Pwd=\${DB_PASSWORD};Encrypt=false`,
      `Host=${host};Database=orders;Username=app;Encrypt=false;Trust Server Certificate=false`,
      `Server=${host};Port=3306;Database=orders;User ID=app;Encrypt=false;MultipleActiveResultSets=true`,
    ]);
    assert.deepEqual(tls(hintsIn('src/Orders.Api/appsettings.json', json)), []);
    const mysql = `Server=${host};Database=shop;User ID=shop;SslMode=None`;
    assert.deepEqual(tls(hintsIn('src/Orders.Api/appsettings.json', settings([mysql]))), [`3:"${mysql}" ${TLS}`, `3:"${mysql}" ${TLS}!`]);
  });
});
