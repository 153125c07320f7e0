/**
 * DynamoDB Accelerator (DAX) clients: drop-in replacements for the DynamoDB clients, with the same operations
 * and requests, so the engine reads them as DynamoDB clients of the same kinds (DynamoDB Developer Guide,
 * "Developing with the DynamoDB Accelerator (DAX) client": https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAX.client.html).
 * Each name counts only under its own package: nothing here is looked at in a file that imports none.
 */
import type { ClientKind } from './services';

/**
 * JavaScript: `amazon-dax-client` exports its `AmazonDaxClient` class as the module (`export =`), which
 * replaces SDK v2's `AWS.DynamoDB` (its README: https://www.npmjs.com/package/amazon-dax-client); the DAX SDK
 * for JavaScript v3 has the aggregated clients only: `Dax` (`@amazon-dax-sdk/client-dax`) for `DynamoDB`, and
 * `DaxDocument` (`@amazon-dax-sdk/lib-dax`), a subclass of lib-dynamodb's `DynamoDBDocument`
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAX.client.run-application-nodejs-3.html).
 */
export const DAX_JS_MODULES: Readonly<Record<string, string[]>> = {
  'amazon-dax-client': ['dynamodb'],
  '@amazon-dax-sdk/client-dax': ['dynamodb'],
  '@amazon-dax-sdk/lib-dax': ['dynamodb-document'],
};

/** What the v2 module gives as a whole (its default import and `require`). */
export const DAX_V2_MODULE = 'amazon-dax-client';
export const DAX_V2_CLASS = 'AmazonDaxClient';

export const DAX_JS_FACTORIES: Readonly<Record<string, ClientKind>> = {
  [DAX_V2_CLASS]: 'dynamodb',
  Dax: 'dynamodb',
  DaxDocument: 'dynamodb-document',
};

/**
 * Python (`amazondax`): `AmazonDaxClient(...)` is a low-level client with boto3's client methods, and
 * `AmazonDaxClient.resource(...)` a resource whose `Table(name)` is boto3's Table
 * (https://pypi.org/project/amazon-dax-client/).
 */
export function daxPythonClient(module: string, path: string): ClientKind | undefined {
  if (module !== 'amazondax') {
    return undefined;
  }
  return path === 'AmazonDaxClient' ? 'dynamodb' : path === 'AmazonDaxClient.resource' ? 'dynamodb-resource' : undefined;
}

/**
 * Java: the DAX client for SDK 1.x (`com.amazon.dax.client.dynamodbv2`: `AmazonDaxClientBuilder`,
 * `ClusterDaxClient`, which implement `AmazonDynamoDB`) and for SDK 2.x (`software.amazon.dax`:
 * `ClusterDaxAsyncClient`, a `DynamoDbAsyncClient`), both named apart from the control-plane `AmazonDaxClient`
 * of `com.amazonaws.services.dax` (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAX.client.html).
 */
export const DAX_JAVA_PACKAGE = /^(?:com\.amazon\.dax\.client\.dynamodbv2|software\.amazon\.dax)\b/;

export const DAX_TYPED_CLIENTS: Readonly<Record<string, ClientKind>> = {
  AmazonDaxClientBuilder: 'dynamodb',
  AmazonDaxAsyncClientBuilder: 'dynamodb',
  ClusterDaxClient: 'dynamodb',
  ClusterDaxAsyncClient: 'dynamodb',
};

/**
 * Go: `github.com/aws/aws-dax-go/dax` (SDK v1 style: `dax.New(cfg)`, `dax.NewWithSession(sess)`, a `*dax.Dax`
 * with `dynamodbiface.DynamoDBAPI`'s methods) and `github.com/aws/aws-dax-go-v2/dax` (SDK v2 style), both
 * package `dax` (https://github.com/aws/aws-dax-go, https://github.com/aws/aws-dax-go-v2).
 */
export const DAX_GO_PACKAGE = /^github\.com\/aws\/aws-dax-go(?:-v2)?\/dax$/;
export const DAX_GO_TYPES: readonly string[] = ['Dax'];
export const DAX_GO_FACTORIES: ReadonlySet<string> = new Set(['New', 'NewWithSession']);

/**
 * The DAX packages' own configurations, as shared as the SDK's (`handlerClients.ts`): `dax.DefaultConfig()` gives
 * the package defaults, v2's `dax.NewConfig(cfg, endpoint)` merges an SDK configuration into them.
 */
export const DAX_GO_CONFIG_LOADS: readonly (readonly [string, string, string, boolean])[] = [
  ['github.com/aws/aws-dax-go/dax', 'dax', 'DefaultConfig', false],
  ['github.com/aws/aws-dax-go-v2/dax', 'dax', 'DefaultConfig', false],
  ['github.com/aws/aws-dax-go-v2/dax', 'dax', 'NewConfig', false],
];
