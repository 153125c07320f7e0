/**
 * CDK: Lambda functions a stack makes through a helper of its own, once per call (`this.createLambda('GetOrder',
 * 'get.handler', env)`), with the call's arguments in place of the helper's parameters, and environments a
 * function takes by the name of an object literal in scope (`environment: env`).
 */
import * as assert from 'node:assert/strict';
import { contributionOf } from './support';

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

describe('CDK Lambda factories', () => {
  it('reads an environment a function takes by the name of an object literal, as its own scope binds it', () => {
    const text = lines(
      "import * as lambda from 'aws-cdk-lib/aws-lambda';",
      "import * as rds from 'aws-cdk-lib/aws-rds';",
      'export class Api extends Stack {',
      '  constructor(scope, id) {',
      '    super(scope, id);',
      "    const db = new rds.DatabaseInstance(this, 'Db', { engine: rds.DatabaseInstanceEngine.POSTGRES });",
      "    const env = { DB_HOST: db.dbInstanceEndpointAddress, STAGE: 'prod' };",
      "    new lambda.Function(this, 'Orders', { code: lambda.Code.fromAsset('orders'), handler: 'app.handler', environment: env });",
      "    new lambda.Function(this, 'Later', { code: lambda.Code.fromAsset('later'), handler: 'app.handler', environment: shared });",
      '  }',
      '}',
    );
    const [orders, later] = contributionOf('lib/api.ts', text)!.functions;
    assert.deepEqual(orders.environment, { DB_HOST: { kind: 'rds-endpoint' }, STAGE: { kind: 'literal', value: 'prod' } });
    assert.equal(orders.environmentUnreadable, undefined);
    assert.equal(later.environmentUnreadable, true);
  });

  it('makes one function per call of a method or arrow that builds it from its parameters, also through another helper', () => {
    const text = lines(
      "import * as path from 'path';",
      "import * as lambda from 'aws-cdk-lib/aws-lambda';",
      "import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';",
      'export class Shop extends Stack {',
      '  constructor(scope, id) {',
      '    super(scope, id);',
      "    const env = { STAGE: 'prod' };",
      "    this.integration('ListOrders', '/orders/list.ts', env);",
      "    this.integration('GetOrder', '/orders/get.ts', { STAGE: 'test' });",
      "    this.fromAsset('Reports', 'reports.handler');",
      "    makeWorker(this, 'Sweeper', 'sweeper');",
      '  }',
      '  integration(name: string, entry: string, environment: { [key: string]: string }): api.LambdaIntegration {',
      '    return new api.LambdaIntegration(this.nodeFunction(name, entry, environment));',
      '  }',
      '  nodeFunction(name: string, entry: string, environment: { [key: string]: string }): NodejsFunction {',
      '    return new NodejsFunction(this, name, { entry: path.join(__dirname, `/../services/${entry}`), environment });',
      '  }',
      '  fromAsset(name: string, handler: string): lambda.Function {',
      "    return new lambda.Function(this, name, { code: lambda.Code.fromAsset(path.join(__dirname, '../assets')), handler });",
      '  }',
      '}',
      'const makeWorker = (scope, name, folder) => {',
      '  return new lambda.Function(scope, name, { code: lambda.Code.fromAsset(`workers/${folder}`), handler: `${folder}.handler` });',
      '};',
    );
    const functions = contributionOf('infra/lib/shop.ts', text)!.functions;
    assert.deepEqual(
      functions.map((fn) => [fn.logicalName, fn.codePaths, fn.codePathsFromApp, fn.handler, fn.environment]),
      [
        ['ListOrders', ['infra/services/orders/list.ts'], undefined, 'handler', { STAGE: { kind: 'literal', value: 'prod' } }],
        ['GetOrder', ['infra/services/orders/get.ts'], undefined, 'handler', { STAGE: { kind: 'literal', value: 'test' } }],
        ['Reports', ['infra/assets'], undefined, 'reports.handler', {}],
        ['Sweeper', [], ['workers/sweeper'], 'sweeper.handler', {}],
      ],
    );
  });

  it('reads a block a statement opens (`if (folder) {`) as no helper, whatever else the file writes with that word', () => {
    const text = lines(
      "import * as lambda from 'aws-cdk-lib/aws-lambda';",
      'export class Api extends Stack {',
      '  constructor(scope, id, folder) {',
      '    super(scope, id);',
      '    if (folder) {',
      "      new lambda.Function(this, 'Orders', { code: lambda.Code.fromAsset(folder), handler: 'app.handler' });",
      '    }',
      "    if ('legacy') {",
      '      return;',
      '    }',
      '  }',
      '}',
    );
    const functions = contributionOf('lib/api.ts', text)!.functions;
    assert.deepEqual(functions.map((fn) => [fn.logicalName, fn.codePaths, fn.codePathsFromApp]), [['Orders', [], undefined]]);
  });

  it('keeps one function for a helper no call in the file passes anything to, and for a constructor', () => {
    const text = lines(
      "import * as lambda from 'aws-cdk-lib/aws-lambda';",
      'export function orders(scope, table) {',
      "  return new lambda.Function(scope, 'Orders', { code: lambda.Code.fromAsset('orders'), handler: 'app.handler', environment: { TABLE: table.tableName } });",
      '}',
      'export class Worker extends Construct {',
      '  constructor(scope, id, props) {',
      '    super(scope, id);',
      "    new lambda.Function(this, 'Fn', { code: lambda.Code.fromAsset(props.folder), handler: 'app.handler' });",
      '  }',
      '}',
      "new Worker(app, 'W', { folder: 'worker' });",
    );
    assert.deepEqual(contributionOf('lib/orders.ts', text)!.functions.map((fn) => fn.logicalName), ['Orders', 'Fn']);
  });
});
