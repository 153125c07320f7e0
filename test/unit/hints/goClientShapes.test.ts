/**
 * Go clients beyond SDK v2: the AWS SDK for Go v1 (service packages, `*iface` interface types, the
 * `WithContext` / `Pages` / `Request` spellings, `rdsutils`) and go-redis, with the traps that share
 * their method names.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { pickExample } from '../../../src/hints/examples';
import { hintsIn, realHintRules, sourceLines } from './support';

function assertHas(found: string[], ...expected: string[]): void {
  for (const hint of expected) {
    assert.ok(found.includes(hint), `${hint} in\n${found.join('\n')}`);
  }
}

function assertNone(found: string[], line: number): void {
  assert.ok(!found.some((hint) => hint.startsWith(`${line}:`)), `nothing on line ${line} in\n${found.join('\n')}`);
}

const V1_IMPORTS = [
  'import (',
  '\t"context"',
  '\t"github.com/aws/aws-sdk-go/aws"',
  '\t"github.com/aws/aws-sdk-go/aws/session"',
  '\t"github.com/aws/aws-sdk-go/service/dynamodb"',
  '\t"github.com/aws/aws-sdk-go/service/dynamodb/dynamodbiface"',
  ')',
];

describe('Go client shapes', () => {
  describe('AWS SDK for Go v1', () => {
    it('reads a package-level client made from a session, and its Scan without a LastEvaluatedKey loop', () => {
      const found = hintsIn(
        'main.go',
        sourceLines(
          'package main',
          ...V1_IMPORTS,
          'var svc = dynamodb.New(session.Must(session.NewSession()))',
          'func handler(ctx context.Context) error {',
          '\t_, err := svc.ScanWithContext(ctx, &dynamodb.ScanInput{TableName: aws.String("t"), ConsistentRead: aws.Bool(true)})',
          '\treturn err',
          '}',
        ),
      );
      assertHas(found, '11:ScanWithContext dynamodb-scan', '11:ScanWithContext dynamodb-scan!', '11:ConsistentRead dynamodb-consistent-read');
    });

    it('reads a client made from the deprecated session.New inside a Lambda handler as one per invocation', () => {
      const found = hintsIn(
        'main.go',
        sourceLines(
          'package main',
          'import "github.com/aws/aws-lambda-go/lambda"',
          ...V1_IMPORTS,
          'func handler(ctx context.Context) error {',
          '\tsess := session.New(&aws.Config{Region: aws.String("us-east-1")})',
          '\tdb := dynamodb.New(sess)',
          '\t_, err := db.GetItemWithContext(ctx, &dynamodb.GetItemInput{TableName: aws.String("t")})',
          '\treturn err',
          '}',
          'func main() { lambda.Start(handler) }',
        ),
      );
      assertHas(found, '12:New lambda-client-per-invocation!');
      assertNone(found, 11);
    });

    it('reads a client held in an interface-typed field, and ScanPages as reading every page', () => {
      const found = hintsIn(
        'repo.go',
        sourceLines(
          'package repo',
          ...V1_IMPORTS,
          'type Repo struct {',
          '\tdb dynamodbiface.DynamoDBAPI',
          '}',
          'func NewRepo(db dynamodbiface.DynamoDBAPI) *Repo { return &Repo{db: db} }',
          'func (r *Repo) All(fn func(*dynamodb.ScanOutput, bool) bool) error {',
          '\treturn r.db.ScanPages(&dynamodb.ScanInput{TableName: aws.String("t")}, fn)',
          '}',
          'func (r *Repo) Write(in *dynamodb.BatchWriteItemInput) error {',
          '\t_, err := r.db.BatchWriteItem(in)',
          '\treturn err',
          '}',
        ),
      );
      assertHas(found, '14:ScanPages dynamodb-scan', '17:BatchWriteItem dynamodb-batch-write-item', '17:BatchWriteItem dynamodb-batch-write-item!');
      assert.ok(!found.includes('14:ScanPages dynamodb-scan!'), found.join('\n'));
    });

    it('does not read a fake that embeds the interface and defines the method itself', () => {
      const found = hintsIn(
        'repo_test.go',
        sourceLines(
          'package repo',
          ...V1_IMPORTS,
          'type fake struct {',
          '\tdynamodbiface.DynamoDBAPI',
          '}',
          'func (f *fake) ScanWithContext(ctx context.Context, in *dynamodb.ScanInput) (*dynamodb.ScanOutput, error) { return nil, nil }',
          'func use(f *fake, ctx context.Context, in *dynamodb.ScanInput) { f.ScanWithContext(ctx, in) }',
        ),
      );
      assertNone(found, 12);
      assertNone(found, 13);
    });

    it('reads RDS and ElastiCache requests and rdsutils.BuildAuthToken', () => {
      const found = hintsIn(
        'provision.go',
        sourceLines(
          'package provision',
          'import (',
          '\t"github.com/aws/aws-sdk-go/aws"',
          '\t"github.com/aws/aws-sdk-go/aws/session"',
          '\t"github.com/aws/aws-sdk-go/service/elasticache"',
          '\t"github.com/aws/aws-sdk-go/service/rds"',
          '\t"github.com/aws/aws-sdk-go/service/rds/rdsutils"',
          ')',
          'func run(sess *session.Session) {',
          '\trds.New(sess).CreateDBInstance(&rds.CreateDBInstanceInput{PubliclyAccessible: aws.Bool(true)})',
          '\telasticache.New(sess).CreateReplicationGroup(&elasticache.CreateReplicationGroupInput{TransitEncryptionEnabled: aws.Bool(false)})',
          '\trdsutils.BuildAuthToken("db:5432", "eu-west-1", "app", sess.Config.Credentials)',
          '}',
        ),
      );
      assertHas(
        found,
        '10:PubliclyAccessible rds-publicly-accessible!',
        '11:TransitEncryptionEnabled elasticache-transit-encryption!',
        '12:BuildAuthToken rds-auth-token',
      );
    });
  });

  describe('struct fields written on one line', () => {
    it('binds the fields of `struct{ ... }` and of `;`-separated fields as the multi-line form does', () => {
      const found = hintsIn(
        'store.go',
        sourceLines(
          'package store',
          'import (',
          '\t"context"',
          '\t"time"',
          '\t"github.com/aws/aws-sdk-go-v2/aws"',
          '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
          '\t"github.com/aws/aws-sdk-go-v2/service/rds"',
          '\t"github.com/redis/go-redis/v9"',
          ')',
          'type store struct{ db *dynamodb.Client }',
          'type cache struct { rdb *redis.Client; ttl time.Duration }',
          'type admin struct{ *rds.Client }',
          'type index struct{ names map[string]bool; keys []string }',
          'func (s *store) All(ctx context.Context) { s.db.Scan(ctx, &dynamodb.ScanInput{TableName: aws.String("t")}) }',
          'func (c *cache) Purge(ctx context.Context) { c.rdb.Keys(ctx, "session:*") }',
          'func (a *admin) Open(ctx context.Context) { a.ModifyDBInstance(ctx, &rds.ModifyDBInstanceInput{PubliclyAccessible: aws.Bool(true)}) }',
          'func (i *index) Keys() []string { return i.keys }',
        ),
      );
      assertHas(found, '14:Scan dynamodb-scan', '15:Keys redis-keys!', '16:ModifyDBInstance rds-modify-db-instance', '16:PubliclyAccessible rds-publicly-accessible!');
      assertNone(found, 13);
      assertNone(found, 17);
    });
  });

  describe('go-redis', () => {
    const cache = sourceLines(
      'package cache',
      'import (',
      '\t"context"',
      '\t"crypto/tls"',
      '\t"github.com/redis/go-redis/v9"',
      ')',
      'type Cache struct {',
      '\trdb *redis.Client',
      '}',
      'func NewCache(addr string) *Cache {',
      '\treturn &Cache{rdb: redis.NewClient(&redis.Options{Addr: addr, Password: "literal", TLSConfig: &tls.Config{InsecureSkipVerify: true}})}',
      '}',
      'func (c *Cache) Purge(ctx context.Context, ids []string) {',
      '\tkeys, _ := c.rdb.Keys(ctx, "session:*").Result()',
      '\tfor _, id := range ids {',
      '\t\tc.rdb.Del(ctx, id)',
      '\t\tgo c.rdb.Unlink(ctx, id)',
      '\t}',
      '\tc.rdb.Unlink(ctx, keys...)',
      '\tc.rdb.Pipelined(ctx, func(pipe redis.Pipeliner) error {',
      '\t\tfor _, id := range ids {',
      '\t\t\tpipe.Expire(ctx, id, 0)',
      '\t\t}',
      '\t\treturn nil',
      '\t})',
      '}',
    );

    it('reads the client options of a struct field built in a constructor', () => {
      const found = hintsIn('cache.go', cache);
      assertHas(found, '11:"literal" redis-password!', '11:InsecureSkipVerify redis-tls!', '11:TLSConfig redis-tls');
      assert.ok(!found.includes('11:Password redis-auth-without-tls!'), found.join('\n'));
    });

    it('flags KEYS, and a blocking per-key command in a loop but not one in a goroutine or a pipeline', () => {
      const found = hintsIn('cache.go', cache);
      assertHas(found, '14:Keys redis-keys!', '16:Del redis-loop-round-trips!', '19:Unlink redis-unlink', '20:Pipelined redis-mget', '22:Expire redis-expire');
      for (const absent of ['17:Unlink redis-loop-round-trips!', '19:Unlink redis-loop-round-trips!', '22:Expire redis-loop-round-trips!']) {
        assert.ok(!found.includes(absent), `${absent} in\n${found.join('\n')}`);
      }
    });

    it('offers no KEYS quick fix for go-redis', () => {
      const result = analyzeText(cache, realHintRules(), { kind: 'go', fileName: 'cache.go' });
      const keys = result.findings.find((finding) => finding.ruleId === 'redis-keys');
      assert.ok(keys, 'a KEYS finding');
      assert.equal(keys.fix, undefined);
    });

    it('flags a password sent without TLS, but not on an options variable that functional options may complete', () => {
      const found = hintsIn(
        'rate.go',
        sourceLines(
          'package rate',
          'import (',
          '\t"os"',
          '\t"github.com/go-redis/redis/v8"',
          ')',
          'func New(opts ...func(*redis.Options)) (*redis.Client, *redis.Client) {',
          '\tdirect := redis.NewClient(&redis.Options{Addr: os.Getenv("ADDR"), Password: os.Getenv("PASSWORD")})',
          '\toptions := &redis.Options{Addr: os.Getenv("ADDR"), Password: os.Getenv("PASSWORD")}',
          '\tfor _, opt := range opts {',
          '\t\topt(options)',
          '\t}',
          '\treturn direct, redis.NewClient(options)',
          '}',
        ),
      );
      assertHas(found, '7:Password redis-auth-without-tls!', '8:Password redis-password');
      assert.ok(!found.includes('8:Password redis-auth-without-tls!'), found.join('\n'));
    });

    it('keeps the package name in a function whose unnamed results start with a package type', () => {
      const found = hintsIn(
        'conn.go',
        sourceLines(
          'package conn',
          'import "github.com/redis/go-redis/v9"',
          'type Settings struct {',
          '\tNodes    []string',
          '\tPassword string',
          '}',
          'func Open(s Settings) (redis.UniversalClient, error) {',
          '\tvar c redis.UniversalClient',
          '\tc = redis.NewClusterClient(&redis.ClusterOptions{Addrs: s.Nodes, Password: s.Password})',
          '\treturn c, nil',
          '}',
        ),
      );
      assertHas(found, '9:Password redis-password', '9:Password redis-auth-without-tls!');
    });

    it('reads a client a type switch rebinds under its own name, and a shadowing declaration, not another value', () => {
      const found = hintsIn(
        'keys.go',
        sourceLines(
          'package keys',
          'import (',
          '\t"context"',
          '\t"strings"',
          '\t"github.com/redis/go-redis/v9"',
          ')',
          'func Count(ctx context.Context, rdb redis.UniversalClient, match string) int {',
          '\tswitch rdb := rdb.(type) {',
          '\tcase *redis.ClusterClient:',
          '\t\treturn 0',
          '\tdefault:',
          '\t\tkeys := rdb.Keys(ctx, match).Val()',
          '\t\treturn len(keys)',
          '\t}',
          '}',
          'func Stream(ctx context.Context, rdb redis.UniversalClient) {',
          '\tgo func() {',
          '\t\tswitch rdb := rdb.(type) {',
          '\t\tdefault:',
          '\t\t\t_ = rdb.Keys(ctx, "user:*").Val()',
          '\t\t}',
          '\t}()',
          '}',
          'type Index struct{ names []string }',
          'func (i Index) Keys(ctx context.Context, match string) []string { return i.names }',
          'func Names(ctx context.Context, rdb Index) []string {',
          '\tif len(rdb.names) > 0 {',
          '\t\trdb := rdb',
          '\t\treturn rdb.Keys(ctx, strings.ToLower("x"))',
          '\t}',
          '\treturn nil',
          '}',
        ),
      );
      assertHas(found, '12:Keys redis-keys', '12:Keys redis-keys!', '20:Keys redis-keys!');
      assertNone(found, 29);
    });

    it('reads the command that Do names, on a go-redis client and nowhere else', () => {
      const found = hintsIn(
        'admin.go',
        sourceLines(
          'package admin',
          'import (',
          '\t"context"',
          '\t"net/http"',
          '\t"github.com/redis/go-redis/v9"',
          ')',
          'func Purge(ctx context.Context, rdb *redis.Client, hc *http.Client, req *http.Request) {',
          '\trdb.Do(ctx, "KEYS", "session:*")',
          '\trdb.Do(ctx, "flushall")',
          '\thc.Do(req)',
          '\tDo(ctx, "KEYS")',
          '}',
        ),
      );
      assertHas(found, '8:"KEYS" redis-keys!', '9:"flushall" redis-flush!');
      assertNone(found, 10);
      assertNone(found, 11);
    });

    it('reads go-redis FlushAllAsync and FlushDBAsync as the FLUSHALL ASYNC and FLUSHDB ASYNC they send', () => {
      const found = hintsIn(
        'reset.go',
        sourceLines(
          'package reset',
          'import (',
          '\t"context"',
          '\t"github.com/redis/go-redis/v9"',
          ')',
          'func Reset(ctx context.Context, rdb *redis.Client) {',
          '\trdb.FlushAllAsync(ctx)', // 7
          '\trdb.FlushDBAsync(ctx)', // 8
          '}',
        ),
      );
      assertHas(found, '7:FlushAllAsync redis-flush', '7:FlushAllAsync redis-flush!', '8:FlushDBAsync redis-flush');
    });

    it('reads a password and skip_verify in a ParseURL URL, and TLS from rediss:// or a TLSConfig set afterwards', () => {
      const found = hintsIn(
        'urls.go',
        sourceLines(
          'package urls',
          'import (',
          '\t"crypto/tls"',
          '\t"net/url"',
          '\t"github.com/redis/go-redis/v9"',
          ')',
          'const sessionsURL = "redis://:s3cret@sessions.cache.internal:6379/0"',
          'func clients() {',
          '\tplain, _ := redis.ParseURL(sessionsURL)',
          '\tsecure, _ := redis.ParseURL("rediss://app:s3cret@cache.internal:6379?skip_verify=true")',
          '\tlater, _ := redis.ParseURL("redis://:s3cret@cache.internal:6379")',
          '\tlater.TLSConfig = &tls.Config{MinVersion: tls.VersionTLS12}',
          '\tlocal, _ := redis.ParseURL("redis://:dev@localhost:6379")',
          '\tcluster, _ := redis.ParseClusterURL("redis://:s3cret@cache.internal:6379?skip_verify=true")',
          '\tparsed, _ := url.Parse("redis://:s3cret@cache.internal:6379")',
          '\t_, _, _, _, _, _ = plain, secure, later, local, cluster, parsed',
          '}',
        ),
      );
      assertHas(found, '7:s3cret redis-password!', '7:s3cret redis-auth-without-tls!', '10:s3cret redis-password!', '10:skip_verify redis-tls!', '11:s3cret redis-password!', '13:dev redis-password!');
      for (const absent of ['10:s3cret redis-auth-without-tls!', '11:s3cret redis-auth-without-tls!', '13:dev redis-auth-without-tls!', '14:skip_verify redis-tls!']) {
        assert.ok(!found.includes(absent), `${absent} in\n${found.join('\n')}`);
      }
      assertNone(found, 15);
    });

    it('reads the client a function-typed field gives (a connection getter handed to a store), and no other field', () => {
      const found = hintsIn(
        'store.go',
        sourceLines(
          'package store',
          'import (',
          '\t"context"',
          '\t"github.com/redis/go-redis/v9"',
          ')',
          'type SessionStore struct {',
          '\tconn    func() *redis.Client',
          '\tdial    func() (*redis.Client, error)',
          '\tkeyFunc func(id string) string',
          '}',
          'func NewSessionStore(conn func() *redis.Client) *SessionStore { return &SessionStore{conn: conn} }',
          'func (s *SessionStore) Purge(ctx context.Context, user string) error {',
          '\tc := s.conn()',
          '\tkeys, err := c.Keys(ctx, "session:"+user+":*").Result()',
          '\tif err != nil {',
          '\t\treturn err',
          '\t}',
          '\treturn s.conn().Del(ctx, keys...).Err()',
          '}',
          'func (s *SessionStore) Names(ctx context.Context, id string) []string {',
          '\tc, _ := s.dial()',
          '\t_ = c.Keys(ctx, "x")',
          '\treturn []string{s.keyFunc(id)}',
          '}',
        ),
      );
      assertHas(found, '14:Keys redis-keys', '14:Keys redis-keys!');
      assertNone(found, 21);
      assertNone(found, 22);
    });

    it('leaves unrelated Scan and Keys methods alone', () => {
      const found = hintsIn(
        'store.go',
        sourceLines(
          'package store',
          'import (',
          '\t"bufio"',
          '\t"database/sql"',
          '\t"os"',
          '\t"github.com/redis/go-redis/v9"',
          ')',
          'type Index struct{ names map[string]bool }',
          'func (i *Index) Keys() []string { return nil }',
          'func read(db *sql.DB, i *Index) {',
          '\trows, _ := db.Query("SELECT 1")',
          '\tfor rows.Next() { var n int; rows.Scan(&n) }',
          '\tlines := bufio.NewScanner(os.Stdin)',
          '\tfor lines.Scan() {}',
          '\t_ = i.Keys()',
          '\t_ = i.names["Keys"]',
          '\t_ = redis.Nil',
          '}',
        ),
      );
      assert.deepEqual(found, []);
    });

    it('shows the go-redis example in the hover of a Go file', () => {
      const rule = realHintRules().find((candidate) => candidate.id === 'redis-keys')!;
      const example = pickExample(rule, 'go', 'go-redis');
      assert.equal(example?.fence, 'go');
      assert.match(example?.code ?? '', /rdb\.Scan\(ctx, cursor, "session:\*", 500\)\.Result\(\)/);
    });
  });
});
