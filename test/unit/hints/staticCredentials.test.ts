/**
 * `aws-literal-access-key`: an AWS access key written as a literal where the code hands credentials to the SDK
 * (JavaScript v3 `credentials` and v2 `AWS.config.update`, boto3 keywords, Java `AwsBasicCredentials.create` and
 * 1.x `BasicAWSCredentials`, Go static providers, C# `BasicAWSCredentials` and client constructors) or in
 * Terraform's AWS provider, in a file that uses a DynamoDB, RDS or ElastiCache client. Silent on environment
 * reads and variables, placeholders, AWS's documented example key, a key ID in a comment or a policy string, and
 * files or providers pointed at DynamoDB Local or LocalStack.
 */
import * as assert from 'node:assert/strict';
import { isPlausibleKeyId, isPlausibleSecretKey } from '../../../src/hints/engine/checks/staticCredentials';
import { hintsOfRules, hoverAt, sourceLines } from './support';

const RULE = 'aws-literal-access-key';
// Made up for these tests: in the format IAM gives keys, and never issued.
const KEY_ID = 'AKIA1VDPUHGYQR1QEPGA';
const SECRET = 'Rules48UnitSecretKeyNotIssuedByIam0Xy/Aa';

function reported(fileName: string, code: string): string[] {
  return hintsOfRules(fileName, code, [RULE]).filter((hint) => hint.endsWith('!'));
}

describe('AWS access keys written in the code', () => {
  it('judges a literal by the format of access key IDs and secret keys', () => {
    assert.ok(isPlausibleKeyId({ kind: 'str', value: KEY_ID }));
    assert.ok(isPlausibleKeyId({ kind: 'str', value: 'ASIAMUV9LZ08VBXOKOCL' }));
    assert.ok(isPlausibleSecretKey({ kind: 'str', value: SECRET }));
    for (const value of ['AKIAIOSFODNN7EXAMPLE', 'AKIAXXXXXXXXXXXXXXXX', 'AKIAFAKEKEY123456789', 'AKIA1VDPUHGYQR1QEPG', 'akia1vdpuhgyqr1qepga', 'AIDA1VDPUHGYQR1QEPGA', '']) {
      assert.ok(!isPlausibleKeyId({ kind: 'str', value }), value);
    }
    for (const value of ['wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'fakeSecretAccessKey', 'x'.repeat(40), 'secret', '<your secret access key>', SECRET.toLowerCase()]) {
      assert.ok(!isPlausibleSecretKey({ kind: 'str', value }), value);
    }
    assert.ok(!isPlausibleKeyId({ kind: 'expr', text: 'process.env.KEY' }));
  });

  it('reports JavaScript v3 credentials, v2 global configuration and AWS.Credentials, at the key ID', () => {
    const code = sourceLines(
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      `const client = new DynamoDBClient({ credentials: { accessKeyId: '${KEY_ID}', secretAccessKey: '${SECRET}' } });`,
      `const held = { accessKeyId: 'AKIAZLNN8KAZS9VUMPNT', secretAccessKey: '${SECRET}' };`,
      'const other = new DynamoDBClient({ credentials: held });',
      `const secretOnly = new DynamoDBClient({ credentials: { accessKeyId: process.env.KEY_ID, secretAccessKey: '${SECRET}' } });`,
    );
    assert.deepEqual(reported('db.ts', code), [`2:'${KEY_ID}' ${RULE}!`, `3:'AKIAZLNN8KAZS9VUMPNT' ${RULE}!`, `5:'${SECRET}' ${RULE}!`]);
    const v2 = sourceLines(
      "const AWS = require('aws-sdk');",
      `AWS.config.update({ region: 'eu-west-1', accessKeyId: '${KEY_ID}', secretAccessKey: '${SECRET}' });`,
      `AWS.config.credentials = new AWS.Credentials('AKIAZLNN8KAZS9VUMPNT', '${SECRET}');`,
      "AWS.config.accessKeyId = 'AKIABITAXK8MVNCWHOK1';",
      'const docClient = new AWS.DynamoDB.DocumentClient();',
    );
    assert.deepEqual(reported('db.js', v2), [`2:'${KEY_ID}' ${RULE}!`, `3:'AKIAZLNN8KAZS9VUMPNT' ${RULE}!`, `4:'AKIABITAXK8MVNCWHOK1' ${RULE}!`]);
  });

  it('reports boto3 clients, resources and sessions, dicts of keywords and PynamoDB Meta attributes', () => {
    const code = sourceLines(
      'import boto3',
      `ddb = boto3.client("dynamodb", aws_access_key_id="${KEY_ID}", aws_secret_access_key="${SECRET}")`,
      'session = boto3.session.Session(',
      '    aws_access_key_id="AKIAZLNN8KAZS9VUMPNT",',
      `    aws_secret_access_key="${SECRET}",`,
      ')',
      `KEYS = {"aws_access_key_id": "AKIABITAXK8MVNCWHOK1", "aws_secret_access_key": "${SECRET}"}`,
      'table = boto3.resource("dynamodb", **KEYS).Table("orders")',
    );
    assert.deepEqual(reported('db.py', code), [`2:"${KEY_ID}" ${RULE}!`, `4:"AKIAZLNN8KAZS9VUMPNT" ${RULE}!`, `7:"AKIABITAXK8MVNCWHOK1" ${RULE}!`]);
    const model = sourceLines(
      'from pynamodb.models import Model',
      'from pynamodb.attributes import UnicodeAttribute',
      'class Order(Model):',
      '    class Meta:',
      '        table_name = "orders"',
      `        aws_access_key_id = "${KEY_ID}"`,
      `        aws_secret_access_key = "${SECRET}"`,
      '    id = UnicodeAttribute(hash_key=True)',
    );
    assert.deepEqual(reported('models.py', model), [`6:"${KEY_ID}" ${RULE}!`]);
  });

  it('reports Java and Kotlin credentials objects and builders, SDK 2.x and 1.x', () => {
    const code = sourceLines(
      'import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;',
      'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;',
      'class Store {',
      `    DynamoDbClient a = DynamoDbClient.builder().credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("${KEY_ID}", "${SECRET}"))).build();`,
      `    AwsSessionCredentials b = AwsSessionCredentials.create("ASIAMUV9LZ08VBXOKOCL", "${SECRET}", token);`,
      `    AwsBasicCredentials c = AwsBasicCredentials.builder().accessKeyId("AKIAZLNN8KAZS9VUMPNT").secretAccessKey("${SECRET}").build();`,
      `    BasicAWSCredentials d = new BasicAWSCredentials("AKIABITAXK8MVNCWHOK1", "${SECRET}");`,
      '    AwsBasicCredentials e = AwsBasicCredentials.create(System.getenv("KEY_ID"), System.getenv("SECRET"));',
      '}',
    );
    assert.deepEqual(reported('Store.java', code), [
      `4:"${KEY_ID}" ${RULE}!`,
      `5:"ASIAMUV9LZ08VBXOKOCL" ${RULE}!`,
      `6:"AKIAZLNN8KAZS9VUMPNT" ${RULE}!`,
      `7:"AKIABITAXK8MVNCWHOK1" ${RULE}!`,
    ]);
    const kotlin = sourceLines(
      'import com.amazonaws.services.dynamodbv2.AmazonDynamoDBClientBuilder',
      `val dynamo = AmazonDynamoDBClientBuilder.standard().withCredentials(AWSStaticCredentialsProvider(BasicAWSCredentials("${KEY_ID}", "${SECRET}"))).build()`,
    );
    assert.deepEqual(reported('Store.kt', kotlin), [`2:"${KEY_ID}" ${RULE}!`]);
  });

  it('reports Go static providers (v2 and v1) and credential structs', () => {
    const code = sourceLines(
      'package store',
      'import (',
      '\t"github.com/aws/aws-sdk-go-v2/credentials"',
      '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
      ')',
      `var provider = credentials.NewStaticCredentialsProvider("${KEY_ID}", "${SECRET}", "")`,
      `var legacy = credentials.NewStaticCredentials("AKIAZLNN8KAZS9VUMPNT", "${SECRET}", "")`,
      `var value = aws.Credentials{AccessKeyID: "AKIABITAXK8MVNCWHOK1", SecretAccessKey: "${SECRET}"}`,
      'var fromEnv = credentials.NewStaticCredentialsProvider(os.Getenv("KEY_ID"), os.Getenv("SECRET"), "")',
    );
    assert.deepEqual(reported('store.go', code), [`6:"${KEY_ID}" ${RULE}!`, `7:"AKIAZLNN8KAZS9VUMPNT" ${RULE}!`, `8:"AKIABITAXK8MVNCWHOK1" ${RULE}!`]);
  });

  it('reports C# credentials objects and clients made with their keys', () => {
    const code = sourceLines(
      'using Amazon.DynamoDBv2;',
      'public class Store',
      '{',
      `    private readonly AmazonDynamoDBClient _a = new AmazonDynamoDBClient("${KEY_ID}", "${SECRET}", RegionEndpoint.USEast1);`,
      `    private readonly AWSCredentials _b = new BasicAWSCredentials("AKIAZLNN8KAZS9VUMPNT", "${SECRET}");`,
      '    private readonly AWSCredentials _c = new BasicAWSCredentials(Environment.GetEnvironmentVariable("KEY_ID"), secret);',
      '    private readonly AmazonDynamoDBClient _d = new AmazonDynamoDBClient(RegionEndpoint.USEast1);',
      '}',
    );
    assert.deepEqual(reported('Store.cs', code), [`4:"${KEY_ID}" ${RULE}!`, `5:"AKIAZLNN8KAZS9VUMPNT" ${RULE}!`]);
  });

  it('reads a class member the class gives a literal, as this.Name or bare, in C# and Java, at the literal', () => {
    const csharp = sourceLines(
      'using Amazon.DynamoDBv2;',
      'using Amazon.Runtime;',
      'public class WordStore',
      '{',
      '    private AmazonDynamoDBClient _client;',
      '    private string KeyId { get; set; }',
      '    private string KeySecret { get; set; }',
      '    public WordStore(string keyId, string keySecret)',
      '    {',
      '        this.KeyId = keyId;',
      '        this.KeySecret = keySecret;',
      '        _client = new AmazonDynamoDBClient(new BasicAWSCredentials(this.KeyId, this.KeySecret));',
      '    }',
      '    public WordStore()',
      '    {',
      `        this.KeyId = "${KEY_ID}";`,
      `        this.KeySecret = "${SECRET}";`,
      '        _client = new AmazonDynamoDBClient(new BasicAWSCredentials(this.KeyId, this.KeySecret));',
      '    }',
      '}',
    );
    assert.deepEqual(reported('WordStore.cs', csharp), [`16:"${KEY_ID}" ${RULE}!`]);
    const java = sourceLines(
      'import com.amazonaws.auth.BasicAWSCredentials;',
      'import com.amazonaws.services.dynamodbv2.AmazonDynamoDBClient;',
      'public class WordStore {',
      '  private String keyId;',
      '  private String keySecret;',
      '  private final AmazonDynamoDBClient client;',
      '  public WordStore() {',
      `    keyId = "${KEY_ID}";`,
      `    keySecret = "${SECRET}";`,
      '    client = new AmazonDynamoDBClient(new BasicAWSCredentials(keyId, keySecret));',
      '  }',
      '}',
    );
    assert.deepEqual(reported('WordStore.java', java), [`8:"${KEY_ID}" ${RULE}!`]);
    const placeholders = csharp.replace(KEY_ID, 'YOUR_KEY_ID').replace(SECRET, 'YOUR_SECRET');
    assert.deepEqual(reported('WordStore.cs', placeholders), []);
  });

  it("reports the Terraform AWS provider's literal keys, not variables or a LocalStack provider", () => {
    const code = sourceLines(
      'provider "aws" {',
      '  region     = "us-east-1"',
      `  access_key = "${KEY_ID}"`,
      `  secret_key = "${SECRET}"`,
      '}',
      'provider "aws" {',
      '  alias      = "ci"',
      '  access_key = var.access_key',
      '  secret_key = var.secret_key',
      '}',
      'provider "aws" {',
      '  alias      = "local"',
      '  access_key = "AKIAZLNN8KAZS9VUMPNT"',
      `  secret_key = "${SECRET}"`,
      '  endpoints {',
      '    dynamodb = "http://localhost:4566"',
      '  }',
      '}',
    );
    assert.deepEqual(reported('providers.tf', code), [`3:"${KEY_ID}" ${RULE}!`]);
  });

  it('reads a name bound once to a literal (a constant, a field, a Spring @Value), at the literal', () => {
    const python = sourceLines(
      'import os',
      'import boto3',
      `ACCESS_KEY = "${KEY_ID}"`,
      `SECRET_KEY = "${SECRET}"`,
      'ENV_KEY = os.environ["KEY_ID"]',
      'ddb = boto3.client("dynamodb", aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY)',
      'other = boto3.client("dynamodb", aws_access_key_id=ENV_KEY, aws_secret_access_key=os.environ["SECRET"])',
      'def make(key, secret):',
      '    return boto3.client("dynamodb", aws_access_key_id=key, aws_secret_access_key=secret)',
    );
    assert.deepEqual(reported('db.py', python), [`3:"${KEY_ID}" ${RULE}!`]);
    const js = sourceLines(
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      `const accessKeyId = '${KEY_ID}';`,
      `const secretAccessKey = '${SECRET}';`,
      'export const client = new DynamoDBClient({ credentials: { accessKeyId, secretAccessKey } });',
      'export function make({ accessKeyId, secretAccessKey }: { accessKeyId: string; secretAccessKey: string }) {',
      '  return new DynamoDBClient({ credentials: { accessKeyId, secretAccessKey } });',
      '}',
    );
    assert.deepEqual(reported('db.ts', js), [`2:'${KEY_ID}' ${RULE}!`]);
    const java = sourceLines(
      'import com.amazonaws.services.dynamodbv2.AmazonDynamoDBClientBuilder;',
      '@Configuration',
      'public class DynamoConfig {',
      '    @Value("${aws.accessKeyId}")',
      '    String fromProperties;',
      `    @Value("${KEY_ID}")`,
      '    String accessKey;',
      `    @Value("${SECRET}")`,
      '    String secretKey;',
      '    @Bean',
      '    public AmazonDynamoDB amazonDynamoDB() {',
      '        return AmazonDynamoDBClientBuilder.standard().withCredentials(new AWSStaticCredentialsProvider(new BasicAWSCredentials(accessKey, secretKey))).build();',
      '    }',
      '    AWSCredentials other() { return new BasicAWSCredentials(fromProperties, secretKey); }',
      '}',
    );
    assert.deepEqual(reported('DynamoConfig.java', java), [`6:"${KEY_ID}" ${RULE}!`, `8:"${SECRET}" ${RULE}!`]);
    const csharp = sourceLines(
      'using Amazon.DynamoDBv2;',
      'public class Store',
      '{',
      `    private const string AccessKey = "${KEY_ID}";`,
      `    private static readonly string SecretKey = "${SECRET}";`,
      '    private readonly AmazonDynamoDBClient _a = new AmazonDynamoDBClient(AccessKey, SecretKey, RegionEndpoint.USEast1);',
      '}',
    );
    assert.deepEqual(reported('Store.cs', csharp), [`4:"${KEY_ID}" ${RULE}!`]);
  });

  it('says nothing for placeholders, the documented example, environment reads, comments and policy strings', () => {
    const code = sourceLines(
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      `// ${KEY_ID} belongs to the deploy user`,
      "const a = new DynamoDBClient({ credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' } });",
      "const b = new DynamoDBClient({ credentials: { accessKeyId: '<your key>', secretAccessKey: 'xxx' } });",
      "const c = new DynamoDBClient({ credentials: { accessKeyId: '', secretAccessKey: '' } });",
      'const d = new DynamoDBClient({ credentials: { accessKeyId: process.env.AWS_ACCESS_KEY_ID!, secretAccessKey: secret } });',
      `const policy = '{"Condition": {"StringEquals": {"aws:userid": "${KEY_ID}"}}}';`,
      `const e = new DynamoDBClient({ credentials: { accessKeyId: \`${KEY_ID}\${suffix}\`, secretAccessKey: 'xxx' } });`,
    );
    assert.deepEqual(reported('db.ts', code), []);
  });

  it('says nothing in a file that points its clients at DynamoDB Local or LocalStack', () => {
    const code = sourceLines(
      'import boto3',
      'local = boto3.resource("dynamodb", endpoint_url="http://localhost:8000", aws_access_key_id="fakeMyKeyId", aws_secret_access_key="fakeSecretAccessKey")',
      `stack = boto3.client("dynamodb", aws_access_key_id="${KEY_ID}", aws_secret_access_key="local")`,
    );
    assert.deepEqual(reported('seed.py', code), []);
    const js = sourceLines(
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      `const client = new DynamoDBClient({ endpoint: 'http://dynamodb-local:8000', credentials: { accessKeyId: '${KEY_ID}', secretAccessKey: '${SECRET}' } });`,
    );
    assert.deepEqual(reported('local.ts', js), []);
  });

  it('says nothing where the file uses no DynamoDB, RDS or ElastiCache client', () => {
    const code = sourceLines(
      "import { S3Client } from '@aws-sdk/client-s3';",
      `const s3 = new S3Client({ credentials: { accessKeyId: '${KEY_ID}', secretAccessKey: '${SECRET}' } });`,
    );
    assert.deepEqual(reported('upload.ts', code), []);
    const python = sourceLines('import boto3', `s3 = boto3.client("s3", aws_access_key_id="${KEY_ID}", aws_secret_access_key="${SECRET}")`);
    assert.deepEqual(reported('upload.py', python), []);
  });

  it('is silenced by a suppression comment, and its hover shows the example of the file', () => {
    const suppressed = sourceLines(
      'import boto3',
      '# aws-db-hints-disable-next-line aws-literal-access-key',
      `ddb = boto3.client("dynamodb", aws_access_key_id="${KEY_ID}", aws_secret_access_key="${SECRET}")`,
    );
    assert.deepEqual(reported('db.py', suppressed), []);
    const python = sourceLines('import boto3', `ddb = boto3.client("dynamodb", aws_access_key_id="${KEY_ID}", aws_secret_access_key="${SECRET}")`);
    const hover = hoverAt('db.py', python, KEY_ID);
    assert.match(hover, /default credential\s+provider chain/);
    assert.match(hover, /```python\n# No keys: boto3's credential chain/);
    const terraform = sourceLines('provider "aws" {', `  access_key = "${KEY_ID}"`, `  secret_key = "${SECRET}"`, '}');
    assert.match(hoverAt('main.tf', terraform, KEY_ID), /```hcl\nprovider "aws" \{/);
  });
});
