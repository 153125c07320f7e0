/**
 * A CDK database's credentials built in a variable with a plain-text secret and passed by name are that literal
 * password, in TypeScript, Python and Java; a variable bound twice, a secret from Secrets Manager or from the
 * environment, and a name bound in another function stay unknown.
 */
import * as assert from 'node:assert/strict';
import { hintsOfRules, sourceLines } from './support';

const RULE = 'rds-master-password';
const findings = (fileName: string, code: string): string[] => hintsOfRules(fileName, code, [RULE]).filter((hint) => hint.endsWith('!'));

describe('CDK credentials held in a variable', () => {
  it('reads a TypeScript const holding Credentials.fromPassword with unsafePlainText, and not other secrets', () => {
    const code = sourceLines(
      "import * as cdk from 'aws-cdk-lib';",
      "import * as rds from 'aws-cdk-lib/aws-rds';",
      'export class DataStack extends cdk.Stack {',
      '  constructor(scope: cdk.App, id: string) {',
      '    super(scope, id);',
      "    const creds = rds.Credentials.fromPassword('admin', cdk.SecretValue.unsafePlainText('hunter2-db'));",
      "    new rds.DatabaseInstance(this, 'Orders', { engine: rds.DatabaseInstanceEngine.POSTGRES, vpc, credentials: creds });",
      "    const managed = rds.Credentials.fromPassword('admin', cdk.SecretValue.secretsManager('orders-db'));",
      "    new rds.DatabaseInstance(this, 'Managed', { engine: rds.DatabaseInstanceEngine.POSTGRES, vpc, credentials: managed });",
      '    const fromEnv = rds.Credentials.fromPassword(\'admin\', cdk.SecretValue.unsafePlainText(process.env.DB_PASSWORD!));',
      "    new rds.DatabaseInstance(this, 'FromEnv', { engine: rds.DatabaseInstanceEngine.POSTGRES, vpc, credentials: fromEnv });",
      "    let twice = rds.Credentials.fromPassword('admin', cdk.SecretValue.unsafePlainText('first-one'));",
      "    twice = rds.Credentials.fromGeneratedSecret('admin');",
      "    new rds.DatabaseInstance(this, 'Twice', { engine: rds.DatabaseInstanceEngine.POSTGRES, vpc, credentials: twice });",
      '  }',
      '}',
    );
    assert.deepEqual(findings('stack.ts', code), [`7:creds ${RULE}!`]);
  });

  it('reads a Python local and a Java var the same way', () => {
    const python = sourceLines(
      'from aws_cdk import SecretValue, Stack',
      'from aws_cdk import aws_rds as rds',
      'class DataStack(Stack):',
      '    def __init__(self, scope, id):',
      '        super().__init__(scope, id)',
      '        creds = rds.Credentials.from_password("admin", SecretValue.unsafe_plain_text("hunter2-db"))',
      '        rds.DatabaseInstance(self, "Orders", engine=rds.DatabaseInstanceEngine.POSTGRES, vpc=vpc, credentials=creds)',
    );
    assert.deepEqual(findings('stack.py', python), [`7:creds ${RULE}!`]);
    const java = sourceLines(
      'package app;',
      'import software.amazon.awscdk.SecretValue;',
      'import software.amazon.awscdk.Stack;',
      'import software.amazon.awscdk.services.rds.Credentials;',
      'import software.amazon.awscdk.services.rds.DatabaseInstance;',
      'public class DataStack extends Stack {',
      '  public DataStack(final Construct scope, final String id) {',
      '    super(scope, id);',
      '    var credential = Credentials.fromPassword("admin", SecretValue.unsafePlainText("hunter2-db"));',
      '    DatabaseInstance.Builder.create(this, "Orders").credentials(credential).build();',
      '  }',
      '}',
    );
    assert.deepEqual(findings('DataStack.java', java), [`10:credential ${RULE}!`]);
  });
});
