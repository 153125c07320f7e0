/**
 * Module-level CDK functions that make a construct from a member of an argument (`export const createCache = ({ scope,
 * cacheProps }) => { new CfnReplicationGroup(stack, id, { ...cacheProps, cacheSubnetGroupName }) }`, `function
 * makeDatabase(scope, props) { new rds.DatabaseInstance(scope, 'Db', props.database) }`): a call in another file
 * writes those props at the member, judged there, but for those the function writes after its spread. What must stay
 * silent: keys written after the spread, a second spread, a member spread into two constructs, another member, a
 * value the call does not write as an object, a local function of the same name, and the call without the workspace.
 * A function of the call's own file is read the same way.
 */
import * as assert from 'node:assert/strict';
import { contributionOf, hintsOfFile } from './support';

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

function cacheFactory(props: string, extra = ''): string {
  return lines(
    "import * as cdk from 'aws-cdk-lib';",
    "import * as ec2 from 'aws-cdk-lib/aws-ec2';",
    "import * as elasticache from 'aws-cdk-lib/aws-elasticache';",
    '',
    'export const createCache = ({',
    '  app,',
    '  cacheName,',
    '  cacheProperties,',
    '  vpc,',
    '}: {',
    '  app: cdk.App;',
    '  cacheName: string;',
    '  cacheProperties: elasticache.CfnReplicationGroupProps;',
    '  vpc: ec2.IVpc;',
    '}) => {',
    '  const stack = new cdk.Stack(app, cacheName);',
    "  const subnets = new elasticache.CfnSubnetGroup(stack, 'Subnets', { description: cacheName, subnetIds: vpc.privateSubnets.map((s) => s.subnetId) });",
    "  const group = new elasticache.CfnReplicationGroup(stack, 'Group', {",
    `    ${props}`,
    '  });',
    extra,
    '  return group;',
    '};',
    '',
    'export function makeDatabase(scope: cdk.Stack, props: { database: any; label: string }) {',
    "  return new elasticache.CfnCacheCluster(scope, 'Sessions', props.database);",
    '}',
  );
}

const APP = lines(
  "import * as cdk from 'aws-cdk-lib';",
  "import * as ec2 from 'aws-cdk-lib/aws-ec2';",
  "import { createCache, makeDatabase } from '../lib/cache-factory';",
  '',
  'const app = new cdk.App();',
  "const vpc = ec2.Vpc.fromLookup(new cdk.Stack(app, 'Net'), 'Vpc', { isDefault: true });",
  'createCache({',
  '  app,',
  "  cacheName: 'orders-cache',",
  '  vpc,',
  '  cacheProperties: {',
  "    cacheNodeType: 'cache.t4g.small',",
  "    engine: 'redis',",
  '    transitEncryptionEnabled: false,',
  '    atRestEncryptionEnabled: false,',
  "    replicationGroupDescription: 'orders',",
  '  },',
  '});',
  "const sessions = { engine: 'redis', cacheNodeType: 'cache.t4g.micro', numCacheNodes: 1, transitEncryptionEnabled: false };",
  "makeDatabase(new cdk.Stack(app, 'Sessions'), { label: 'sessions', database: sessions });",
);

const FACTORY_FILE = 'lib/cache-factory.ts';
const APP_FILE = 'bin/app.ts';

/** The findings of the app file, each as its line and rule. */
const findings = (files: Record<string, string>): string[] =>
  hintsOfFile(files, APP_FILE)
    .filter((hint) => hint.endsWith('!'))
    .map((hint) => `${hint.slice(0, hint.indexOf(':'))} ${hint.slice(hint.lastIndexOf(' ') + 1)}`);

describe('CDK functions that make a construct from a member of an argument', () => {
  it('records the member, its argument, the construct and the keys written after the spread', () => {
    assert.deepEqual(contributionOf(FACTORY_FILE, cacheFactory('...cacheProperties, cacheSubnetGroupName: subnets.ref, transitEncryptionEnabled: true,'))?.cdkWrappedProps, {
      createCache: { member: 'cacheProperties', position: 0, construct: 'aws_elasticache.CfnReplicationGroup', overridden: ['cachesubnetgroupname', 'transitencryptionenabled'] },
      makeDatabase: { member: 'database', position: 1, construct: 'aws_elasticache.CfnCacheCluster', overridden: [] },
    });
  });

  it('judges the props a call writes at the member where they are written, in place or held by a name', () => {
    const files = { [FACTORY_FILE]: cacheFactory('...cacheProperties, cacheSubnetGroupName: subnets.ref,'), [APP_FILE]: APP };
    assert.deepEqual(findings(files), ['14 elasticache-transit-encryption!', '15 elasticache-at-rest-encryption!', '19 elasticache-standalone-redis-tls!']);
    const hovers = hintsOfFile(files, APP_FILE).filter((hint) => !hint.endsWith('!'));
    assert.ok(hovers.includes('12:cacheNodeType elasticache-node-type'), hovers.join('\n'));
    assert.ok(hovers.includes('13:engine elasticache-engine'), hovers.join('\n'));
  });

  it('leaves out the keys the function writes after the spread, which win', () => {
    const files = { [FACTORY_FILE]: cacheFactory('...cacheProperties, transitEncryptionEnabled: true,'), [APP_FILE]: APP };
    assert.deepEqual(findings(files), ['15 elasticache-at-rest-encryption!', '19 elasticache-standalone-redis-tls!']);
  });

  it('stays silent where the member may not reach the construct as written', () => {
    const shapes = ['...cacheProperties, ...overrides,', '...(cacheProperties ?? {}),', '...cacheName,', '...Object.assign({}, cacheProperties),'];
    for (const props of shapes) {
      const found = findings({ [FACTORY_FILE]: cacheFactory(props), [APP_FILE]: APP }).filter((finding) => !finding.startsWith('19 '));
      assert.deepEqual(found, [], props);
    }
    const shadowed = lines(
      "import * as cdk from 'aws-cdk-lib';",
      "import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';",
      'export function makeTables(stack: cdk.Stack, props: dynamodb.TableProps, extra: dynamodb.TableProps[]) {',
      "  extra.forEach((props: dynamodb.TableProps): dynamodb.Table => new dynamodb.Table(stack, 'Extra', props));",
      '}',
      'export function makeCopies(stack: cdk.Stack, props: dynamodb.TableProps) {',
      '  const props2 = props;',
      '  for (const props of [props2]) {',
      "    new dynamodb.Table(stack, 'Copy', { ...props });",
      '  }',
      '}',
    );
    assert.equal(contributionOf(FACTORY_FILE, shadowed)?.cdkWrappedProps, undefined, 'a nested parameter or local of the same name');
    const twice = cacheFactory('...cacheProperties,', "  new elasticache.CfnReplicationGroup(stack, 'Replica', { ...cacheProperties });");
    assert.deepEqual(findings({ [FACTORY_FILE]: twice, [APP_FILE]: APP }).filter((finding) => !finding.startsWith('19 ')), [], 'one member, two constructs');
    assert.deepEqual(findings({ [APP_FILE]: APP }), [], 'the function is not in the workspace');
  });

  it('reads a call of a function of the same file the same way', () => {
    const stack = lines(
      "import * as cdk from 'aws-cdk-lib';",
      "import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';",
      "import { Construct } from 'constructs';",
      '',
      'function makeTable(scope: Construct, id: string, props: dynamodb.TableProps) {',
      '  return new dynamodb.Table(scope, id, { ...props, billingMode: dynamodb.BillingMode.PAY_PER_REQUEST });',
      '}',
      '',
      'export class DataStack extends cdk.Stack {',
      '  constructor(scope: Construct, id: string) {',
      '    super(scope, id);',
      "    makeTable(this, 'Orders', {",
      "      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },",
      '      removalPolicy: cdk.RemovalPolicy.DESTROY,',
      '      billingMode: dynamodb.BillingMode.PROVISIONED,',
      '    });',
      '  }',
      '}',
    );
    const hints = hintsOfFile({ 'lib/data-stack.ts': stack }, 'lib/data-stack.ts');
    assert.ok(hints.includes('14:removalPolicy dynamodb-removal-policy!'), hints.join('\n'));
    assert.ok(hints.includes('13:partitionKey dynamodb-key-schema'), hints.join('\n'));
    assert.ok(!hints.some((hint) => hint.startsWith('15:')), hints.join('\n'));
  });

  it('says nothing of a local function of the same name, or of a member the call does not write as an object', () => {
    const local = lines(
      "import { settings } from '../config';",
      'function createCache(options: { cacheProperties: object }) { return options; }',
      "createCache({ cacheProperties: { engine: 'redis', transitEncryptionEnabled: false } });",
    );
    const factory = cacheFactory('...cacheProperties,');
    assert.deepEqual(hintsOfFile({ [FACTORY_FILE]: factory, [APP_FILE]: local }, APP_FILE), []);
    const passedOn = lines(
      "import * as cdk from 'aws-cdk-lib';",
      "import { createCache } from '../lib/cache-factory';",
      "import { settings } from '../config';",
      'createCache({ app: new cdk.App(), cacheName: "c", vpc: settings.vpc, cacheProperties: settings.cache });',
    );
    assert.deepEqual(hintsOfFile({ [FACTORY_FILE]: factory, [APP_FILE]: passedOn }, APP_FILE), []);
  });
});
