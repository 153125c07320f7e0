/**
 * Infrastructure a test builds is never deployed: a CDK construct in a pytest fixture or a test file, or in a
 * test's set-up, keeps its hovers and gets no findings; the same construct in the app's own stack gets them.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const findingsOf = (hints: string[]): string[] => hints.filter((hint) => hint.endsWith('!'));

describe('infrastructure that tests build', () => {
  const fixture = sourceLines(
    'import pytest',
    'from aws_cdk import App, Stack',
    'from aws_cdk import aws_elasticache as elasticache',
    'from aws_cdk import aws_rds as rds',
    '',
    '',
    '@pytest.fixture(scope="module")',
    'def db_instance(stack, vpc):',
    '    return rds.DatabaseInstance(',
    '        stack,',
    '        "TestDBInstance",',
    '        engine=rds.DatabaseInstanceEngine.postgres(version=rds.PostgresEngineVersion.VER_16_4),',
    '        vpc=vpc,',
    '        publicly_accessible=True,',
    '    )',
    '',
    '',
    '@pytest.fixture(scope="module")',
    'def cache_cluster(stack):',
    '    return elasticache.CfnCacheCluster(stack, "TestCache", cache_node_type="cache.t3.micro", engine="redis", num_cache_nodes=1)',
  );

  it('keeps the hovers of a test fixture’s constructs and reports nothing on them', () => {
    const hints = hintsIn('infra/tests/conftest.py', fixture);
    assert.ok(hints.includes('14:publicly_accessible rds-publicly-accessible'), hints.join('\n'));
    assert.deepEqual(findingsOf(hints), []);
  });

  it('reports the same constructs in the app’s own stack module', () => {
    const stack = fixture.replace('import pytest\n', '').replaceAll('@pytest.fixture(scope="module")\n', '');
    const found = findingsOf(hintsIn('infra/stacks/data.py', stack));
    assert.ok(found.some((hint) => hint.endsWith('rds-publicly-accessible!')), found.join('\n'));
    assert.ok(found.some((hint) => hint.endsWith('elasticache-standalone-redis-tls!')), found.join('\n'));
  });

  it('reports nothing on a table a TypeScript test builds, and on it in a stack', () => {
    const code = sourceLines(
      "import { App, RemovalPolicy, Stack } from 'aws-cdk-lib';",
      "import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';",
      '',
      "const stack = new Stack(new App(), 'Test');",
      "new dynamodb.Table(stack, 'Scratch', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING }, removalPolicy: RemovalPolicy.DESTROY });",
    );
    assert.deepEqual(findingsOf(hintsIn('test/scratch.test.ts', code)), []);
    assert.ok(findingsOf(hintsIn('lib/scratch-stack.ts', code)).some((hint) => hint.endsWith('dynamodb-removal-policy!')));
  });
});
