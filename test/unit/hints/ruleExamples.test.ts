/** Per-language `examples` on rules: known keys are read, unknown keys and empty examples fail the build. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { compileHintRules } from '../../../src/content/compiler/compileHintRules';
import { realHintRules } from './support';

const RULE = (examples: string) => `- id: redis-unlink
  service: elasticache
  title: UNLINK
  languages: [python]
  match:
    redis: { commands: [unlink], options: [] }
  hover: Frees memory in the background.
${examples}  doc: https://valkey.io/commands/unlink/
  note: elasticache-redis-commands
`;

function compile(yaml: string) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-db-examples-'));
  try {
    fs.mkdirSync(path.join(root, 'hints'));
    fs.writeFileSync(path.join(root, 'hints', 'a.yaml'), yaml);
    return compileHintRules(root, [{ id: 'elasticache-redis-commands', title: 'Commands' }], '2026-12-01');
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

describe('rule examples per language and client', () => {
  it('reads an example per client', () => {
    const { rules, errors } = compile(RULE('  examples:\n    redis-py: r.unlink(key)\n    ioredis: await redis.unlink(key);\n'));
    assert.deepEqual(errors, []);
    assert.deepEqual(rules[0].examples, { 'redis-py': 'r.unlink(key)', ioredis: 'await redis.unlink(key);' });
  });

  it('rejects an unknown key and an empty example', () => {
    assert.match(compile(RULE('  examples:\n    typescript: x\n')).errors.map((error) => error.message).join('\n'), /examples: unknown field 'typescript'/);
    assert.match(compile(RULE('  examples:\n    python: ""\n')).errors.map((error) => error.message).join('\n'), /'python' must be a non-empty string/);
  });

  it('requires Pulumi and cdktf examples where a rule reaches a resource Pulumi or cdktf programs declare, in the languages they are written in', () => {
    const rule = (languages: string, resource: string) => `- id: rds-publicly-accessible
  service: rds
  title: Public
  languages: [${languages}]
  match:
    terraform: { resources: [${resource}], arguments: [publicly_accessible] }
  hover: Reachable from outside the VPC.
  examples:
    terraform: publicly_accessible = false
  doc: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html
  note: elasticache-redis-commands
`;
    const missing = (yaml: string) => compile(yaml).errors.map((error) => error.message).join('\n');
    assert.match(missing(rule('typescript, python, terraform', 'aws_db_instance')), /has no example for pulumi-typescript, cdktf-typescript, pulumi-python, cdktf-python/);
    assert.match(missing(rule('javascript, terraform', 'aws_db_instance')), /has no example for pulumi-typescript, cdktf-typescript \(/);
    assert.match(missing(rule('go, csharp, terraform', 'aws_db_instance')), /has no example for (?:go, csharp, )?pulumi-go, pulumi-csharp/);
    assert.doesNotMatch(missing(rule('go, csharp, terraform', 'aws_db_parameter_group')), /pulumi/);
    assert.doesNotMatch(missing(rule('terraform', 'aws_db_instance')), /pulumi/);
    // A Terraform resource the Pulumi reader does not read needs none.
    assert.doesNotMatch(missing(rule('typescript, python, terraform', 'aws_db_parameter_group')), /pulumi|cdktf/);
    // Go and C# cdktf programs are not read: they need no cdktf example.
    assert.doesNotMatch(missing(rule('go, csharp, terraform', 'aws_db_instance')), /cdktf/);
  });

  it('requires CDK examples in Java, C# and Go where a rule reaches CDK constructs and lists those languages', () => {
    const rule = (languages: string) => `- id: rds-removal-policy
  service: rds
  title: DeletionPolicy
  languages: [${languages}]
  match:
    cdk: { constructs: [aws_rds.DatabaseInstance], props: [removalPolicy] }
  hover: What happens to the database when the stack is deleted.
  examples:
    cdk-typescript: "removalPolicy: RemovalPolicy.SNAPSHOT,"
  doc: https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-deletionpolicy.html
  note: elasticache-redis-commands
`;
    const missing = (yaml: string) => compile(yaml).errors.map((error) => error.message).join('\n');
    assert.match(missing(rule('typescript, java, csharp')), /has no example for cdk-java, cdk-csharp/);
    assert.match(missing(rule('typescript, go')), /has no example for cdk-go/);
    assert.doesNotMatch(missing(rule('typescript')), /cdk-java|cdk-csharp|cdk-go/);
  });

  it('gives every new application-code rule an example for each language or client it applies to', () => {
    const expected: Record<string, string[]> = {
      'rds-delete-automated-backups': ['javascript', 'python', 'java', 'go', 'csharp', 'cloudformation', 'terraform', 'cdk-typescript', 'cdk-python', 'cdk-java', 'cdk-csharp', 'cdk-go', 'pulumi-typescript', 'pulumi-python', 'cdktf-typescript', 'cdktf-python', 'pulumi-go', 'pulumi-csharp'],
      'rds-password-in-lambda-environment': ['cloudformation', 'terraform', 'cdk-typescript', 'cdk-python', 'cdk-java', 'cdk-csharp', 'cdk-go', 'pulumi-typescript', 'pulumi-python', 'cdktf-typescript', 'cdktf-python', 'pulumi-go', 'pulumi-csharp'],
      'rds-aurora-serverless-v1': ['cloudformation', 'terraform', 'cdk-typescript', 'cdk-python', 'cdk-java', 'cdk-csharp', 'cdk-go', 'pulumi-typescript', 'pulumi-python', 'cdktf-typescript', 'cdktf-python', 'pulumi-go', 'pulumi-csharp'],
      'rds-restore-new-instance': ['javascript', 'python', 'java', 'go', 'csharp'],
      'rds-apply-immediately': ['javascript', 'python', 'java', 'go', 'csharp', 'terraform', 'pulumi-typescript', 'pulumi-python', 'cdktf-typescript', 'cdktf-python', 'pulumi-go', 'pulumi-csharp'],
      'rds-engine-version-extended-support': ['javascript', 'python', 'java', 'go', 'csharp', 'cloudformation', 'terraform', 'cdk-typescript', 'cdk-python', 'cdk-java', 'cdk-csharp', 'cdk-go', 'pulumi-typescript', 'pulumi-python', 'cdktf-typescript', 'cdktf-python', 'pulumi-go', 'pulumi-csharp'],
      'elasticache-create-user': ['javascript', 'python', 'java', 'go', 'csharp', 'cloudformation', 'terraform', 'cdk-typescript', 'cdk-python', 'cdk-java', 'cdk-csharp', 'cdk-go', 'pulumi-typescript', 'pulumi-python', 'cdktf-typescript', 'cdktf-python', 'pulumi-go', 'pulumi-csharp'],
      'elasticache-user-group': ['javascript', 'python', 'java', 'go', 'csharp', 'cloudformation', 'terraform', 'cdk-typescript', 'cdk-python', 'cdk-java', 'cdk-csharp', 'cdk-go', 'pulumi-typescript', 'pulumi-python', 'cdktf-typescript', 'cdktf-python', 'pulumi-go', 'pulumi-csharp'],
      'dynamodb-transact-items': ['javascript', 'python', 'java', 'go', 'csharp'],
      'dynamodb-condition-expression': ['javascript', 'python', 'java', 'go', 'csharp'],
      'dynamodb-update-expression': ['javascript', 'python', 'java', 'go', 'csharp'],
      'dynamodb-key-condition-expression': ['javascript', 'python', 'java', 'go', 'csharp'],
      'dynamodb-return-values': ['javascript', 'python', 'java', 'go', 'csharp'],
      ...Object.fromEntries(
        ['dynamodb-execute-statement', 'dynamodb-partiql-select-scan', 'dynamodb-batch-execute-statement', 'dynamodb-execute-transaction', 'dynamodb-partiql-statements'].map((id) => [id, ['javascript', 'python', 'java', 'go', 'csharp']]),
      ),
      'redis-unlink': ['ioredis', 'node-redis', 'redis-py', 'go-redis', 'redigo', 'rueidis', 'stackexchange-redis', 'jedis', 'lettuce', 'spring-data-redis', 'redisson'],
      'redis-mget': ['ioredis', 'node-redis', 'redis-py', 'go-redis', 'redigo', 'rueidis', 'stackexchange-redis', 'jedis', 'lettuce', 'spring-data-redis', 'redisson'],
      'redis-loop-round-trips': ['ioredis', 'node-redis', 'redis-py', 'go-redis', 'redigo', 'rueidis', 'glide-node', 'glide-python', 'stackexchange-redis', 'jedis', 'lettuce', 'spring-data-redis', 'redisson'],
      'redis-auth-without-tls': ['ioredis', 'node-redis', 'redis-py', 'go-redis', 'redigo', 'rueidis', 'glide-node', 'glide-python', 'stackexchange-redis', 'jedis', 'lettuce', 'spring-data-redis', 'redisson', 'spring-config', 'spring-properties', 'appsettings', 'redisson-config'],
      'redis-keys': ['ioredis', 'node-redis', 'redis-py', 'go-redis', 'redigo', 'rueidis', 'glide-node', 'glide-python', 'stackexchange-redis', 'jedis', 'lettuce', 'spring-data-redis', 'redisson'],
    };
    const rules = new Map(realHintRules().map((rule) => [rule.id, rule]));
    for (const [id, keys] of Object.entries(expected)) {
      assert.deepEqual(Object.keys(rules.get(id)?.examples ?? {}).sort(), [...keys].sort(), id);
    }
  });
});
