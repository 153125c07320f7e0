/**
 * Python keyword arguments spread from a same-file helper's returned dict (`**self._common_rds_props()`,
 * `**table_props()`): the dict's keys are the construct's or request's options, as a spread of a dict bound in
 * scope already is. A helper that returns anything but dict literals lends nothing and leaves the options open.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('Python: keyword arguments spread from a helper that returns a dict', () => {
  it("reads the keys of a method's or function's returned dict as the construct's props, with their findings", () => {
    const code = sourceLines(
      'from aws_cdk import Stack, aws_rds as rds, aws_ec2 as ec2',
      '',
      'class DatabaseStack(Stack):',
      '    def _common_props(self):',
      '        return {',
      '            "engine": rds.DatabaseInstanceEngine.mysql(version=rds.MysqlEngineVersion.VER_8_0_28),',
      '            "publicly_accessible": True,',
      '            "deletion_protection": False,',
      '        }',
      '',
      '    def build(self, vpc):',
      '        rds.DatabaseInstance(self, "Primary", vpc=vpc, storage_encrypted=True, **self._common_props())',
    );
    const found = hintsIn('database_stack.py', code);
    assert.ok(found.includes('7:"publicly_accessible" rds-publicly-accessible!'), found.join('\n'));
    assert.ok(found.includes('8:"deletion_protection" rds-deletion-protection!'), found.join('\n'));
    assert.ok(found.some((hint) => hint.startsWith('6:') && hint.endsWith('rds-engine-version-extended-support')), found.join('\n'));
  });

  it('reads nothing from a helper that returns something other than a dict, and leaves absent props unknown', () => {
    const code = sourceLines(
      'from aws_cdk import Stack, aws_rds as rds',
      '',
      'def settings(name):',
      '    return load_settings(name)',
      '',
      'class DatabaseStack(Stack):',
      '    def build(self, vpc):',
      '        rds.DatabaseInstance(self, "Primary", engine=rds.DatabaseInstanceEngine.POSTGRES, vpc=vpc, **settings("primary"))',
    );
    const findings = hintsIn('database_stack.py', code).filter((hint) => hint.endsWith('!'));
    assert.deepEqual(findings, [], 'storage_encrypted may come from the settings');
  });
});
