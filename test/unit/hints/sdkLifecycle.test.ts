/** The `aws-sdk-end-of-support` rule: older SDK imports per language, precision traps, and the dated SDK lifecycle table. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { compileHintRules } from '../../../src/content/compiler/compileHintRules';
import { compileSdkLifecycle, SDK_LIFECYCLE_FILE } from '../../../src/content/compiler/compileSdkLifecycle';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { sdkPhase } from '../../../src/hints/engine/checks/sdkLifecycle';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { HintRule, SdkLifecycle } from '../../../src/hints/engine/types';
import { hoverMarkdown } from '../../../src/hints/hoverMarkdown';
import { realHintRules, sourceLines } from './support';

const RULE = 'aws-sdk-end-of-support';

/** `line:text service` for each finding of the rule, and whether the rule's hover sits on exactly those places. */
function findings(fileName: string, code: string, rules: readonly HintRule[] = realHintRules()): string[] {
  const result = analyzeText(code, rules, { kind: documentKind(undefined, fileName)!, fileName });
  const mine = result.findings.filter((finding) => finding.ruleId === RULE);
  const sites = result.sites.filter((site) => site.ruleIds.includes(RULE)).map((site) => `${site.start}-${site.end}`);
  assert.deepEqual(sites, mine.map((finding) => `${finding.start}-${finding.end}`), 'the hover is where the finding is, and only there');
  return mine.map((finding) => `${result.lines.lineOf(finding.start) + 1}:${code.slice(finding.start, finding.end)} ${finding.service ?? 'dynamodb'}`);
}

describe('aws-sdk-end-of-support', () => {
  describe('JavaScript and TypeScript (SDK v2)', () => {
    it('flags the aws-sdk import of a file that reaches DynamoDB, RDS or ElastiCache through it', () => {
      assert.deepEqual(findings('a.ts', sourceLines("import AWS from 'aws-sdk';", 'const db = new AWS.DynamoDB.DocumentClient();')), ['1:aws-sdk dynamodb']);
      assert.deepEqual(findings('a.js', sourceLines("const AWS = require('aws-sdk');", 'const rds = new AWS.RDS();')), ['1:aws-sdk rds']);
      assert.deepEqual(findings('a.ts', sourceLines("import * as AWS from 'aws-sdk';", 'export const cache = new AWS.ElastiCache({});')), ['1:aws-sdk elasticache']);
      assert.deepEqual(findings('a.ts', sourceLines("import { DynamoDB } from 'aws-sdk';", 'const db = new DynamoDB();')), ['1:aws-sdk dynamodb']);
      assert.deepEqual(findings('a.js', sourceLines("const { RDS } = require('aws-sdk');")), ['1:aws-sdk rds']);
      assert.deepEqual(findings('a.js', sourceLines("const db = new (require('aws-sdk').DynamoDB)();")), ['1:aws-sdk dynamodb']);
      // The RDS Data API's client, on the root module and as its own module.
      assert.deepEqual(findings('a.js', sourceLines("const AWS = require('aws-sdk');", 'const data = new AWS.RDSDataService();')), ['1:aws-sdk rds']);
      assert.deepEqual(findings('a.ts', sourceLines("import RDSDataService from 'aws-sdk/clients/rdsdataservice';")), ['1:aws-sdk/clients/rdsdataservice rds']);
    });

    it('flags the per-service client modules, once per file', () => {
      assert.deepEqual(findings('a.ts', sourceLines("import DynamoDB from 'aws-sdk/clients/dynamodb';", "import RDS from 'aws-sdk/clients/rds';")), [
        '1:aws-sdk/clients/dynamodb dynamodb',
      ]);
      assert.deepEqual(findings('a.js', sourceLines("const { DocumentClient } = require('aws-sdk/clients/dynamodb');")), ['1:aws-sdk/clients/dynamodb dynamodb']);
      assert.deepEqual(findings('a.js', sourceLines("require('aws-sdk/clients/elasticache');")), ['1:aws-sdk/clients/elasticache elasticache']);
    });

    it('leaves v3, other services, strings and comments alone', () => {
      assert.deepEqual(findings('a.ts', sourceLines("import { DynamoDBClient } from '@aws-sdk/client-dynamodb';", 'const db = new DynamoDBClient({});')), []);
      assert.deepEqual(findings('a.js', sourceLines("const AWS = require('aws-sdk');", 'const s3 = new AWS.S3();', 'const DynamoDB = 1;')), []);
      assert.deepEqual(findings('a.ts', sourceLines("import S3 from 'aws-sdk/clients/s3';", 'new S3();')), []);
      assert.deepEqual(
        findings('a.ts', sourceLines("import { DynamoDBClient } from '@aws-sdk/client-dynamodb';", "// migrated from require('aws-sdk') and AWS.DynamoDB", "const note = 'aws-sdk';")),
        [],
      );
      // `x.AWS.DynamoDB` is some other object's member, not the aws-sdk binding.
      assert.deepEqual(findings('a.js', sourceLines("const AWS = require('aws-sdk');", 'const s3 = new AWS.S3();', 'const t = config.AWS.DynamoDB;')), []);
    });

    it('does not read package.json', () => {
      assert.equal(documentKind(undefined, 'package.json') === 'javascript', false);
      const result = analyzeText('{ "dependencies": { "aws-sdk": "^2.1692.0" } }', realHintRules(), { kind: 'json', fileName: 'package.json' });
      assert.deepEqual(result.findings.filter((finding) => finding.ruleId === RULE), []);
    });
  });

  describe('Java (SDK 1.x)', () => {
    it('flags the first import of a DynamoDB, RDS or ElastiCache 1.x package', () => {
      assert.deepEqual(
        findings(
          'Repo.java',
          sourceLines(
            'package app;',
            'import java.util.List;',
            'import com.amazonaws.services.dynamodbv2.AmazonDynamoDB;',
            'import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapper;',
            'class Repo {}',
          ),
        ),
        ['3:com.amazonaws.services.dynamodbv2.AmazonDynamoDB dynamodb'],
      );
      assert.deepEqual(findings('Db.java', sourceLines('import com.amazonaws.services.rds.*;', 'class Db {}')), ['1:com.amazonaws.services.rds.* rds']);
      // The RDS Data API's 1.x client, which the Data API rules read (Aurora's, so RDS).
      assert.deepEqual(findings('Data.java', sourceLines('import com.amazonaws.services.rdsdata.AWSRDSData;')), ['1:com.amazonaws.services.rdsdata.AWSRDSData rds']);
      assert.deepEqual(findings('C.java', sourceLines('import static com.amazonaws.services.elasticache.model.SourceType.CacheCluster;')), [
        '1:com.amazonaws.services.elasticache.model.SourceType.CacheCluster elasticache',
      ]);
    });

    it('leaves SDK 2.x, other 1.x services and look-alike packages alone', () => {
      assert.deepEqual(findings('A.java', sourceLines('import software.amazon.awssdk.services.dynamodb.DynamoDbClient;')), []);
      assert.deepEqual(findings('A.java', sourceLines('import com.amazonaws.services.s3.AmazonS3;', 'import com.amazonaws.auth.AWSCredentials;')), []);
      assert.deepEqual(findings('A.java', sourceLines('import com.amazonaws.services.rdsdatabase.Thing;')), []);
      assert.deepEqual(findings('A.java', sourceLines('// import com.amazonaws.services.dynamodbv2.AmazonDynamoDB;', 'String s = "com.amazonaws.services.rds";')), []);
    });

    it('leaves the DynamoDB lock client alone: its classes sit in the 1.x packages but it is built on SDK 2.x', () => {
      const lockClient = sourceLines(
        'import com.amazonaws.services.dynamodbv2.AmazonDynamoDBLockClient;',
        'import com.amazonaws.services.dynamodbv2.AmazonDynamoDBLockClientOptions;',
        'import com.amazonaws.services.dynamodbv2.model.LockNotGrantedException;',
        'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;',
      );
      assert.deepEqual(findings('A.java', lockClient), []);
      assert.equal(findings('A.java', sourceLines('import com.amazonaws.services.dynamodbv2.LockItem;', 'import com.amazonaws.services.dynamodbv2.AmazonDynamoDB;')).length, 1);
    });
  });

  describe('Kotlin (SDK for Java 1.x)', () => {
    it('flags the first import of a DynamoDB, RDS or ElastiCache 1.x package, written without a semicolon', () => {
      assert.deepEqual(
        findings(
          'OrderDao.kt',
          sourceLines(
            'package shop.orders',
            '',
            'import java.time.Instant',
            'import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapper',
            'import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBScanExpression',
            '',
            'class OrderDao(private val mapper: DynamoDBMapper) {',
            '    fun all(): List<Order> = mapper.scan(Order::class.java, DynamoDBScanExpression())',
            '}',
          ),
        ),
        ['4:com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapper dynamodb'],
      );
      // An entity class, a wildcard import and an alias all name the 1.x packages.
      assert.deepEqual(findings('Order.kt', sourceLines('import com.amazonaws.services.dynamodbv2.datamodeling.*', '', '@DynamoDBTable(tableName = "orders")', 'data class Order(var id: String? = null)')), [
        '1:com.amazonaws.services.dynamodbv2.datamodeling.* dynamodb',
      ]);
      assert.deepEqual(findings('Config.kts', sourceLines('import com.amazonaws.services.rds.auth.RdsIamAuthTokenGenerator as TokenGenerator')), [
        '1:com.amazonaws.services.rds.auth.RdsIamAuthTokenGenerator rds',
      ]);
    });

    it('leaves SDK 2.x, other 1.x services, comments and strings alone', () => {
      assert.deepEqual(findings('A.kt', sourceLines('import software.amazon.awssdk.services.dynamodb.DynamoDbClient', 'import com.amazonaws.services.s3.AmazonS3')), []);
      assert.deepEqual(findings('A.kt', sourceLines('// import com.amazonaws.services.dynamodbv2.AmazonDynamoDB', 'val pkg = "com.amazonaws.services.rds"')), []);
      assert.deepEqual(findings('A.kt', sourceLines('import com.amazonaws.services.dynamodbv2.AmazonDynamoDBLockClient')), []);
    });
  });

  describe('Go (SDK v1)', () => {
    it('flags the first v1 service package import, subpackages included', () => {
      assert.deepEqual(
        findings(
          'repo.go',
          sourceLines(
            'package repo',
            'import (',
            '\t"context"',
            '\t"github.com/aws/aws-sdk-go/aws/session"',
            '\tattr "github.com/aws/aws-sdk-go/service/dynamodb/dynamodbattribute"',
            '\t"github.com/aws/aws-sdk-go/service/dynamodb"',
            ')',
          ),
        ),
        ['5:github.com/aws/aws-sdk-go/service/dynamodb/dynamodbattribute dynamodb'],
      );
      assert.deepEqual(findings('db.go', sourceLines('package db', 'import "github.com/aws/aws-sdk-go/service/rds"')), ['2:github.com/aws/aws-sdk-go/service/rds rds']);
      assert.deepEqual(findings('c.go', sourceLines('package c', 'import ec "github.com/aws/aws-sdk-go/service/elasticache"')), [
        '2:github.com/aws/aws-sdk-go/service/elasticache elasticache',
      ]);
    });

    it('leaves v2, other services and strings alone', () => {
      assert.deepEqual(findings('a.go', sourceLines('package a', 'import "github.com/aws/aws-sdk-go-v2/service/dynamodb"')), []);
      assert.deepEqual(findings('a.go', sourceLines('package a', 'import (', '\t"github.com/aws/aws-sdk-go/service/s3"', '\t"github.com/aws/aws-sdk-go/service/dynamodbstreams"', ')')), []);
      assert.deepEqual(findings('a.go', sourceLines('package a', 'var p = "github.com/aws/aws-sdk-go/service/dynamodb"')), []);
    });
  });

  it('names the service in the CLI-facing finding only where it differs from the rule home', () => {
    const result = analyzeText("import DynamoDB from 'aws-sdk/clients/dynamodb';\n", realHintRules(), { kind: 'typescript', fileName: 'a.ts' });
    const finding = result.findings.find((candidate) => candidate.ruleId === RULE);
    assert.equal(finding?.severity, 'information');
    assert.equal(finding?.service, undefined);
    assert.match(finding?.message ?? '', /JavaScript v2 \(aws-sdk\) reached end-of-support on 2025-09-08.*AWS SDK for JavaScript v3/);
  });

  it("heads the hover with the imported client's service, not the rule's home", () => {
    const rules = realHintRules();
    const result = analyzeText("import RDS from 'aws-sdk/clients/rds';\n", rules, { kind: 'typescript', fileName: 'a.ts' });
    const site = result.sites.find((candidate) => candidate.ruleIds.includes(RULE));
    assert.equal(site?.service, 'rds');
    const labels = { service: { dynamodb: 'Amazon DynamoDB', rds: 'Amazon RDS', elasticache: 'Amazon ElastiCache' }, openNote: (title: string) => title, documentation: 'Docs', disable: 'Disable', controls: 'Controls', javaExample: 'Java' };
    const markdown = hoverMarkdown(rules.filter((rule) => rule.id === RULE), { language: 'typescript', origin: site!.origin, service: site!.service }, labels, { openNote: 'open', disableRule: 'disable' });
    assert.match(markdown, /^\*\*AWS SDK major version past end-of-support\*\* · Amazon RDS/);
  });
});

describe('SDK lifecycle table', () => {
  const PHASES = { name: 'The SDK', maintenance: '2024-07-31', endOfSupport: '2025-07-31', migrateTo: 'v2' };
  const on = (builtOn: string): SdkLifecycle => ({ builtOn, sdks: { 'aws-sdk-go-v1': PHASES } });

  it('compares the phase dates with the build date: nothing, then maintenance mode, then end-of-support', () => {
    assert.equal(sdkPhase(on('2024-07-30'), 'aws-sdk-go-v1'), undefined);
    assert.equal(sdkPhase(on('2024-07-31'), 'aws-sdk-go-v1')?.phase, 'maintenance');
    assert.equal(sdkPhase(on('2025-07-30'), 'aws-sdk-go-v1')?.phase, 'maintenance');
    assert.equal(sdkPhase(on('2025-07-31'), 'aws-sdk-go-v1')?.phase, 'end-of-support');
    assert.equal(sdkPhase(on('2030-01-01'), 'aws-sdk-java-v1'), undefined, 'an SDK the table does not list');
  });

  it('gives the same findings for the same input whatever the day, from the build date only', () => {
    const rules = realHintRules().map((rule) =>
      rule.id === RULE && rule.diagnostic?.sdkLifecycle ? { ...rule, diagnostic: { ...rule.diagnostic, sdkLifecycle: { ...rule.diagnostic.sdkLifecycle, builtOn: '2025-01-15' } } } : rule,
    );
    const code = sourceLines('package a', 'import "github.com/aws/aws-sdk-go/service/dynamodb"');
    const result = analyzeText(code, rules, { kind: 'go', fileName: 'a.go' });
    const messages = result.findings.filter((finding) => finding.ruleId === RULE).map((finding) => finding.message);
    assert.equal(messages.length, 1);
    assert.match(messages[0], /maintenance mode since 2024-07-31.*end-of-support on 2025-07-31/);
    const before = rules.map((rule) =>
      rule.id === RULE && rule.diagnostic?.sdkLifecycle ? { ...rule, diagnostic: { ...rule.diagnostic, sdkLifecycle: { ...rule.diagnostic.sdkLifecycle, builtOn: '2024-01-01' } } } : rule,
    );
    assert.deepEqual(findings('a.go', code, before), []);
  });

  it('compiles the repository table into the rule with the build date', () => {
    const lifecycle = realHintRules().find((rule) => rule.id === RULE)?.diagnostic?.sdkLifecycle;
    assert.ok(lifecycle);
    assert.match(lifecycle.builtOn, /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(lifecycle.sdks['aws-sdk-js-v2']?.endOfSupport, '2025-09-08');
    assert.equal(lifecycle.sdks['aws-sdk-java-v1']?.endOfSupport, '2025-12-31');
    assert.equal(lifecycle.sdks['aws-sdk-go-v1']?.endOfSupport, '2025-07-31');
  });

  describe('validation', () => {
    let root: string;
    beforeEach(() => {
      root = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-db-sdk-lifecycle-'));
      fs.mkdirSync(path.join(root, 'hints'));
    });
    afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

    const write = (yaml: string): void => fs.writeFileSync(path.join(root, 'hints', SDK_LIFECYCLE_FILE), yaml);
    const table = (maintenance: string, endOfSupport: string, source = 'https://docs.aws.amazon.com/sdkref/latest/guide/version-support-matrix.html', sdk = 'aws-sdk-go-v1') =>
      `verified: "2026-12-01"\nsdks:\n  ${sdk}:\n    name: Go v1\n    maintenance: "${maintenance}"\n    endOfSupport: "${endOfSupport}"\n    migrateTo: Go v2\n    sources: [${source}]\n`;

    it('accepts a well-formed table and rejects bad dates, order, sources and SDKs', () => {
      write(table('2024-07-31', '2025-07-31'));
      assert.deepEqual(compileSdkLifecycle(root, '2026-12-01'), {
        lifecycle: { builtOn: '2026-12-01', sdks: { 'aws-sdk-go-v1': { name: 'Go v1', maintenance: '2024-07-31', endOfSupport: '2025-07-31', migrateTo: 'Go v2' } } },
        errors: [],
      });
      write(table('2024-02-30', '2025-07-31'));
      assert.match(compileSdkLifecycle(root, '2026-12-01').errors.join('\n'), /must be YYYY-MM-DD strings/);
      write(table('2025-08-01', '2025-07-31'));
      assert.match(compileSdkLifecycle(root, '2026-12-01').errors.join('\n'), /must not come after/);
      write(table('2024-07-31', '2025-07-31', 'https://example.com/post'));
      assert.match(compileSdkLifecycle(root, '2026-12-01').errors.join('\n'), /'sources' must list AWS pages/);
      write(table('2024-07-31', '2025-07-31', undefined, 'aws-sdk-ruby-v2'));
      assert.match(compileSdkLifecycle(root, '2026-12-01').errors.join('\n'), /sdk 'aws-sdk-ruby-v2' is not one of/);
    });

    it('is not read as a rule file, and the rule fails the build without it', () => {
      write(table('2024-07-31', '2025-07-31'));
      const rule = `- id: aws-sdk-end-of-support
  service: dynamodb
  title: Old SDK
  languages: [go]
  match:
    sdkImports: [aws-sdk-go-v1]
    reportedOnly: true
  hover: Old.
  examples:
    go: client := dynamodb.NewFromConfig(cfg)
  doc: https://docs.aws.amazon.com/sdkref/latest/guide/maint-policy.html
  note: general-sdk-lifecycle
  diagnostic:
    check: sdk-past-end-of-support
    severity: information
    message: Old SDK.
`;
      fs.writeFileSync(path.join(root, 'hints', 'sdk.yaml'), rule);
      const notes = [{ id: 'general-sdk-lifecycle', title: 'SDK lifecycle' }];
      const compiled = compileHintRules(root, notes, '2026-12-01');
      assert.deepEqual(compiled.errors, []);
      assert.equal(compiled.rules[0].diagnostic?.sdkLifecycle?.builtOn, '2026-12-01');
      fs.writeFileSync(path.join(root, 'hints', 'sdk.yaml'), rule.replace('languages: [go]', 'languages: [go, python]'));
      assert.match(compileHintRules(root, notes, '2026-12-01').errors.map((error) => error.message).join('\n'), /lists 'python' but its match has nothing/);
      fs.writeFileSync(path.join(root, 'hints', 'sdk.yaml'), rule);
      fs.rmSync(path.join(root, 'hints', SDK_LIFECYCLE_FILE));
      assert.match(compileHintRules(root, notes, '2026-12-01').errors.map((error) => error.message).join('\n'), /needs sdk-lifecycle\.yaml/);
    });
  });
});
