/**
 * `rds-sql-password` on a Python connection whose password is a class attribute written as a literal: a Flask-style
 * `class Config:` of a settings module that another module imports (`password=Config.DB_PASSWORD`), or a class of
 * the same file. Silent where the attribute is bound twice, assigned through the class, read from the environment by
 * a subclass that the code reads, bound in a method, or shadowed by a parameter.
 */
import * as assert from 'node:assert/strict';
import { pythonSecretConstants } from '../../../src/hints/engine/workspace/secretConstants';
import { sourceLines } from './support';
import { relatedFindings } from '../workspace/support';

function passwordFindings(files: Record<string, string>, file: string): string[] {
  return relatedFindings(files, file, 'rds-sql-password');
}

const CONFIG = sourceLines(
  'import os',
  '',
  '',
  'class Config:',
  '    """Settings the app reads at start-up."""',
  '    DB_HOST = "orders.cluster-c9akciq32.us-east-1.rds.amazonaws.com"',
  '    DB_PASSWORD = "Wint3r-is-coming"  # TODO: Secrets Manager',
  '    CACHE_PASSWORD = "first"',
  '    CACHE_PASSWORD = "second"',
  '    ROTATED_PASSWORD = "old"',
  '',
  '    def admin_password(self):',
  '        admin_password = "in-a-method"',
  '        return admin_password',
  '',
  '',
  'class ProdConfig(Config):',
  '    DB_PASSWORD = os.environ["DB_PASSWORD"]',
  '',
  '',
  'Config.ROTATED_PASSWORD = os.environ.get("ROTATED_PASSWORD", "")',
);

const DATABASE = sourceLines(
  'import psycopg2',
  'from app.config import Config, ProdConfig',
  '',
  '',
  'def connect():',
  '    return psycopg2.connect(host=Config.DB_HOST, user="app", password=Config.DB_PASSWORD, dbname="orders")',
  '',
  '',
  'def connect_prod():',
  '    return psycopg2.connect(host=Config.DB_HOST, user="app", password=ProdConfig.DB_PASSWORD, dbname="orders")',
  '',
  '',
  'def connect_rotated():',
  '    return psycopg2.connect(host=Config.DB_HOST, user="app", password=Config.ROTATED_PASSWORD, dbname="orders")',
  '',
  '',
  'def connect_cache_db():',
  '    return psycopg2.connect(host=Config.DB_HOST, user="app", password=Config.CACHE_PASSWORD, dbname="cache")',
);

const SAME_FILE = sourceLines(
  'import pymysql',
  '',
  '',
  'class Settings:',
  '    PASSWORD = "hunter22-reports"',
  '',
  '',
  'def handler(event, context):',
  '    conn = pymysql.connect(host="reports.c9akciq32.us-east-1.rds.amazonaws.com", user="app", password=Settings.PASSWORD)',
  '    return conn.open',
  '',
  '',
  'def with_settings(Settings):',
  '    return pymysql.connect(host="reports.c9akciq32.us-east-1.rds.amazonaws.com", user="app", password=Settings.PASSWORD)',
);

describe('Python: a database password written as a class attribute', () => {
  it('reads a settings class\'s attributes bound once to a literal, not in a method, not bound twice or assigned through the class', () => {
    assert.deepEqual(Object.keys(pythonSecretConstants(CONFIG) ?? {}), ['Config.DB_PASSWORD']);
    assert.deepEqual(pythonSecretConstants(CONFIG)?.['Config.DB_PASSWORD'], { value: 'Wint3r-is-coming', line: 6, start: 145, end: 177 });
  });

  it('reports the connection of another module that reads the imported class\'s attribute, and says where it is written', () => {
    const files = { 'app/config.py': CONFIG, 'app/database.py': DATABASE };
    assert.deepEqual(passwordFindings(files, 'app/database.py'), ['6:Config.DB_PASSWORD <- app/config.py:7']);
    assert.deepEqual(passwordFindings({ 'app/database.py': DATABASE }, 'app/database.py'), []);
  });

  it('reports a class of the same file, not a parameter that shadows it', () => {
    assert.deepEqual(passwordFindings({ 'reports/handler.py': SAME_FILE }, 'reports/handler.py'), ['9:Settings.PASSWORD']);
  });
});
