/**
 * Connection URLs written as f-strings or template literals: a password written in place (or held by a name
 * bound once to a string) is a literal password, whatever host the interpolation gives; a password the
 * interpolation reads from the environment, or a URL naming a local server, is not.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

function passwordFindings(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => hint.endsWith(' rds-sql-password!'));
}

describe('SQL connection URLs built by interpolation', () => {
  it('finds a literal password in an f-string URL, in place or held by names bound to literals', () => {
    const code = sourceLines(
      'from sqlalchemy import create_engine',
      'import psycopg2',
      'RDS_ENDPOINT = "orders.c9xk2l1m3n4o.eu-west-1.rds.amazonaws.com"',
      'db_url = f"mysql+pymysql://loader:Hunter2-Loader@{RDS_ENDPOINT}:3306"',
      'engine = create_engine(db_url)',
      'def engine_for(host):',
      '    user = "admin"',
      '    password = "kukfiv-zubsyd-1Pejpu"',
      '    return create_engine(f"mysql+mysqlconnector://{user}:{password}@{host}:3306/bikes")',
      'conn = psycopg2.connect(f"host={RDS_ENDPOINT} dbname=app user=app password=Sekr3t-value")',
    );
    assert.deepEqual(passwordFindings('db.py', code), [
      '4:f"mysql+pymysql://loader:Hunter2-Loader@{RDS_ENDPOINT}:3306" rds-sql-password!',
      '9:f"mysql+mysqlconnector://{user}:{password}@{host}:3306/bikes" rds-sql-password!',
      '10:f"host={RDS_ENDPOINT} dbname=app user=app password=Sekr3t-value" rds-sql-password!',
    ]);
  });

  it('finds one in the URL a same-file function returns, where the function writes it', () => {
    const code = sourceLines(
      'import os',
      'from sqlalchemy import create_engine',
      'def engine_params():',
      '    user = "admin"',
      '    password = "kukfiv-zubsyd-1Pejpu"',
      '    return f"mysql+mysqlconnector://{user}:{password}@bikes.c38umsk2i6vi.eu-north-1.rds.amazonaws.com:3306/bikes"',
      'def env_params():',
      '    return f"mysql://admin:{os.getenv(\'DB_PASSWORD\')}@bikes.internal:3306/bikes"',
      'def local_params():',
      '    return "postgresql://postgres:postgres@localhost/test"',
      'engine = create_engine(engine_params())',
      'reader = create_engine(env_params())',
      'local = create_engine(local_params())',
    );
    assert.deepEqual(passwordFindings('scraper.py', code), ['6:f"mysql+mysqlconnector://{user}:{password}@bikes.c38umsk2i6vi.eu-north-1.rds.amazonaws.com:3306/bikes" rds-sql-password!']);
  });

  it('finds one in a template literal connection string', () => {
    const code = sourceLines("import { Pool } from 'pg';", 'const pool = new Pool({ connectionString: `postgres://app:Sekr3t-value@${process.env.DB_HOST}:5432/app` });');
    assert.equal(passwordFindings('db.ts', code).length, 1);
  });

  it('finds one in a Flask-SQLAlchemy URI written as an f-string', () => {
    const code = sourceLines(
      'import os',
      'from flask import Flask',
      'from flask_sqlalchemy import SQLAlchemy',
      'app = Flask(__name__)',
      'app.config["SQLALCHEMY_DATABASE_URI"] = f"mysql://admin:Literal-pw1@{os.environ[\'DB_HOST\']}:3306/shop"',
      'db = SQLAlchemy(app)',
    );
    assert.equal(passwordFindings('app.py', code).length, 1);
  });

  it('says nothing for a password from the environment or a local server', () => {
    const code = sourceLines(
      'import os',
      'from sqlalchemy import create_engine',
      'user, password, host = os.environ["U"], os.environ["P"], os.environ["H"]',
      'e1 = create_engine(f"postgresql://{user}:{password}@{host}/db")',
      'e2 = create_engine(f"postgresql://app:{os.environ[\'PW\']}@{host}/db")',
      'port = 5432',
      'e3 = create_engine(f"postgresql://postgres:postgres@localhost:{port}/db")',
      'LOCAL = "127.0.0.1"',
      'e4 = create_engine(f"postgresql://postgres:postgres@{LOCAL}:5432/db")',
    );
    assert.deepEqual(passwordFindings('db.py', code), []);
  });
});
