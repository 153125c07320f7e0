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
