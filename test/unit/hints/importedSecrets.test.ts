/**
 * `rds-sql-password` on a Python connection whose password another module of the workspace writes as a literal at
 * its top level (the AWS Lambda tutorial's `rds_config.py`), read through its module or a name bound to it; the
 * finding says where the value is written. Silent where the module binds the name twice, writes a placeholder, or
 * keeps the password inside a function, and where the module is no file of the workspace.
 */
import * as assert from 'node:assert/strict';
import { pythonSecretConstants } from '../../../src/hints/engine/workspace/secretConstants';
import { jsSecretConstants } from '../../../src/hints/engine/workspace/jsSecretConstants';
import { sourceLines } from './support';
import { relatedFindings } from '../workspace/support';

function findings(files: Record<string, string>, file: string): string[] {
  return relatedFindings(files, file, 'rds-sql-password');
}

const HANDLER = sourceLines(
  'import pymysql',
  'import rds_config',
  'from settings import DB_PASSWORD',
  'rds_host = "reports.c9akciq32.us-east-1.rds.amazonaws.com"',
  'password = rds_config.db_password',
  'conn = pymysql.connect(host=rds_host, user=rds_config.db_username, passwd=password, db=rds_config.db_name)',
  'def handler(event, context):',
  '    other = pymysql.connect(host=rds_host, user="app", password=DB_PASSWORD, db="app")',
  '    return conn.open and other.open',
);

describe('Python: a database password written in another module', () => {
  it('reports the connection where the module binds a literal, through its module or an imported name, and says where it is', () => {
    const files = {
      'functions/reports/rds_config.py': sourceLines('db_username = "admin"', 'db_password = "Wint3r-is-coming"  # TODO move to Secrets Manager', 'db_name = "reports"'),
      'functions/reports/settings.py': sourceLines('import os', 'DB_PASSWORD = "s3cret-app-pw"', 'REGION = os.environ.get("AWS_REGION")'),
      'functions/reports/handler.py': HANDLER,
    };
    assert.deepEqual(findings(files, 'functions/reports/handler.py'), [
      '6:password <- functions/reports/rds_config.py:2',
      '8:DB_PASSWORD <- functions/reports/settings.py:2',
    ]);
  });

  it('stays silent on a name bound twice, a placeholder, a password inside a function, and a module outside the workspace', () => {
    const files = {
      'functions/reports/rds_config.py': sourceLines('import os', 'db_password = "local-dev"', 'db_password = os.environ.get("DB_PASSWORD", db_password)', 'db_username = "admin"', 'db_name = "reports"'),
      'functions/reports/settings.py': sourceLines('DB_PASSWORD = "YOUR_PASSWORD"'),
      'functions/reports/handler.py': HANDLER,
    };
    assert.deepEqual(findings(files, 'functions/reports/handler.py'), []);
    assert.deepEqual(findings({ 'functions/reports/handler.py': HANDLER }, 'functions/reports/handler.py'), []);
    assert.equal(pythonSecretConstants(sourceLines('def config():', '    db_password = "x"', '    return db_password')), undefined);
    assert.deepEqual(pythonSecretConstants(sourceLines('host = "h"', 'DB_PWD = \'p\'  # rotated yearly')), { DB_PWD: { value: 'p', line: 1, start: 11, end: 23 } });
  });
});

describe('JavaScript and TypeScript: a database password exported by another module', () => {
  const jsFindings = (files: Record<string, string>, file: string): string[] => relatedFindings(files, file, 'rds-sql-password');


  const MODELS = sourceLines(
    'const dbConfig = require("../config/db.config.js");',
    'const Sequelize = require("sequelize");',
    'module.exports = new Sequelize(dbConfig.DB, dbConfig.USER, dbConfig.PASSWORD, { host: dbConfig.HOST, dialect: "mysql" });',
  );
  const POOLS = sourceLines(
    "import { Pool } from 'pg';",
    "import { DB_PASSWORD, CACHE_PASSWORD } from './config/constants';",
    "import replica from './config/replica';",
    "export const writer = new Pool({ host: 'w.example.rds.amazonaws.com', password: DB_PASSWORD });",
    'export const reader = new Pool({ host: replica.host, password: replica.password });',
    "export const audit = new Pool({ host: 'w.example.rds.amazonaws.com', password: CACHE_PASSWORD });",
  );

  it('reports the connection where module.exports, export const or export default writes the literal, and says where it is', () => {
    const files = {
      'app/config/db.config.js': sourceLines('module.exports = {', '  HOST: "registry.example.us-east-1.rds.amazonaws.com",', '  PASSWORD: "bluefinch42",', '  DB: "registry",', '};'),
      'app/models/index.js': MODELS,
      'src/config/constants.ts': sourceLines("export const DB_PASSWORD: string = 'harbour-lights-9';", "export let CACHE_PASSWORD = 'local';", 'export function rotate(value: string) {', '  CACHE_PASSWORD = value;', '}'),
      'src/config/replica.ts': sourceLines('export default {', "  host: 'r.example.rds.amazonaws.com',", "  password: 'quiet-river-3', // the replica's login", '};'),
      'src/db.ts': POOLS,
    };
    assert.deepEqual(jsFindings(files, 'app/models/index.js'), ['3:dbConfig.PASSWORD <- app/config/db.config.js:3']);
    assert.deepEqual(jsFindings(files, 'src/db.ts'), ['4:DB_PASSWORD <- src/config/constants.ts:1', '5:replica.password <- src/config/replica.ts:3']);
  });

  it('reads the object a top-level const holds when the module exports that name whole, not one a statement changes', () => {
    const config = (...more: string[]) =>
      sourceLines('const aws = {', '  host: "fleet.example.us-west-1.rds.amazonaws.com",', '  userName: "admin",', '  password: "amber-tide-77",', '  dbName: "fleet",', '};', ...more, '', 'module.exports = aws;');
    const models = sourceLines('const Sequelize = require("sequelize");', 'const aws = require("../config");', 'module.exports = new Sequelize(aws.dbName, aws.userName, aws.password, { host: aws.host, dialect: "mysql" });');
    assert.deepEqual(jsFindings({ 'backend/config.js': config(), 'backend/models/config.js': models }, 'backend/models/config.js'), ['3:aws.password <- backend/config.js:4']);
    assert.deepEqual(jsFindings({ 'backend/config.js': config('aws.password = process.env.DB_PASSWORD || aws.password;'), 'backend/models/config.js': models }, 'backend/models/config.js'), []);
    assert.equal(jsSecretConstants(sourceLines('let aws = {', '  password: "amber-tide-77",', '};', 'module.exports = aws;')), undefined);
    assert.deepEqual(Object.keys(jsSecretConstants(sourceLines('const settings = {', "  dbPassword: 'tall-grass-5',", '};', 'export default settings;')) ?? {}), ['default.dbPassword']);
  });

  it('stays silent on an environment read, a nested key, a name exported twice, a placeholder, a local host, and a module outside the workspace', () => {
    const files = {
      'app/config/db.config.js': sourceLines('module.exports = {', '  PASSWORD: process.env.DB_PASSWORD,', '  DB: "registry",', '  replica: {', '    PASSWORD: "inner-secret",', '  },', '};'),
      'app/models/index.js': MODELS,
      'src/config/constants.ts': sourceLines("export const DB_PASSWORD = 'YOUR_PASSWORD';"),
      'src/config/replica.ts': sourceLines("exports.password = 'first';", 'exports.password = process.env.REPLICA_PASSWORD;'),
      'src/db.ts': POOLS,
    };
    assert.deepEqual(jsFindings(files, 'app/models/index.js'), []);
    assert.deepEqual(jsFindings(files, 'src/db.ts'), []);
    assert.deepEqual(jsFindings({ 'app/models/index.js': MODELS }, 'app/models/index.js'), []);
    // A module whose host is this machine configures a developer's server, as a connection written in place with it would.
    const local = { 'app/config/db.config.js': sourceLines('module.exports = {', '  HOST: "localhost",', '  PASSWORD: "devpass123",', '};'), 'app/models/index.js': MODELS };
    assert.deepEqual(jsFindings(local, 'app/models/index.js'), []);
    assert.equal(jsSecretConstants(sourceLines('function config() {', "  const password = 'x';", '  return { password };', '}')), undefined);
    assert.deepEqual(Object.keys(jsSecretConstants(sourceLines("exports.dbPwd = 'p'; // rotated yearly")) ?? {}), ['dbPwd', 'default.dbPwd']);
  });
});
