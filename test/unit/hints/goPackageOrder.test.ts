/**
 * Go's package block: a package-level variable made by a function declared further down the file is
 * that function's client, as the language resolves package-level names whatever their order; a name
 * bound only inside a function stays out of reach of the package's declarations.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const cacheFile = (maker: string[]): string =>
  sourceLines(
    'package cache',
    '',
    'import (',
    '\t"context"',
    '',
    '\t"github.com/redis/go-redis/v9"',
    ')',
    '',
    'var Rdb = GetClient()',
    '',
    ...maker,
    '',
    'func SessionKeys(ctx context.Context) []string {',
    '\treturn Rdb.Keys(ctx, "session:*").Val()',
    '}',
  );

describe('Go package-level names declared in any order', () => {
  it('reads a package variable that a function further down makes', () => {
    const code = cacheFile(['func GetClient() *redis.Client {', '\treturn redis.NewClient(&redis.Options{Addr: "cache:6379"})', '}']);
    assert.deepEqual(hintsIn('cache.go', code), ['16:Keys redis-keys', '16:Keys redis-keys!']);
  });

  it('reads a DynamoDB client a later constructor function makes, for an unpaginated Scan', () => {
    const code = sourceLines(
      'package store',
      '',
      'import (',
      '\t"context"',
      '',
      '\t"github.com/aws/aws-sdk-go-v2/aws"',
      '\t"github.com/aws/aws-sdk-go-v2/config"',
      '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
      ')',
      '',
      'var db = newClient()',
      '',
      'func AllOrders(ctx context.Context) (*dynamodb.ScanOutput, error) {',
      '\treturn db.Scan(ctx, &dynamodb.ScanInput{TableName: aws.String("orders")})',
      '}',
      '',
      'func newClient() *dynamodb.Client {',
      '\tcfg, _ := config.LoadDefaultConfig(context.Background())',
      '\treturn dynamodb.NewFromConfig(cfg)',
      '}',
    );
    const scan = hintsIn('store.go', code).filter((hint) => hint.startsWith('14:Scan'));
    assert.ok(scan.includes('14:Scan dynamodb-scan'), scan.join(', '));
    assert.ok(scan.some((hint) => hint.endsWith('!')), `a finding on the one-page Scan: ${scan.join(', ')}`);
  });

  it('does not reach a name bound only inside a function', () => {
    const code = cacheFile(['func main() {', '\tGetClient := func() *redis.Client { return redis.NewClient(&redis.Options{}) }', '\t_ = GetClient', '}']);
    assert.deepEqual(hintsIn('cache.go', code), []);
  });
});
