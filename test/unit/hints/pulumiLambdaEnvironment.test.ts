/**
 * rds-password-in-lambda-environment in Pulumi programs: a literal password among a `lambda.Function`'s
 * environment variables, in TypeScript, Python, Go and C#; the secret's ARN, a config secret and a map held
 * elsewhere stay silent.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, hoverAt, sourceLines } from './support';

const RULE = 'rds-password-in-lambda-environment';
const ofRule = (file: string, code: string): string[] => hintsIn(file, code).filter((hint) => hint.includes(RULE));

describe('Pulumi Lambda functions: passwords in the environment', () => {
  it('TypeScript: reports a literal password variable, also in an environment a variable holds, not the secret ARN, a config secret or an unknown map', () => {
    const code = sourceLines(
      'import * as aws from "@pulumi/aws";',
      'import * as pulumi from "@pulumi/pulumi";',
      'const config = new pulumi.Config();',
      'new aws.lambda.Function("orders", {',
      '  role: role.arn,',
      '  environment: { variables: { DB_HOST: host, DB_PASSWORD: "hunter2hunter2", DB_SECRET_ARN: "arn:aws:secretsmanager:eu-west-1:1:secret:db" } },',
      '});',
      'new aws.lambda.Function("reports", {',
      '  environment: { variables: { DB_PASSWORD: config.requireSecret("dbPassword") } },',
      '});',
      'new aws.lambda.Function("audit", { environment: { variables: sharedEnvironment } });',
      'const jobEnvironment = { variables: { MYSQL_PWD: "job-secret-2024" } };',
      'new aws.lambda.Function("job", { environment: jobEnvironment });',
      'new aws.lambda.CallbackFunction("inbox", { callback, environment: { variables: { REDIS_PASSWORD: "inbox-cache-2024" } } });',
    );
    assert.deepEqual(ofRule('infra/index.ts', code), [
      `6:DB_PASSWORD ${RULE}`,
      `9:DB_PASSWORD ${RULE}`,
      `12:MYSQL_PWD ${RULE}`,
      `14:REDIS_PASSWORD ${RULE}`,
      `6:"hunter2hunter2" ${RULE}!`,
      `12:"job-secret-2024" ${RULE}!`,
      `14:"inbox-cache-2024" ${RULE}!`,
    ]);
    const markdown = hoverAt('infra/index.ts', code, 'DB_PASSWORD');
    assert.match(markdown, /```ts\nnew aws\.lambda\.Function\("orders", \{\n(?:.*\n)*? {2}environment: \{ variables: \{ DB_SECRET_ARN: dbSecret\.arn \} \}/);
  });

  it('Python: reads FunctionEnvironmentArgs and a dict, with the lambda_ module imported either way', () => {
    const code = sourceLines(
      'import pulumi_aws as aws',
      'from pulumi_aws import lambda_',
      'aws.lambda_.Function("orders", role=role.arn,',
      '    environment=aws.lambda_.FunctionEnvironmentArgs(variables={"PGPASSWORD": "hunter2hunter2"}))',
      'lambda_.Function("reports", environment={"variables": {"DB_PASS": "s3cr3t-value"}})',
      'lambda_.Function("safe", environment={"variables": {"DB_PASSWORD": config.require_secret("db")}})',
    );
    assert.deepEqual(
      ofRule('__main__.py', code).filter((hint) => hint.endsWith('!')),
      [`4:"hunter2hunter2" ${RULE}!`, `5:"s3cr3t-value" ${RULE}!`],
    );
    assert.match(hoverAt('__main__.py', code, 'PGPASSWORD'), /```python\naws\.lambda_\.Function\("orders"/);
  });

  it('Go: reads the pulumi.StringMap of FunctionEnvironmentArgs', () => {
    const code = sourceLines(
      'package main',
      'import (',
      '\t"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/lambda"',
      '\t"github.com/pulumi/pulumi/sdk/v3/go/pulumi"',
      ')',
      'func orders(ctx *pulumi.Context, secret pulumi.StringOutput) error {',
      '\t_, err := lambda.NewFunction(ctx, "orders", &lambda.FunctionArgs{',
      '\t\tEnvironment: &lambda.FunctionEnvironmentArgs{',
      '\t\t\tVariables: pulumi.StringMap{"DB_PASSWORD": pulumi.String("hunter2hunter2"), "CACHE_PASSWORD": secret},',
      '\t\t},',
      '\t})',
      '\treturn err',
      '}',
    );
    assert.deepEqual(ofRule('main.go', code).filter((hint) => hint.endsWith('!')), [`9:pulumi.String("hunter2hunter2") ${RULE}!`]);
    assert.match(hoverAt('main.go', code, 'DB_PASSWORD'), /```go\nlambda\.NewFunction\(ctx, "orders"/);
  });

  it('C#: reads the collection initializer of Variables and an InputMap written there', () => {
    const code = sourceLines(
      'using Pulumi;',
      'using Aws = Pulumi.Aws;',
      'class OrdersStack : Stack {',
      '    public OrdersStack() {',
      '        new Aws.Lambda.Function("orders", new()',
      '        {',
      '            Environment = new Aws.Lambda.Inputs.FunctionEnvironmentArgs',
      '            {',
      '                Variables = { { "DB_HOST", host }, { "DB_PASSWORD", "hunter2hunter2" } },',
      '            },',
      '        });',
      '        new Aws.Lambda.Function("reports", new()',
      '        {',
      '            Environment = new Aws.Lambda.Inputs.FunctionEnvironmentArgs',
      '            {',
      '                Variables = new InputMap<string> { ["MYSQL_PWD"] = "s3cr3t-value", ["DB_PASSWORD"] = dbPassword },',
      '            },',
      '        });',
      '    }',
      '}',
    );
    assert.deepEqual(ofRule('Stack.cs', code).filter((hint) => hint.endsWith('!')), [`9:"hunter2hunter2" ${RULE}!`, `16:"s3cr3t-value" ${RULE}!`]);
    assert.match(hoverAt('Stack.cs', code, 'DB_PASSWORD'), /```csharp\nnew Aws\.Lambda\.Function\("orders", new\(\)/);
  });
});
