/**
 * `rds-sql-password` on a Python connection whose password another module of the workspace writes as a literal at
 * its top level (the AWS Lambda tutorial's `rds_config.py`), read through its module or a name bound to it; the
 * finding says where the value is written. Silent where the module binds the name twice, writes a placeholder, or
 * keeps the password inside a function, and where the module is no file of the workspace.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { indexFile } from '../../../src/hints/engine/workspace/indexFile';
import { pythonSecretConstants } from '../../../src/hints/engine/workspace/secretConstants';
import { WorkspaceModel } from '../../../src/hints/engine/workspace/workspaceModel';
import { realHintRules, sourceLines } from './support';

function findings(files: Record<string, string>, file: string): string[] {
  const model = new WorkspaceModel();
  model.batch(() => Object.entries(files).forEach(([name, text]) => model.update(name, indexFile(name, documentKind(undefined, name)!, text))));
  const result = analyzeText(files[file], realHintRules(), { kind: 'python', fileName: file, workspace: model });
  return result.findings
    .filter((finding) => finding.ruleId === 'rds-sql-password')
    .map((finding) => `${result.lines.lineOf(finding.start) + 1}:${files[file].slice(finding.start, finding.end)}${finding.related ? ` <- ${finding.related.map((place) => `${place.at.file}:${place.at.line + 1}`).join(', ')}` : ''}`);
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
