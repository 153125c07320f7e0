/**
 * SQL connections opened through Python and Go ORMs (`code/sqlOrmPython.ts`, `code/sqlDjango.ts`,
 * `code/sqlOrmGo.ts`, `code/sqlSettings.ts`): SQLAlchemy engines (also SQLModel's and `URL.create`), Flask-SQLAlchemy's
 * `SQLALCHEMY_DATABASE_URI`, Django's `DATABASES`, Peewee
 * databases, GORM and sqlx. Each gets the `rds-sql-connection` hover, a literal password the `rds-sql-password`
 * finding, and one a Lambda handler opens on each invocation `rds-sql-connection-per-invocation`. Silent: SQLite,
 * other databases and the RDS Data API's dialects, a wrapper that passes its parameters on, shadowed names, local
 * databases in tests, and Django entries whose host is not visibly RDS (their options).
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

function sql(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => / rds-sql-/.test(hint));
}

function findings(fileName: string, code: string): string[] {
  return sql(fileName, code).filter((hint) => hint.endsWith('!'));
}

const connections = (hints: string[]): string[] => hints.filter((hint) => / rds-sql-connection$/.test(hint));

describe('SQL connections through Python and Go ORMs', () => {
  it('reads SQLAlchemy engines: a literal password in the URL, connect_args as the DBAPI reads them, an engine per invocation', () => {
    const code = sourceLines(
      'import os',
      'from sqlalchemy import create_engine',
      'from sqlalchemy.ext.asyncio import create_async_engine',
      '',
      'DATABASE_URL = "postgresql+psycopg2://ledger:Ledg3r-2024@ledger.cluster-c9xk2.eu-west-1.rds.amazonaws.com/ledger"',
      'engine = create_engine(DATABASE_URL, pool_pre_ping=True, connect_args={"sslmode": "disable"})',
      'reader = create_async_engine(',
      '    "mysql+aiomysql://report@reports.c9xk2.eu-west-1.rds.amazonaws.com/reports",',
      '    connect_args={"ssl": {"check_hostname": False}},',
      ')',
      '',
      'def lambda_handler(event, context):',
      '    audit = create_engine(os.environ["AUDIT_URL"], pool_size=1)',
      '    with audit.connect() as conn:',
      '        return conn.exec_driver_sql("SELECT 1").scalar()',
    );
    assert.deepEqual(findings('ledger/db.py', code), [
      '5:"postgresql+psycopg2://ledger:Ledg3r-2024@ledger.cluster-c9xk2.eu-west-1.rds.amazonaws.com/ledger" rds-sql-password!',
      '6:"sslmode" rds-sql-tls-disabled!',
      '9:"check_hostname" rds-sql-tls-verification-off!',
      '13:create_engine rds-sql-connection-per-invocation!',
    ]);
    assert.deepEqual(connections(sql('ledger/db.py', code)), ['6:create_engine rds-sql-connection', '7:create_async_engine rds-sql-connection', '13:create_engine rds-sql-connection']);
  });

  it('reports a handler that gets a new engine from a function of its file on each invocation', () => {
    const code = sourceLines(
      'import os',
      'from sqlalchemy import create_engine, text',
      '',
      'def get_engine():',
      '    return create_engine(os.environ["DATABASE_URL"], pool_size=1)',
      '',
      'def handler(event, context):',
      '    with get_engine().connect() as conn:',
      '        return conn.execute(text("SELECT 1")).scalar()',
    );
    assert.deepEqual(findings('reports/app.py', code), ['8:get_engine rds-sql-connection-per-invocation!']);
  });

  it('reads URL.create, SQLModel and a module alias, and keeps a lazily kept engine quiet', () => {
    const code = sourceLines(
      'import sqlalchemy as sa',
      'from sqlalchemy import URL',
      'from sqlmodel import create_engine',
      '',
      'url = URL.create("postgresql+psycopg", username="app", password="Pg-Secret-77", host="app.c4z.us-east-2.rds.amazonaws.com", database="app")',
      'engine = create_engine(url)',
      'admin = sa.create_engine(URL.create(drivername="mysql+pymysql", username="admin", password=os.environ["ADMIN_PW"], host="admin.c4z.us-east-2.rds.amazonaws.com"))',
      '',
      '_engine = None',
      '',
      'def handler(event, context):',
      '    global _engine',
      '    if _engine is None:',
      '        _engine = sa.create_engine(os.environ["DB_URL"])',
      '    return _engine',
    );
    assert.deepEqual(findings('app/models.py', code), ['5:"Pg-Secret-77" rds-sql-password!']);
    assert.deepEqual(connections(sql('app/models.py', code)), ['6:create_engine rds-sql-connection', '7:create_engine rds-sql-connection', '14:create_engine rds-sql-connection']);
  });

  it('says nothing for SQLite, other databases, the Data API dialect, wrappers, shadowed names and local test databases', () => {
    const code = sourceLines(
      'import os',
      'from sqlalchemy import create_engine, URL',
      '',
      'cache = create_engine("sqlite:///cache.db")',
      'memory = create_engine(URL.create("sqlite"))',
      'dev = create_engine(os.getenv("DATABASE_URL", "sqlite:////tmp/app.db"))',
      'built = create_engine("sqlite:///" + os.path.join(BASE_DIR, "app.db"))',
      'named = create_engine(url="sqlite:///named.db", echo=True)',
      'warehouse = create_engine("redshift+psycopg2://etl:Etl-Pass-1@etl.abc.us-east-1.redshift.amazonaws.com:5439/dw")',
      'data_api = create_engine("mysql+auroradataapi://:@/shop", connect_args={"aurora_cluster_arn": os.environ["ARN"]})',
      '',
      'class GeoNames:',
      '    def __init__(self, path):',
      '        self._url = f"sqlite:///{path}"',
      '',
      '    def connect(self):',
      '        return create_engine(self._url, echo=False)',
      '',
      'def make_engine(url):',
      '    return create_engine(url)',
      '',
      'def handler(event, context, create_engine=None):',
      '    return create_engine("postgresql://x:y@orders.c1.us-east-1.rds.amazonaws.com/db")',
    );
    assert.deepEqual(sql('etl/engines.py', code), []);
    const test = sourceLines(
      'from sqlalchemy import create_engine',
      '',
      'def test_orders():',
      '    engine = create_engine("postgresql://postgres:postgres@localhost:5432/test")',
      '    assert engine',
    );
    assert.deepEqual(sql('tests/test_orders.py', test), []);
  });

  it('reads Django DATABASES: a literal password to an RDS host, the hover alone for other hosts, nothing for SQLite', () => {
    const code = sourceLines(
      'import os',
      '',
      'DB_PASSWORD = "Dj4ngo-Prod!"',
      '',
      'DATABASES = {',
      '    "default": {',
      '        "ENGINE": "django.db.backends.postgresql",',
      '        "NAME": "shop",',
      '        "USER": "shop",',
      '        "PASSWORD": DB_PASSWORD,',
      '        "HOST": "shop.cluster-c1a2b3.eu-central-1.rds.amazonaws.com",',
      '    },',
      '    "analytics": {',
      '        "ENGINE": "django.db.backends.mysql",',
      '        "PASSWORD": "analytics",',
      '        "HOST": "db",',
      '    },',
      '    "cache": {"ENGINE": "django.db.backends.sqlite3", "NAME": "cache.sqlite3"},',
      '}',
      'DATABASES["reporting"] = {',
      '    "ENGINE": "django.contrib.gis.db.backends.postgis",',
      '    "PASSWORD": os.environ["RDS_PASSWORD"],',
      '    "HOST": os.environ["RDS_HOSTNAME"],',
      '}',
    );
    assert.deepEqual(findings('shop/settings/production.py', code), ['10:DB_PASSWORD rds-sql-password!']);
    assert.deepEqual(connections(sql('shop/settings/production.py', code)), ['6:"default" rds-sql-connection', '13:"analytics" rds-sql-connection', '20:"reporting" rds-sql-connection']);
    const local = sourceLines(
      'DATABASES = {',
      '    "default": {"ENGINE": "django.db.backends.postgresql", "PASSWORD": "postgres", "HOST": "localhost"},',
      '}',
    );
    assert.deepEqual(sql('tests/settings.py', local), []);
    assert.deepEqual(sql('shop/settings/local.py', local), ['2:"default" rds-sql-connection']);
  });

  it('reads Flask-SQLAlchemy URIs set in config classes and app.config, not SQLite or a local database', () => {
    const code = sourceLines(
      'import os',
      'from flask import Flask',
      '',
      'class ProductionConfig:',
      '    SQLALCHEMY_DATABASE_URI = "mysql+pymysql://blog:Bl0g-Prod-Pw@blog.c6d.eu-north-1.rds.amazonaws.com/blog"',
      '',
      'class TestingConfig:',
      '    SQLALCHEMY_DATABASE_URI = "sqlite://"',
      '',
      'class DevelopmentConfig:',
      '    SQLALCHEMY_DATABASE_URI = "postgresql://dev:dev@localhost/blog"',
      '',
      'app = Flask(__name__)',
      'app.config["SQLALCHEMY_DATABASE_URI"] = os.environ.get("DATABASE_URL", "sqlite:///blog.db")',
      'app.config["SQLALCHEMY_DATABASE_URI"] = os.environ["DATABASE_URL"]',
      'if app.config["SQLALCHEMY_DATABASE_URI"] == "":',
      '    raise SystemExit("no database")',
    );
    assert.deepEqual(findings('blog/config.py', code), ['5:"mysql+pymysql://blog:Bl0g-Prod-Pw@blog.c6d.eu-north-1.rds.amazonaws.com/blog" rds-sql-password!']);
    assert.deepEqual(connections(sql('blog/config.py', code)), [
      '5:SQLALCHEMY_DATABASE_URI rds-sql-connection',
      '11:SQLALCHEMY_DATABASE_URI rds-sql-connection',
      '15:"SQLALCHEMY_DATABASE_URI" rds-sql-connection',
    ]);
  });

  it('reads Peewee databases and playhouse URLs', () => {
    const code = sourceLines(
      'import peewee',
      'from playhouse.db_url import connect',
      '',
      'db = peewee.PostgresqlDatabase("orders", user="orders", password="Peew33-Orders", host="orders.c7.ap-south-1.rds.amazonaws.com")',
      'archive = connect("mysql://archive:Arch1ve-Pw@archive.c7.ap-south-1.rds.amazonaws.com/archive")',
      'local = connect("sqlite:///archive.db")',
    );
    assert.deepEqual(findings('store/db.py', code), [
      '4:"Peew33-Orders" rds-sql-password!',
      '5:"mysql://archive:Arch1ve-Pw@archive.c7.ap-south-1.rds.amazonaws.com/archive" rds-sql-password!',
    ]);
    assert.deepEqual(connections(sql('store/db.py', code)), ['4:PostgresqlDatabase rds-sql-connection', '5:connect rds-sql-connection']);
  });

  it('reads GORM and sqlx connections, a DSN password, and a connection per invocation in a Go handler', () => {
    const code = sourceLines(
      'package main',
      '',
      'import (',
      '\t"context"',
      '\t"os"',
      '',
      '\t"github.com/aws/aws-lambda-go/lambda"',
      '\t"github.com/jmoiron/sqlx"',
      '\t_ "github.com/lib/pq"',
      '\tpg "gorm.io/driver/postgres"',
      '\t"gorm.io/driver/sqlite"',
      '\t"gorm.io/gorm"',
      ')',
      '',
      'const reportsDSN = "host=reports.c5.us-west-2.rds.amazonaws.com user=reports password=Rep0rts-Go dbname=reports"',
      '',
      'var reports, _ = gorm.Open(pg.Open(reportsDSN), &gorm.Config{})',
      'var cache, _ = gorm.Open(sqlite.Open("cache.db"), &gorm.Config{})',
      '',
      'func handler(ctx context.Context) error {',
      '\tdb := sqlx.MustConnect("postgres", os.Getenv("DATABASE_URL"))',
      '\tdefer db.Close()',
      '\t_, err := db.ExecContext(ctx, "SELECT 1")',
      '\treturn err',
      '}',
      '',
      'func main() {',
      '\tlambda.Start(handler)',
      '}',
    );
    assert.deepEqual(findings('cmd/reports/main.go', code), ['15:"host=reports.c5.us-west-2.rds.amazonaws.com user=reports password=Rep0rts-Go dbname=reports" rds-sql-password!', '21:MustConnect rds-sql-connection-per-invocation!']);
    assert.deepEqual(connections(sql('cmd/reports/main.go', code)), ['17:Open rds-sql-connection', '21:MustConnect rds-sql-connection']);
    const config = sourceLines(
      'package store',
      '',
      'import (',
      '\t"github.com/jinzhu/gorm"',
      '\t"github.com/jmoiron/sqlx"',
      '\tmysql "gorm.io/driver/mysql"',
      '\tgormv2 "gorm.io/gorm"',
      ')',
      '',
      'func Open(dsn string) (*gormv2.DB, error) {',
      '\treturn gormv2.Open(mysql.New(mysql.Config{DSN: "app:Mysql-Pw-9@tcp(app.c5.us-west-2.rds.amazonaws.com:3306)/app"}), &gormv2.Config{})',
      '}',
      '',
      'func Legacy() (*gorm.DB, error) {',
      '\treturn gorm.Open("postgres", "postgres://legacy:Leg4cy-Pw@legacy.c5.us-west-2.rds.amazonaws.com/legacy")',
      '}',
      '',
      'func Local() *sqlx.DB {',
      '\treturn sqlx.MustOpen("sqlite3", "file:test.db")',
      '}',
    );
    assert.deepEqual(findings('store/store.go', config), [
      '11:"app:Mysql-Pw-9@tcp(app.c5.us-west-2.rds.amazonaws.com:3306)/app" rds-sql-password!',
      '15:"postgres://legacy:Leg4cy-Pw@legacy.c5.us-west-2.rds.amazonaws.com/legacy" rds-sql-password!',
    ]);
    assert.deepEqual(connections(sql('store/store.go', config)), ['11:Open rds-sql-connection', '15:Open rds-sql-connection']);
  });

  it('reads a GORM dialector held by a name bound once or written as a Dialector literal, not one a switch or a parameter gives', () => {
    const code = sourceLines(
      'package store',
      '',
      'import (',
      '\t"fmt"',
      '\t"gorm.io/driver/postgres"',
      '\t"gorm.io/driver/sqlite"',
      '\t"gorm.io/gorm"',
      ')',
      'const ledgerDSN = "host=ledger.c5.us-west-2.rds.amazonaws.com user=ledger password=L3dger-Pw dbname=ledger"',
      '',
      'func Held() (*gorm.DB, error) {',
      '\tdialector := postgres.Open(ledgerDSN)',
      '\treturn gorm.Open(dialector, &gorm.Config{})',
      '}',
      '',
      'func Literal() (*gorm.DB, error) {',
      '\treturn gorm.Open(&postgres.Dialector{Config: &postgres.Config{DSN: ledgerDSN}}, &gorm.Config{})',
      '}',
      '',
      'func HeldConfig() (*gorm.DB, error) {',
      '\td := postgres.New(postgres.Config{DSN: ledgerDSN, PreferSimpleProtocol: true})',
      '\treturn gorm.Open(d, &gorm.Config{})',
      '}',
      '',
      'func Switched(driver string) (*gorm.DB, error) {',
      '\tvar d gorm.Dialector',
      '\tswitch driver {',
      '\tcase "postgres":',
      '\t\td = postgres.Open(ledgerDSN)',
      '\tdefault:',
      '\t\td = sqlite.Open("local.db")',
      '\t}',
      '\treturn gorm.Open(d, &gorm.Config{})',
      '}',
      '',
      'func Given(d gorm.Dialector) (*gorm.DB, error) {',
      '\treturn gorm.Open(d, &gorm.Config{})',
      '}',
      '',
      'func HeldFormatted(host string) (*gorm.DB, error) {', // 40
      '\tdsn := fmt.Sprintf("host=%s user=ledger dbname=ledger sslmode=disable", host)',
      '\td := postgres.Open(dsn)',
      '\treturn gorm.Open(d, &gorm.Config{})',
      '}',
    );
    assert.deepEqual(connections(sql('internal/store/db.go', code)), ['13:Open rds-sql-connection', '17:Open rds-sql-connection', '22:Open rds-sql-connection', '43:Open rds-sql-connection']);
    assert.ok(sql('internal/store/db.go', code).includes('41:"host=%s user=ledger dbname=ledger sslmode=disable" rds-sql-tls-disabled'), sql('internal/store/db.go', code).join('\n'));
    assert.deepEqual(findings('internal/store/db.go', code), ['9:"host=ledger.c5.us-west-2.rds.amazonaws.com user=ledger password=L3dger-Pw dbname=ledger" rds-sql-password!']);
  });
});
