/**
 * rds-password-in-lambda-environment: a password-named variable of a Lambda function's environment gets the
 * hover (SAM, CloudFormation, Terraform, CDK in TypeScript, Python, Java and C#), and a literal one the warning.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { hintsIn, realHintRules, sourceLines } from './support';

const RULE = 'rds-password-in-lambda-environment';
const hints = (fileName: string, code: string): string[] => hintsIn(fileName, code).filter((hint) => hint.includes(RULE)).sort();

describe('Database passwords in Lambda environment variables', () => {
  it('reads a SAM or CloudFormation function and SAM Globals: a literal, a literal parameter default or a resolved secret warns, a NoEcho reference does not, a secret\'s name or ARN is left out', () => {
    const template = sourceLines(
      'Transform: AWS::Serverless-2016-10-31',
      'Parameters:',
      '  LegacyPassword:',
      '    Type: String',
      '    Default: Legacy-Pass-2019',
      '  SecurePassword:',
      '    Type: String',
      '    NoEcho: true',
      'Globals:',
      '  Function:',
      '    Environment:',
      '      Variables:',
      '        DB_PASSWORD: shared-literal-1',
      'Resources:',
      '  Orders:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      Handler: app.handler',
      '      Environment:',
      '        Variables:',
      '          DB_USER: app',
      '          DB_PASSWORD: hunter2hunter2',
      '          PGPASSWORD: !Ref LegacyPassword',
      '          REDIS_PASSWORD: !Ref SecurePassword',
      "          MYSQL_PASSWORD: '{{resolve:secretsmanager:orders-db:SecretString:password}}'",
      '          DB_PASSWORD_SECRET_ARN: !Ref DatabaseSecret',
      '          DB_SECRET_PASSWORD: arn:aws:secretsmanager:us-east-1:123456789012:secret:orders',
      '          KeyStorePassword: experian/keystore-password',
      '          PASSWORD_POLICY: strict',
      '  Raw:',
      '    Type: AWS::Lambda::Function',
      '    Properties:',
      '      Environment:',
      '        Variables:',
      '          DATABASE_PASSWORD: "changeme-please"',
    );
    assert.deepEqual(hints('template.yaml', template), [
      `13:DB_PASSWORD ${RULE}`,
      `13:shared-literal-1 ${RULE}!`,
      `22:DB_PASSWORD ${RULE}`,
      `22:hunter2hunter2 ${RULE}!`,
      `23:!Ref LegacyPassword ${RULE}!`,
      `23:PGPASSWORD ${RULE}`,
      `24:REDIS_PASSWORD ${RULE}`,
      `25:'{{resolve:secretsmanager:orders-db:SecretString:password}}' ${RULE}!`,
      `25:MYSQL_PASSWORD ${RULE}`,
      `35:"changeme-please" ${RULE}!`,
      `35:DATABASE_PASSWORD ${RULE}`,
    ]);
  });

  it("reads a Serverless service's provider and function environments, with self: variables, and no other section", () => {
    const service = sourceLines(
      'service: orders-api',
      'custom:',
      '  dbPassword: custom-literal-pass',
      '  settings:',
      '    DB_PASSWORD: not-an-environment',
      'provider:',
      '  name: aws',
      '  environment:',
      '    DB_PASSWORD: ${ssm:/orders/db/password}',
      '    PGPASSWORD: ${self:custom.dbPassword}',
      'functions:',
      '  list:',
      '    handler: src/list.handler',
      '    environment:',
      '      REDIS_PASSWORD: plain-redis-pass',
      '      DB_PASSWORD_PARAM: /orders/db/password',
    );
    assert.deepEqual(hints('serverless.yml', service), [
      `10:\${self:custom.dbPassword} ${RULE}!`,
      `10:PGPASSWORD ${RULE}`,
      `15:REDIS_PASSWORD ${RULE}`,
      `15:plain-redis-pass ${RULE}!`,
      // Serverless writes the Parameter Store value into the function's configuration when it deploys.
      `9:\${ssm:/orders/db/password} ${RULE}!`,
      `9:DB_PASSWORD ${RULE}`,
    ]);
    assert.deepEqual(hints('serverless.yml', service.replace('name: aws', 'name: google')), []);
  });

  it('warns on a database or cache URL with a password written in it, whatever the variable is called, not a placeholder nor a local server', () => {
    const service = sourceLines(
      'service: users-api',
      'provider:',
      '  name: aws',
      '  environment:',
      '    RDS_CONN_STRING: "postgres://app:Sup3r-s3cret@users.c1x2y3z4.eu-west-1.rds.amazonaws.com/users"', // 5
      '    CACHE_URL: rediss://:tok3n-value@sessions.abc123.use1.cache.amazonaws.com:6379',
      '    READER_URL: postgres://app:${ssm:/users/db/password}@users.c1x2y3z4.eu-west-1.rds.amazonaws.com/users',
      '    LOCAL_URL: postgres://app:app@localhost:5432/users',
      '    PLAIN_URL: postgres://app@users.c1x2y3z4.eu-west-1.rds.amazonaws.com/users',
      'functions:',
      '  list:',
      '    handler: src/list.handler',
    );
    const found = hints('serverless.yml', service).filter((hint) => hint.endsWith('!'));
    // A placeholder for the password (line 7) is left to what fills it: judged where that value is written.
    assert.deepEqual(found.map((hint) => hint.split(':')[0]).sort(), ['5', '6']);
  });

  it('reads a Terraform function: a map in place (one line or several) or in a local, with variable defaults, and the lambda registry module', () => {
    const terraform = sourceLines(
      'variable "db_password" {',
      '  type = string',
      '}',
      'locals {',
      '  env = { DB_PASS = "local-literal-1", TABLE = "orders" }',
      '}',
      'resource "aws_lambda_function" "orders" {',
      '  environment {',
      '    variables = {',
      '      DB_PASSWORD        = "hunter2hunter2"',
      '      "PGPASSWORD"       = var.db_password',
      '      DB_PASSWORD_ARN    = aws_secretsmanager_secret.db.arn',
      '      DB_SECRET_PASSWORD = "arn:aws:secretsmanager:us-east-1:1:secret:x"',
      '    }',
      '  }',
      '}',
      'resource "aws_lambda_function" "reports" {',
      '  environment {',
      '    variables = local.env',
      '  }',
      '}',
      'module "sync" {',
      '  source                = "terraform-aws-modules/lambda/aws"',
      '  environment_variables = { DB_PASSWORD = "module-literal-1" }',
      '}',
      'module "other" {',
      '  source                = "example-org/function/aws"',
      '  environment_variables = { DB_PASSWORD = "not-known-1" }',
      '}',
      'resource "aws_ecs_task_definition" "worker" {',
      '  environment {',
      '    variables = { DB_PASSWORD = "not-a-function" }',
      '  }',
      '}',
    );
    assert.deepEqual(hints('main.tf', terraform), [
      `10:"hunter2hunter2" ${RULE}!`,
      `10:DB_PASSWORD ${RULE}`,
      `11:"PGPASSWORD" ${RULE}`,
      `24:"module-literal-1" ${RULE}!`,
      `24:DB_PASSWORD ${RULE}`,
      `5:"local-literal-1" ${RULE}!`,
      `5:DB_PASS ${RULE}`,
    ]);
  });

  it("warns on a Terraform variable that takes a Secrets Manager secret's value, whole or its password key, not another key nor its ARN", () => {
    const terraform = sourceLines(
      'data "aws_secretsmanager_secret_version" "db" {',
      '  secret_id = "orders-db"',
      '}',
      'resource "aws_lambda_function" "orders" {',
      '  environment {',
      '    variables = {',
      '      DB_URL        = data.aws_secretsmanager_secret_version.db.secret_string',
      '      DB_PASSWORD   = jsondecode(data.aws_secretsmanager_secret_version.db.secret_string)["password"]',
      '      DB_USER       = jsondecode(data.aws_secretsmanager_secret_version.db.secret_string)["username"]',
      '      DB_SECRET_ARN = data.aws_secretsmanager_secret_version.db.arn',
      '      SECRET_SIZE   = length(data.aws_secretsmanager_secret_version.db.secret_string)',
      '    }',
      '  }',
      '}',
    );
    const found = hintsIn('main.tf', terraform).filter((hint) => hint.includes(RULE));
    assert.deepEqual(found.filter((hint) => hint.endsWith('!')).map((hint) => hint.split(':')[0]), ['7', '8']);
    const messages = analyzeText(terraform, realHintRules(), { kind: 'terraform', fileName: 'main.tf' }).findings.filter((finding) => finding.ruleId === RULE);
    assert.ok(messages.every((finding) => /takes a Secrets Manager secret's value/.test(finding.message)));
  });

  it('warns on a CloudFormation dynamic reference to a whole secret or its password key, by name, ARN or !Sub, and not on another key', () => {
    const template = sourceLines(
      'Resources:',
      '  Orders:',
      '    Type: AWS::Lambda::Function',
      '    Properties:',
      '      Environment:',
      '        Variables:',
      "          DB_CONFIG: '{{resolve:secretsmanager:arn:aws:secretsmanager:eu-west-1:123456789012:secret:orders-AbCdEf}}'",
      "          DB_AUTH: !Sub '{{resolve:secretsmanager:${OrdersSecret}::password}}'",
      "          DB_USER: '{{resolve:secretsmanager:orders-db:SecretString:username}}'",
      "          DB_HOST: !Sub '{{resolve:secretsmanager:${OrdersSecret}::host}}'",
    );
    const found = hintsIn('template.yaml', template).filter((hint) => hint.includes(RULE) && hint.endsWith('!'));
    assert.deepEqual(found.map((hint) => hint.split(':')[0]), ['7', '8']);
  });

  it('warns on a CDK secret value unwrapped into a function environment (TypeScript, Python, C#), whole or its password key, and not on another key', () => {
    const typescript = sourceLines(
      "import * as cdk from 'aws-cdk-lib';",
      "import * as lambda from 'aws-cdk-lib/aws-lambda';",
      'export function worker(stack: cdk.Stack, secret: cdk.aws_secretsmanager.ISecret) {',
      "  return new lambda.Function(stack, 'Worker', {",
      '    runtime: lambda.Runtime.NODEJS_20_X,',
      "    handler: 'index.handler',",
      "    code: lambda.Code.fromAsset('lambda'),",
      '    environment: {',
      "      DB_PASS: secret.secretValueFromJson('password').unsafeUnwrap(),",
      '      DB_JSON: secret.secretValue.toString(),', // 10
      "      REPLICA_CREDENTIALS: cdk.SecretValue.secretsManager('replica-db').unsafeUnwrap(),",
      "      ADMIN_PWD: cdk.SecretValue.secretsManager('admin-db', { jsonField: 'password' }).unsafeUnwrap(),",
      "      DB_USER: secret.secretValueFromJson('username').unsafeUnwrap(),",
      "      READER_USER: cdk.SecretValue.secretsManager('reader-db', { jsonField: 'username' }).unsafeUnwrap(),",
      '      DB_SECRET_ARN: secret.secretArn,',
      '    },',
      '  });',
      '}',
    );
    const found = hintsIn('lib/worker.ts', typescript).filter((hint) => hint.includes(RULE) && hint.endsWith('!'));
    assert.deepEqual(found.map((hint) => hint.split(':')[0]), ['9', '10', '11', '12']);
    const python = sourceLines(
      'from aws_cdk import SecretValue, aws_lambda as lambda_',
      '',
      'def worker(stack, secret):',
      '    return lambda_.Function(',
      '        stack,',
      '        "Worker",',
      '        runtime=lambda_.Runtime.PYTHON_3_12,',
      '        handler="app.handler",',
      '        code=lambda_.Code.from_asset("worker"),',
      '        environment={', // 10
      '            "DB_PASSWORD": secret.secret_value_from_json("password").unsafe_unwrap(),',
      '            "DB_SETTINGS": SecretValue.secrets_manager("orders-db", json_field="password").unsafe_unwrap(),',
      '            "DB_USER": secret.secret_value_from_json("username").unsafe_unwrap(),',
      '        },',
      '    )',
    );
    const pythonFound = hintsIn('stacks/worker.py', python).filter((hint) => hint.includes(RULE) && hint.endsWith('!'));
    assert.deepEqual(pythonFound.map((hint) => hint.split(':')[0]), ['11', '12']);
    const csharp = sourceLines(
      'using System.Collections.Generic;',
      'using Amazon.CDK;',
      'using Amazon.CDK.AWS.Lambda;',
      'public class ApiStack : Stack',
      '{',
      '    internal ApiStack(Constructs.Construct scope, string id, Amazon.CDK.AWS.SecretsManager.ISecret secret) : base(scope, id)',
      '    {',
      '        new Function(this, "Orders", new FunctionProps',
      '        {',
      '            Environment = new Dictionary<string, string> { { "DB_PWD", secret.SecretValueFromJson("password").UnsafeUnwrap() }, { "DB_USER", secret.SecretValueFromJson("username").UnsafeUnwrap() } }', // 10
      '        });',
      '    }',
      '}',
    );
    const csharpFound = hintsIn('src/ApiStack.cs', csharp).filter((hint) => hint.includes(RULE) && hint.endsWith('!'));
    assert.deepEqual(csharpFound, [`10:secret.SecretValueFromJson("password").UnsafeUnwrap() ${RULE}!`]);
  });

  it("warns on a secret's value that nonsensitive(...) or tostring(...) hands on unchanged, not on a wrapped key that holds no password", () => {
    const terraform = sourceLines(
      'data "aws_secretsmanager_secret_version" "db" {',
      '  secret_id = "orders-db"',
      '}',
      'resource "aws_lambda_function" "orders" {',
      '  environment {',
      '    variables = {',
      '      DB_PASSWORD = jsondecode(nonsensitive(data.aws_secretsmanager_secret_version.db.secret_string))["password"]',
      '      DB_CONFIG   = tostring(data.aws_secretsmanager_secret_version.db.secret_string)',
      '      DB_USER     = jsondecode(nonsensitive(data.aws_secretsmanager_secret_version.db.secret_string))["username"]',
      '      DB_HOSTNAME = nonsensitive(data.aws_secretsmanager_secret_version.db.arn)',
      '    }',
      '  }',
      '}',
    );
    const found = hintsIn('main.tf', terraform).filter((hint) => hint.includes(RULE) && hint.endsWith('!'));
    assert.deepEqual(found.map((hint) => hint.split(':')[0]), ['7', '8']);
  });

  it('reads the maps written in a Terraform merge(...) of the environment, and nothing a later unknown map may replace', () => {
    const terraform = sourceLines(
      'locals {',
      '  common = { STAGE = "prod", CACHE_PASSWORD = "local-literal-1" }',
      '  merged = merge(local.common, { PGPASSWORD = "merged-local-1" })',
      '}',
      'resource "aws_lambda_function" "orders" {',
      '  environment {',
      '    variables = merge(local.common, { DB_PASSWORD = "hunter2hunter2", TABLE = "orders" })',
      '  }',
      '}',
      'resource "aws_lambda_function" "reports" {',
      '  environment {',
      '    variables = merge({ DB_PASSWORD = "replaced-maybe" }, var.extra, { DB_HOST = "db" })',
      '  }',
      '}',
      'resource "aws_lambda_function" "billing" {',
      '  environment {',
      '    variables = merge(var.common, var.extra)',
      '  }',
      '}',
      'resource "aws_lambda_function" "audit" {',
      '  environment {',
      '    variables = local.merged',
      '  }',
      '}',
    );
    assert.deepEqual(hints('main.tf', terraform), [
      `2:"local-literal-1" ${RULE}!`,
      `2:CACHE_PASSWORD ${RULE}`,
      `3:"merged-local-1" ${RULE}!`,
      `3:PGPASSWORD ${RULE}`,
      `7:"hunter2hunter2" ${RULE}!`,
      `7:DB_PASSWORD ${RULE}`,
    ]);
  });

  it('reads CDK functions in TypeScript and Python, a bundled one and the L1 CfnFunction, and no other object', () => {
    const ts = sourceLines(
      "import * as lambda from 'aws-cdk-lib/aws-lambda';",
      "import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';",
      'export function api(scope: any, password: string) {',
      "  new lambda.Function(scope, 'Orders', { handler: 'index.handler', environment: { DB_PASSWORD: 'P@ssw0rd-literal', PGPASSWORD: password } });",
      "  new NodejsFunction(scope, 'Bundled', { entry: 'src/a.ts', environment: { DB_PASSWORD: 'bundled-literal-1' } });",
      "  new lambda.CfnFunction(scope, 'Raw', { code: {}, role: 'r', environment: { variables: { DATABASE_PASSWORD: 'raw-literal-1' } } });",
      "  const settings = { environment: { DB_PASSWORD: 'not-a-function' } };",
      '}',
    );
    assert.deepEqual(hints('stack.ts', ts), [
      `4:'P@ssw0rd-literal' ${RULE}!`,
      `4:DB_PASSWORD ${RULE}`,
      `4:PGPASSWORD ${RULE}`,
      `5:'bundled-literal-1' ${RULE}!`,
      `5:DB_PASSWORD ${RULE}`,
      `6:'raw-literal-1' ${RULE}!`,
      `6:DATABASE_PASSWORD ${RULE}`,
    ]);
    const python = sourceLines(
      'from aws_cdk import aws_lambda as lambda_',
      'def api(scope, secret):',
      '    lambda_.Function(scope, "Orders", handler="app.handler",',
      '        environment={"DB_PASSWORD": "py-literal-pass", "REDIS_PASSWORD": secret.secret_value.unsafe_unwrap()})',
      '    settings = {"DB_PASSWORD": "in-a-dict"}',
    );
    assert.deepEqual(hints('stack.py', python), [`4:"DB_PASSWORD" ${RULE}`, `4:"REDIS_PASSWORD" ${RULE}`, `4:"py-literal-pass" ${RULE}!`, `4:secret.secret_value.unsafe_unwrap() ${RULE}!`]);
  });

  it('reads an environment object a CDK function takes by name, and nothing through a parameter', () => {
    const ts = sourceLines(
      "import * as lambda from 'aws-cdk-lib/aws-lambda';",
      "const shared = { DB_PASSWORD: 'module-level-literal' };",
      'export function api(scope: any) {',
      "  const env = { DB_HOST: 'db', PGPASSWORD: 'local-literal-1' };",
      "  new lambda.Function(scope, 'A', { handler: 'a.handler', environment: env });",
      "  new lambda.Function(scope, 'B', { handler: 'b.handler', environment: shared });",
      '}',
      'export function given(scope: any, env: Record<string, string>) {',
      "  new lambda.Function(scope, 'C', { handler: 'c.handler', environment: env });",
      '}',
    );
    assert.deepEqual(hints('stack.ts', ts), [
      `2:'module-level-literal' ${RULE}!`,
      `2:DB_PASSWORD ${RULE}`,
      `4:'local-literal-1' ${RULE}!`,
      `4:PGPASSWORD ${RULE}`,
    ]);
  });

  it('reads Java and C# CDK functions: Map.of and a Dictionary initializer written in place, and no other construct', () => {
    const java = sourceLines(
      'package app;',
      '',
      'import java.util.Map;',
      'import software.amazon.awscdk.Stack;',
      'import software.amazon.awscdk.services.lambda.Code;',
      'import software.amazon.awscdk.services.lambda.Function;',
      'import software.amazon.awscdk.services.lambda.Runtime;',
      'import software.amazon.awscdk.services.sqs.Queue;',
      'import software.constructs.Construct;',
      '',
      'public class ApiStack extends Stack {',
      '    public ApiStack(final Construct scope, final String id, final String password) {',
      '        super(scope, id);',
      '        Function.Builder.create(this, "Orders")',
      '            .runtime(Runtime.JAVA_21).handler("app.Handler").code(Code.fromAsset("target/app.jar"))',
      '            .environment(Map.of("DB_PASSWORD", "Java-Literal-1", "TABLE", "orders", "PGPASSWORD", password,',
      '                "DB_PASSWORD_SECRET_ARN", "arn:aws:secretsmanager:us-east-1:1:secret:x"))',
      '            .build();',
      '        Map<String, String> settings = Map.of("DB_PASSWORD", "not-a-function");',
      '        Queue.Builder.create(this, "Jobs").build();',
      '    }',
      '}',
    );
    assert.deepEqual(hints('src/main/java/app/ApiStack.java', java), [
      `16:"DB_PASSWORD" ${RULE}`,
      `16:"Java-Literal-1" ${RULE}!`,
      `16:"PGPASSWORD" ${RULE}`,
    ]);
    const csharp = sourceLines(
      'using System.Collections.Generic;',
      'using Amazon.CDK;',
      'using Amazon.CDK.AWS.Lambda;',
      'using Constructs;',
      '',
      'public class ApiStack : Stack',
      '{',
      '    internal ApiStack(Construct scope, string id, string password) : base(scope, id)',
      '    {',
      '        new Function(this, "Orders", new FunctionProps',
      '        {',
      '            Runtime = Runtime.DOTNET_8,',
      '            Handler = "App::App.Handler::Handle",',
      '            Code = Code.FromAsset("src/App/bin"),',
      '            Environment = new Dictionary<string, string> { { "DB_PASSWORD", "CSharp-Literal-1" }, { "TABLE", "orders" }, ["REDIS_PASSWORD"] = password }',
      '        });',
      '        var settings = new Dictionary<string, string> { { "DB_PASSWORD", "not-a-function" } };',
      '    }',
      '}',
    );
    assert.deepEqual(hints('src/ApiStack.cs', csharp), [`15:"CSharp-Literal-1" ${RULE}!`, `15:"DB_PASSWORD" ${RULE}`, `15:"REDIS_PASSWORD" ${RULE}`]);
  });

  it('warns on a number written as the password, as YAML reads 73915082, also as a master password; not on a Serverless variable', () => {
    const service = sourceLines(
      'service: roster',
      'provider:',
      '  name: aws',
      '  environment:',
      '    DB_PASSWORD: 73915082',
      '    DB_PORT: 5432',
      'functions:',
      '  list:',
      '    handler: list.handler',
      'resources:',
      '  Resources:',
      '    Database:',
      '      Type: AWS::RDS::DBInstance',
      '      Properties:',
      '        Engine: postgres',
      '        MasterUsername: roster',
      '        MasterUserPassword: 73915082',
      '    Reports:',
      '      Type: AWS::RDS::DBInstance',
      '      Properties:',
      '        Engine: postgres',
      '        MasterUsername: reports',
      '        MasterUserPassword: ${ssm:/roster/reports-password}',
    );
    assert.deepEqual(hints('serverless.yml', service), [`5:73915082 ${RULE}!`, `5:DB_PASSWORD ${RULE}`]);
    const master = hintsIn('serverless.yml', service).filter((hint) => hint.includes('rds-master-password!'));
    assert.deepEqual(master, ['17:73915082 rds-master-password!']);
  });

  it("leaves another service's password: a mail server's, or one qualified by no database in a function with no database variable", () => {
    const template = sourceLines(
      'Resources:',
      '  Mailer:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      Environment:',
      '        Variables:',
      '          SMTP_PASSWORD: m4il-secret-1',
      '          KEYSTORE_PASS: st0re-secret-1',
      '          REPORT_PASSWORD: r3port-secret-1',
      '          PASSWORD: just-a-password-1',
      '  Orders:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      Environment:',
      '        Variables:',
      '          DB_HOST: orders.cluster-abc.us-east-1.rds.amazonaws.com',
      '          ADMIN_PASSWORD: adm1n-secret-1',
      '          EMAIL_PASSWORD: m4il-secret-2',
      '          mysqlRootPassword: r00t-secret-1',
    );
    assert.deepEqual(hints('template.yaml', template), [
      `10:PASSWORD ${RULE}`,
      `10:just-a-password-1 ${RULE}!`,
      `17:ADMIN_PASSWORD ${RULE}`,
      `17:adm1n-secret-1 ${RULE}!`,
      `19:mysqlRootPassword ${RULE}`,
      `19:r00t-secret-1 ${RULE}!`,
    ]);
  });

  it("leaves a login of another service beside the database's own password, and a broker's; keeps a replica's", () => {
    const code = sourceLines(
      'resource "aws_lambda_function" "sync" {',
      '  function_name = "sync"',
      '  environment {',
      '    variables = {',
      '      CACHE_HOST       = aws_elasticache_cluster.redis.cache_nodes[0].address',
      '      CACHE_PWD        = "c4che-secret-1"',
      '      SYSTEM_USERNAME  = "sync"',
      '      SYSTEM_PWD       = "syst3m-secret-1"',
      '      BROKER_PASS      = "br0ker-secret-1"',
      '      REPLICA_PASSWORD = "r3plica-secret-1"',
      '      ADMIN_PASSWORD   = "adm1n-secret-1"',
      '    }',
      '  }',
      '}',
    );
    assert.deepEqual(
      hints('main.tf', code).filter((hint) => hint.endsWith('!')).sort(),
      [`10:"r3plica-secret-1" ${RULE}!`, `11:"adm1n-secret-1" ${RULE}!`, `6:"c4che-secret-1" ${RULE}!`],
    );
  });

  it('warns on a password Terraform generates (random_password) written into a function\'s environment', () => {
    const code = sourceLines(
      'resource "aws_lambda_function" "reader" {',
      '  function_name = "reader"',
      '  environment {',
      '    variables = {',
      '      DB_PASSWORD = random_password.db.result',
      '      PGPASSWORD  = nonsensitive(random_password.db.result)',
      '      DB_SECRET   = aws_secretsmanager_secret.db.arn',
      '    }',
      '  }',
      '}',
    );
    assert.deepEqual(hints('main.tf', code), [
      `5:DB_PASSWORD ${RULE}`,
      `5:random_password.db.result ${RULE}!`,
      `6:PGPASSWORD ${RULE}`,
      `6:nonsensitive(random_password.db.result) ${RULE}!`,
    ]);
    const result = analyzeText(code, realHintRules(), { kind: 'terraform', fileName: 'main.tf' });
    assert.match(result.findings.find((finding) => finding.ruleId === RULE)?.message ?? '', /random_password/);
  });
});
