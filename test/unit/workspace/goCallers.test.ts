/**
 * What a Go function hands its callers, judged by them, in one file and across the packages of a module:
 * go-redis options a config method returns are all a client has when a caller hands them whole to
 * `redis.NewClient`, and a Scan a wrapper sends with its caller's input is paged when a caller loops on
 * `LastEvaluatedKey` around the wrapper call. A caller that keeps the options to change them, an options
 * method whose name two files declare, and a wrapper no caller pages leave things as they were.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from '../hints/support';
import { hintsOfFile as hints, workspaceOf } from './support';

const GO_MOD = sourceLines('module example.com/trips', '', 'go 1.23');

const CONFIG = sourceLines(
  'package config',
  '',
  'import (',
  '\t"os"',
  '',
  '\t"github.com/redis/go-redis/v9"',
  ')',
  '',
  'type Config struct {',
  '\tRedisAddr     string',
  '\tRedisPassword string',
  '}',
  '',
  'func Load() *Config {',
  '\treturn &Config{RedisAddr: os.Getenv("REDIS_ADDR"), RedisPassword: os.Getenv("REDIS_PASSWORD")}',
  '}',
  '',
  'func (c *Config) RedisOptions() *redis.Options {',
  '\treturn &redis.Options{',
  '\t\tAddr:     c.RedisAddr,',
  '\t\tPassword: c.RedisPassword,',
  '\t}',
  '}',
);

const CACHE = sourceLines(
  'package cache',
  '',
  'import (',
  '\t"github.com/redis/go-redis/v9"',
  '',
  '\t"example.com/trips/internal/config"',
  ')',
  '',
  'func New(cfg *config.Config) *redis.Client {',
  '\treturn redis.NewClient(cfg.RedisOptions())',
  '}',
);

const WRAPPER = sourceLines(
  'package awswrapper',
  '',
  'import (',
  '\t"context"',
  '',
  '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
  ')',
  '',
  'var client *dynamodb.Client',
  '',
  'func DynamoDBScan(ctx context.Context, input *dynamodb.ScanInput) (*dynamodb.ScanOutput, error) {',
  '\treturn client.Scan(ctx, input)',
  '}',
  '',
  'func DynamoDBQuery(ctx context.Context, input *dynamodb.QueryInput) (*dynamodb.QueryOutput, error) {',
  '\tout, err := client.Query(ctx, input)',
  '\treturn out, err',
  '}',
);

const LIST = sourceLines(
  'package trips',
  '',
  'import (',
  '\t"context"',
  '',
  '\t"github.com/aws/aws-sdk-go-v2/aws"',
  '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
  '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"',
  '',
  '\t"example.com/trips/internal/awswrapper"',
  ')',
  '',
  'func List(ctx context.Context, table string) ([]map[string]types.AttributeValue, error) {',
  '\tinput := &dynamodb.ScanInput{TableName: aws.String(table), FilterExpression: aws.String("active = :a")}',
  '\tvar items []map[string]types.AttributeValue',
  '\tfor {',
  '\t\tout, err := awswrapper.DynamoDBScan(ctx, input)',
  '\t\tif err != nil {',
  '\t\t\treturn nil, err',
  '\t\t}',
  '\t\titems = append(items, out.Items...)',
  '\t\tif out.LastEvaluatedKey == nil {',
  '\t\t\treturn items, nil',
  '\t\t}',
  '\t\tinput.ExclusiveStartKey = out.LastEvaluatedKey',
  '\t}',
  '}',
  '',
  'func ByDriver(ctx context.Context, table, driver string) (*dynamodb.QueryOutput, error) {',
  '\treturn awswrapper.DynamoDBQuery(ctx, &dynamodb.QueryInput{TableName: aws.String(table), KeyConditionExpression: aws.String("driver = :d")})',
  '}',
);

describe('workspace: what a Go function hands its callers', () => {
  describe('go-redis options a function returns', () => {
    it('reads a password without TLSConfig where the options are written, when another package makes a client of them whole', () => {
      const files = { 'go.mod': GO_MOD, 'internal/config/config.go': CONFIG, 'internal/cache/cache.go': CACHE };
      const found = hints(files, 'internal/config/config.go');
      assert.ok(found.includes('21:Password redis-auth-without-tls!'), found.join('\n'));
      // Without a caller the fields get their hovers, and what the options lack counts against no rule.
      const alone = hintsIn('internal/config/config.go', CONFIG);
      assert.ok(alone.includes('21:Password redis-password') && !alone.some((hint) => hint.endsWith('!')), alone.join('\n'));
    });

    it('reads them for a function of another package and for a function or method of another file of the package', () => {
      const asFunction = CONFIG.replace('func (c *Config) RedisOptions() *redis.Options {', 'func RedisOptions(c *Config) *redis.Options {');
      const callers = CACHE.replace('cfg.RedisOptions()', 'config.RedisOptions(cfg)');
      assert.ok(hints({ 'go.mod': GO_MOD, 'internal/config/config.go': asFunction, 'internal/cache/cache.go': callers }, 'internal/config/config.go').includes('21:Password redis-auth-without-tls!'));
      const samePackage = sourceLines('package config', '', 'import "github.com/redis/go-redis/v9"', '', 'func Open(c *Config) (*redis.Client, *redis.Client) {', '\treturn redis.NewClient(c.RedisOptions()), redis.NewClient(RedisOptions(c))', '}');
      assert.ok(hints({ 'internal/config/config.go': CONFIG, 'internal/config/open.go': samePackage }, 'internal/config/config.go').includes('21:Password redis-auth-without-tls!'));
      assert.ok(hints({ 'internal/config/config.go': asFunction, 'internal/config/open.go': samePackage }, 'internal/config/config.go').includes('21:Password redis-auth-without-tls!'));
      // A function of the same name in another package is another function.
      const otherPackage = { 'go.mod': GO_MOD, 'internal/config/config.go': asFunction, 'internal/legacy/open.go': samePackage.replace('package config', 'package legacy') };
      assert.ok(!hints(otherPackage, 'internal/config/config.go').some((hint) => hint.endsWith('!')));
    });

    it('reads them in one file, through a method of a struct and a plain function', () => {
      const code = sourceLines(
        'package cache',
        '',
        'import "github.com/redis/go-redis/v9"',
        '',
        'type Settings struct {',
        '\tAddr, Password string',
        '}',
        '',
        'func (s Settings) options() *redis.Options {',
        '\treturn &redis.Options{Addr: s.Addr, Password: s.Password}',
        '}',
        '',
        'func clusterOptions(password string) *redis.ClusterOptions {',
        '\treturn &redis.ClusterOptions{Addrs: []string{"a:6379"}, Password: password}',
        '}',
        '',
        'func Open(s Settings) (*redis.Client, *redis.ClusterClient) {',
        '\treturn redis.NewClient(s.options()), redis.NewClusterClient(clusterOptions(s.Password))',
        '}',
      );
      const found = hintsIn('cache.go', code);
      assert.ok(found.includes('10:Password redis-auth-without-tls!') && found.includes('14:Password redis-auth-without-tls!'), found.join('\n'));
    });

    it('counts against no rule options a caller keeps to change, that carry a TLSConfig, or whose method name another file declares too', () => {
      const keeps = CACHE.replace('\treturn redis.NewClient(cfg.RedisOptions())', '\topts := cfg.RedisOptions()\n\topts.TLSConfig = &tls.Config{}\n\treturn redis.NewClient(opts)');
      assert.ok(!hints({ 'go.mod': GO_MOD, 'internal/config/config.go': CONFIG, 'internal/cache/cache.go': keeps }, 'internal/config/config.go').some((hint) => hint.endsWith('!')));
      const tls = CONFIG.replace('\t\tPassword: c.RedisPassword,', '\t\tPassword: c.RedisPassword,\n\t\tTLSConfig: &tls.Config{MinVersion: tls.VersionTLS12},');
      assert.ok(!hints({ 'go.mod': GO_MOD, 'internal/config/config.go': tls, 'internal/cache/cache.go': CACHE }, 'internal/config/config.go').some((hint) => hint.endsWith('!')));
      const twice = { 'go.mod': GO_MOD, 'internal/config/config.go': CONFIG, 'internal/legacy/config.go': CONFIG.replace('package config', 'package legacy'), 'internal/cache/cache.go': CACHE };
      assert.ok(!hints(twice, 'internal/config/config.go').some((hint) => hint.endsWith('!')));
      const branches = CONFIG.replace('\treturn &redis.Options{', '\tif c.RedisAddr == "" {\n\t\treturn nil\n\t}\n\treturn &redis.Options{');
      assert.ok(!hints({ 'go.mod': GO_MOD, 'internal/config/config.go': branches, 'internal/cache/cache.go': CACHE }, 'internal/config/config.go').some((hint) => hint.endsWith('!')));
    });
  });

  describe('a Scan or Query wrapper', () => {
    it('leaves the paging to a caller of another package that loops on LastEvaluatedKey, and reports the read no caller pages at the wrapper', () => {
      const files = { 'go.mod': GO_MOD, 'internal/awswrapper/dynamo.go': WRAPPER, 'internal/trips/list.go': LIST };
      const wrapper = hints(files, 'internal/awswrapper/dynamo.go');
      assert.ok(wrapper.includes('12:Scan dynamodb-scan') && !wrapper.includes('12:Scan dynamodb-scan!'), wrapper.join('\n'));
      assert.ok(wrapper.includes('16:Query dynamodb-query!'), wrapper.join('\n'));
      // The callers' inputs keep their hovers.
      const list = hints(files, 'internal/trips/list.go');
      assert.ok(list.includes('14:ScanInput dynamodb-scan') && list.includes('30:KeyConditionExpression dynamodb-key-condition-expression'), list.join('\n'));
      // Alone, or with a caller that reads one page, the wrapper's Scan is reported as before.
      assert.ok(hintsIn('internal/awswrapper/dynamo.go', WRAPPER).includes('12:Scan dynamodb-scan!'));
      const onePage = LIST.replace('\t\tinput.ExclusiveStartKey = out.LastEvaluatedKey', '').replace('\t\tif out.LastEvaluatedKey == nil {', '\t\tif len(items) > 0 {');
      assert.ok(hints({ ...files, 'internal/trips/list.go': onePage }, 'internal/awswrapper/dynamo.go').includes('12:Scan dynamodb-scan!'));
    });

    it('follows a wrapper whose client is a variable of another package, and the wrapper file tells its package by the input it takes', () => {
      const clients = sourceLines('package clients', '', 'import "github.com/aws/aws-sdk-go-v2/service/dynamodb"', '', 'var DB *dynamodb.Client');
      const wrapper = WRAPPER.replace('var client *dynamodb.Client', '').replace('\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"', '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"\n\t"example.com/trips/internal/clients"').replaceAll('client.', 'clients.DB.');
      const files = { 'go.mod': GO_MOD, 'internal/clients/clients.go': clients, 'internal/awswrapper/dynamo.go': wrapper, 'internal/trips/list.go': LIST };
      const found = hints(files, 'internal/awswrapper/dynamo.go');
      assert.ok(found.includes('13:Scan dynamodb-scan') && !found.includes('13:Scan dynamodb-scan!') && found.includes('17:Query dynamodb-query!'), found.join('\n'));
      assert.deepEqual(workspaceOf(files).contributionOf('internal/awswrapper/dynamo.go')?.goPackage, { name: 'awswrapper', structs: {}, readFunctions: ['DynamoDBScan', 'DynamoDBQuery'] });
    });

    it('counts a paging caller of the same package or file, and not a wrapper that builds its own input or drops the output', () => {
      const samePackage = { 'internal/awswrapper/dynamo.go': WRAPPER, 'internal/awswrapper/all.go': LIST.replace('package trips', 'package awswrapper').replace('awswrapper.DynamoDBScan', 'DynamoDBScan') };
      assert.ok(!hints(samePackage, 'internal/awswrapper/dynamo.go').includes('12:Scan dynamodb-scan!'));
      const code = sourceLines(
        'package store',
        '',
        'import (',
        '\t"context"',
        '',
        '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
        ')',
        '',
        'type Store struct{ db *dynamodb.Client }',
        '',
        'func (s *Store) page(ctx context.Context, in *dynamodb.QueryInput) (*dynamodb.QueryOutput, error) {',
        '\treturn s.db.Query(ctx, in)',
        '}',
        '',
        'func (s *Store) count(ctx context.Context, in *dynamodb.QueryInput) int {',
        '\tout, _ := s.db.Query(ctx, in)',
        '\treturn len(out.Items)',
        '}',
        '',
        'func (s *Store) All(ctx context.Context, in *dynamodb.QueryInput) int {',
        '\tn := 0',
        '\tfor {',
        '\t\tout, err := s.page(ctx, in)',
        '\t\tif err != nil || out.LastEvaluatedKey == nil {',
        '\t\t\treturn n + s.count(ctx, in)',
        '\t\t}',
        '\t\tin.ExclusiveStartKey = out.LastEvaluatedKey',
        '\t}',
        '}',
      );
      const found = hintsIn('store.go', code);
      assert.ok(found.includes('12:Query dynamodb-query') && !found.includes('12:Query dynamodb-query!'), found.join('\n'));
      assert.ok(found.includes('16:Query dynamodb-query!'), found.join('\n'));
    });

    it('leaves the paging of a wrapper method to a caller that pages it through an interface, in another file or in its own', () => {
      const client = sourceLines(
        'package tables',
        '',
        'import (',
        '\t"context"',
        '',
        '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
        ')',
        '',
        'type Client struct{ db *dynamodb.Client }',
        '',
        'func (c *Client) Scan(ctx context.Context, input *dynamodb.ScanInput) (*dynamodb.ScanOutput, error) {',
        '\tout, err := c.db.Scan(ctx, input)',
        '\treturn out, err',
        '}',
      );
      // A function whose result is a function type: its closure reads the parameters of the function around it.
      const pager = sourceLines(
        'package tables',
        '',
        'import (',
        '\t"context"',
        '',
        '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
        '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"',
        ')',
        '',
        'type Pager interface {',
        '\tScan(ctx context.Context, input *dynamodb.ScanInput) (*dynamodb.ScanOutput, error)',
        '}',
        '',
        'func Pages(ctx context.Context, pager Pager) func(input *dynamodb.ScanInput) (*dynamodb.ScanOutput, error) {',
        '\tvar next map[string]types.AttributeValue',
        '\treturn func(input *dynamodb.ScanInput) (*dynamodb.ScanOutput, error) {',
        '\t\tinput.ExclusiveStartKey = next',
        '\t\tout, err := pager.Scan(ctx, input)',
        '\t\tif err == nil {',
        '\t\t\tnext = out.LastEvaluatedKey',
        '\t\t}',
        '\t\treturn out, err',
        '\t}',
        '}',
      );
      const files = { 'go.mod': GO_MOD, 'internal/tables/client.go': client, 'internal/tables/pager.go': pager };
      const found = hints(files, 'internal/tables/client.go');
      assert.ok(found.includes('12:Scan dynamodb-scan') && !found.includes('12:Scan dynamodb-scan!'), found.join('\n'));
      assert.ok(hints(files, 'internal/tables/pager.go').includes('18:Scan dynamodb-scan'));
      const oneFile = hintsIn('client.go', `${client}\n${pager.slice(pager.indexOf('type Pager'))}`);
      assert.ok(oneFile.includes('12:Scan dynamodb-scan') && !oneFile.includes('12:Scan dynamodb-scan!'), oneFile.join('\n'));
      // Alone, or where the paging loop calls the SDK client itself, the wrapper reads one page.
      assert.ok(hintsIn('client.go', client).includes('12:Scan dynamodb-scan!'));
      const direct = pager.replace('pager Pager', 'pager *dynamodb.Client');
      assert.ok(hints({ ...files, 'internal/tables/pager.go': direct }, 'internal/tables/client.go').includes('12:Scan dynamodb-scan!'));
      // A package function is no method an interface calls.
      const asFunction = client.replace('func (c *Client) Scan(', 'func Scan(c *Client, ');
      assert.ok(hints({ ...files, 'internal/tables/client.go': asFunction }, 'internal/tables/client.go').includes('12:Scan dynamodb-scan!'));
    });

    it('leaves the paging of a wrapper to a next-page function of its file that sets ExclusiveStartKey from the output', () => {
      const code = sourceLines(
        'package pager',
        '',
        'import (',
        '\t"context"',
        '',
        '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
        ')',
        '',
        'type Executor struct{ client *dynamodb.Client }',
        '',
        'func (e *Executor) once(ctx context.Context, in *dynamodb.ScanInput) (*dynamodb.ScanOutput, error) {',
        '\treturn e.client.Scan(ctx, in)',
        '}',
        '',
        'func (e *Executor) first(ctx context.Context, in *dynamodb.QueryInput) (*dynamodb.QueryOutput, error) {',
        '\treturn e.client.Query(ctx, in)',
        '}',
        '',
        'func (e *Executor) next(in *dynamodb.ScanInput, out *dynamodb.ScanOutput) (*dynamodb.ScanInput, bool) {',
        '\tin.ExclusiveStartKey = out.LastEvaluatedKey',
        '\treturn in, len(out.LastEvaluatedKey) > 0',
        '}',
      );
      const found = hintsIn('executor.go', code);
      assert.ok(found.includes('12:Scan dynamodb-scan') && !found.includes('12:Scan dynamodb-scan!'), found.join('\n'));
      // A Scan's next page continues no Query; a function that only reads the key builds no next page.
      assert.ok(found.includes('16:Query dynamodb-query!'), found.join('\n'));
      const logsOnly = code.replace('\tin.ExclusiveStartKey = out.LastEvaluatedKey', '\tlog.Println(out.LastEvaluatedKey)');
      assert.ok(hintsIn('executor.go', logsOnly).includes('12:Scan dynamodb-scan!'));
    });
  });
});
