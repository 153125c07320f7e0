/**
 * Go clients across the packages of one module: a package is imported by the module path its `go.mod`
 * declares plus the package's folder, and its exported functions and variables that give a client read as
 * that client in the importing file (`database.CreateClient(0).Set(...)`, `db.Client.Keys(...)`). The other
 * files of the file's own package lend theirs too. An import the workspace's modules do not declare (a
 * third-party module of the same last path element, a vendored copy, a nested module's folder), a function
 * that returns something else, and a local that hides the import give nothing.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../../src/cli/cli';
import { documentKind, isAnalysedKind, MODEL_FILE_GLOB } from '../../../src/hints/engine/documentKinds';
import { goModulePath } from '../../../src/hints/engine/workspace/goModules';
import { realHintRules, sourceLines } from '../hints/support';
import { contributionOf, copiedToThread, fixtureModel, FIXTURES, hintsInWorkspace, hintsOfFile as hints, workspaceOf } from './support';

const GO_MOD = sourceLines('module example.com/shortener', '', 'go 1.22', '', 'require github.com/redis/go-redis/v9 v9.7.0');

const DATABASE = sourceLines(
  'package database',
  '',
  'import (',
  '\t"os"',
  '',
  '\t"github.com/redis/go-redis/v9"',
  ')',
  '',
  '// CreateClient connects to the database number given.',
  'func CreateClient(dbNo int) *redis.Client {',
  '\treturn redis.NewClient(&redis.Options{Addr: os.Getenv("DB_ADDR"), Password: os.Getenv("DB_PASS"), DB: dbNo})',
  '}',
  '',
  'func NewStore(dbNo int) *Store {',
  '\treturn &Store{rdb: CreateClient(dbNo)}',
  '}',
);

const SHORTEN = sourceLines(
  'package routes',
  '',
  'import (',
  '\t"context"',
  '\t"time"',
  '',
  '\t"example.com/shortener/api/database"',
  ')',
  '',
  'func Shorten(ctx context.Context, id, url string) error {',
  '\tr := database.CreateClient(0)',
  '\tdefer r.Close()',
  '\treturn r.Set(ctx, id, url, 24*time.Hour).Err()',
  '}',
  '',
  'func Keys(ctx context.Context) {',
  '\tdatabase.NewStore(1).Keys(ctx, "*")',
  '}',
);

describe('workspace: Go clients from other packages of the module', () => {
  it('reads a client a function of another package returns, and nothing alone or without the go.mod', () => {
    const files = { 'go.mod': GO_MOD, 'api/database/database.go': DATABASE, 'api/routes/shorten.go': SHORTEN };
    const found = hints(files, 'api/routes/shorten.go');
    assert.deepEqual(found, ['13:Set redis-expire'], 'a function that returns a project type gives nothing (line 17)');
    assert.deepEqual(hints(files, 'api/routes/shorten.go', null), []);
    const withoutModule = { 'api/database/database.go': DATABASE, 'api/routes/shorten.go': SHORTEN };
    assert.deepEqual(hints(withoutModule, 'api/routes/shorten.go'), []);
    // The options the function makes its client with are found where they are written.
    assert.ok(hints(files, 'api/database/database.go').includes('11:Password redis-auth-without-tls!'));
  });

  it('reads package variables set in an Init, functions of an aliased import, and the same from the plain data a worker thread gets', () => {
    const files = {
      'go.mod': sourceLines('module github.com/acme/trips'),
      'internal/database/database.go': sourceLines(
        'package database',
        '',
        'import (',
        '\t"context"',
        '',
        '\t"github.com/aws/aws-sdk-go-v2/config"',
        '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
        '\t"github.com/redis/go-redis/v9"',
        ')',
        '',
        'var Client *redis.Client',
        '',
        'var (',
        '\tDB    *dynamodb.Client',
        '\tcache = redis.NewClient(&redis.Options{Addr: "localhost:6379"})',
        ')',
        '',
        'func Init(ctx context.Context) error {',
        '\tcfg, err := config.LoadDefaultConfig(ctx)',
        '\tif err != nil {',
        '\t\treturn err',
        '\t}',
        '\tDB = dynamodb.NewFromConfig(cfg)',
        '\tClient = redis.NewClient(&redis.Options{Addr: "cache:6379"})',
        '\treturn nil',
        '}',
        '',
        'func GetClient() *dynamodb.Client { return DB }',
      ),
      'internal/trips/handler.go': sourceLines(
        'package trips',
        '',
        'import (',
        '\t"context"',
        '',
        '\t"github.com/aws/aws-sdk-go-v2/aws"',
        '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
        '\tdb "github.com/acme/trips/internal/database"',
        ')',
        '',
        'func Flush(ctx context.Context, table string, input *dynamodb.QueryInput) {',
        '\tdb.Client.Keys(ctx, "trip:*")',
        '\tdb.GetClient().Scan(ctx, &dynamodb.ScanInput{TableName: aws.String(table)})',
        '\tdb.DB.Query(ctx, input)',
        '}',
      ),
    };
    const model = workspaceOf(files);
    const found = hints(files, 'internal/trips/handler.go', model);
    for (const expected of ['12:Keys redis-keys!', '13:Scan dynamodb-scan!', '14:Query dynamodb-query']) {
      assert.ok(found.includes(expected), `${expected} in\n${found.join('\n')}`);
    }
    assert.deepEqual(hints(files, 'internal/trips/handler.go', copiedToThread(model)), found);
    assert.deepEqual(contributionOf('internal/database/database.go', files['internal/database/database.go'])?.goPackage, {
      name: 'database',
      structs: {},
      functions: { GetClient: { path: 'github.com/aws/aws-sdk-go-v2/service/dynamodb', type: 'Client' } },
      variables: {
        Client: { path: 'github.com/redis/go-redis/v9', type: 'Client' },
        DB: { path: 'github.com/aws/aws-sdk-go-v2/service/dynamodb', type: 'Client' },
        cache: { path: 'github.com/redis/go-redis/v9', type: 'Client' },
      },
    });
  });

  it('lends the functions and variables of other files of the package, unexported ones too', () => {
    const files = {
      'cmd/server/main.go': sourceLines(
        'package main',
        '',
        'import "github.com/redis/go-redis/v9"',
        '',
        'var rdb *redis.Client',
        '',
        'func newClient(addr string) *redis.Client {',
        '\treturn redis.NewClient(&redis.Options{Addr: addr})',
        '}',
        '',
        'func main() {',
        '\trdb = newClient(":6379")',
        '}',
      ),
      'cmd/server/handlers.go': sourceLines(
        'package main',
        '',
        'import "net/http"',
        '',
        'func purge(w http.ResponseWriter, r *http.Request) {',
        '\trdb.FlushAll(r.Context())',
        '\tnewClient(":6380").Keys(r.Context(), "*")',
        '}',
      ),
    };
    const found = hints(files, 'cmd/server/handlers.go');
    assert.ok(found.includes('6:FlushAll redis-flush!') && found.includes('7:Keys redis-keys!'), found.join('\n'));
  });

  it('gives nothing for a third-party module of the same last element, a vendored copy, a nested module, a main package, or a local that hides the import', () => {
    const caller = (imported: string): string =>
      sourceLines('package routes', '', 'import (', '\t"context"', '', `\t"${imported}"`, ')', '', 'func Purge(ctx context.Context) {', '\tdatabase.CreateClient(0).Keys(ctx, "*")', '}');
    const base = { 'go.mod': GO_MOD, 'api/database/database.go': DATABASE };
    assert.ok(hints({ ...base, 'api/routes/purge.go': caller('example.com/shortener/api/database') }, 'api/routes/purge.go').includes('10:Keys redis-keys!'));
    assert.deepEqual(hints({ ...base, 'api/routes/purge.go': caller('github.com/acme/database') }, 'api/routes/purge.go'), []);
    const vendored = { 'go.mod': GO_MOD, 'vendor/github.com/acme/database/database.go': DATABASE, 'api/routes/purge.go': caller('github.com/acme/database') };
    assert.deepEqual(hints(vendored, 'api/routes/purge.go'), []);
    const vendoredModule = { ...vendored, 'vendor/github.com/acme/database/go.mod': sourceLines('module github.com/acme/database') };
    assert.deepEqual(hints(vendoredModule, 'api/routes/purge.go'), []);
    const nested = { ...base, 'api/go.mod': sourceLines('module example.com/api'), 'api/routes/purge.go': caller('example.com/shortener/api/database') };
    assert.deepEqual(hints(nested, 'api/routes/purge.go'), []);
    const mainPackage = { 'go.mod': GO_MOD, 'api/database/database.go': DATABASE.replace('package database', 'package main'), 'api/routes/purge.go': caller('example.com/shortener/api/database') };
    assert.deepEqual(hints(mainPackage, 'api/routes/purge.go'), []);
    const shadowed = caller('example.com/shortener/api/database').replace('\tdatabase.CreateClient', '\tdatabase := pool{}\n\tdatabase.CreateClient');
    assert.deepEqual(hints({ ...base, 'api/routes/purge.go': shadowed }, 'api/routes/purge.go'), []);
  });

  it('reads a fixture module as the adapters index it: a client function and variable of another package, and a wrapper its caller pages', () => {
    const model = fixtureModel('go-module');
    const read = (file: string): string[] => hintsInWorkspace(model, file, fs.readFileSync(path.join(FIXTURES, 'go-module', file), 'utf8'));
    assert.deepEqual(read('cmd/worker/main.go'), ['15:FlushDB redis-flush']);
    assert.ok(read('internal/store/store.go').includes('27:Query dynamodb-query') && !read('internal/store/store.go').includes('27:Query dynamodb-query!'));
    assert.deepEqual(model.contributionOf('internal/orders/history.go')?.goPackage?.pagingCalls, [{ path: 'example.com/orders/internal/store', name: 'QueryPage' }]);
  });

  it('reads the module path of a go.mod, bare, quoted or in a group, and skips comments', () => {
    assert.equal(goModulePath(GO_MOD), 'example.com/shortener');
    assert.equal(goModulePath('// Deprecated: use v2.\nmodule "example.com/x" // the old path\n'), 'example.com/x');
    assert.equal(goModulePath('module (\n\texample.com/grouped\n)\n'), 'example.com/grouped');
    assert.equal(goModulePath('go 1.22\n'), undefined);
    assert.equal(goModulePath('module ../escape\n'), undefined);
    assert.deepEqual(contributionOf('go.mod', GO_MOD)?.goModule, 'example.com/shortener');
  });

  it('reads go.mod files for the model only, in the editor and on the command line', async () => {
    assert.equal(documentKind(undefined, 'services/api/go.mod'), 'gomod');
    assert.equal(documentKind('go.mod', 'services/api/go.sum'), undefined);
    assert.ok(!isAnalysedKind('gomod') && isAnalysedKind('go'));
    assert.ok(MODEL_FILE_GLOB.startsWith('**/{*.ts,') && MODEL_FILE_GLOB.endsWith(',*.json,*.tfvars,go.mod,terragrunt.hcl,root.hcl}'), MODEL_FILE_GLOB);
    const temp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'aws-db-hints-go-')));
    try {
      const files = { 'go.mod': GO_MOD, 'api/database/database.go': DATABASE, 'api/routes/shorten.go': SHORTEN.replace('database.NewStore(1).Keys', 'database.CreateClient(1).Keys') };
      for (const [file, text] of Object.entries(files)) {
        fs.mkdirSync(path.join(temp, 'svc', path.dirname(file)), { recursive: true });
        fs.writeFileSync(path.join(temp, 'svc', file), text);
      }
      const run = async (...argv: string[]): Promise<{ stdout: string; stderr: string }> => {
        let stdout = '';
        let stderr = '';
        await runCli(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd: temp }, realHintRules());
        return { stdout, stderr };
      };
      const found = await run('--format', 'json', 'svc');
      const findings = (JSON.parse(found.stdout) as { file: string; line: number; ruleId: string }[]).map(({ file, line, ruleId }) => `${file}:${line} ${ruleId}`);
      assert.deepEqual(findings.sort(), ['svc/api/database/database.go:11 redis-auth-without-tls', 'svc/api/routes/shorten.go:17 redis-keys']);
      assert.ok(!found.stderr.includes('go.mod'), found.stderr);
      const alone = JSON.parse((await run('--format', 'json', '--no-workspace', 'svc')).stdout) as { file: string }[];
      assert.deepEqual(alone.map(({ file }) => file), ['svc/api/database/database.go']);
    } finally {
      fs.rmSync(temp, { recursive: true, force: true });
    }
  });
});
