/**
 * Go web handlers that make a client per request through shapes a test seam or a constructor puts between them and
 * the SDK: a package variable holding another package's constructor (`var NewDynamoDBClient = dynamodb.NewClient`,
 * called in that file and in the other files of the package), a constructor that makes its value with `new(T)` and sets
 * the client on a field (`api.Client = dynamodb.NewFromConfig(cfg)`), and an SDK configuration declared with `var` and
 * loaded in each branch of an `if`. Silent: a constructor that takes the caller's region, a value kept in a package
 * variable, a variable holding a function of a package that makes no client, and a configuration loaded from the request.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from '../workspace/support';
import { sourceLines } from './support';

function perCall(files: Record<string, string>, file: string): string[] {
  return hintsOfFile(files, file).filter((hint) => / (?:client-per-request|lambda-client-per-invocation)!$/.test(hint));
}

const CLIENT = sourceLines(
  'package ddb',
  '',
  'import (',
  '\t"context"',
  '',
  '\t"github.com/aws/aws-sdk-go-v2/aws"',
  '\t"github.com/aws/aws-sdk-go-v2/config"',
  '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
  ')',
  '', // 10
  'type Records interface {',
  '\tLoad(id string) error',
  '}',
  '',
  'type api struct {',
  '\tClient *dynamodb.Client',
  '}',
  '',
  'var shared *api',
  '', // 20
  'func NewRecords(local bool) (Records, error) {',
  '\tapi := new(api)',
  '\tvar cfg aws.Config',
  '\tvar err error',
  '\tif local {',
  '\t\tcfg, err = localConfig()',
  '\t} else {',
  '\t\tcfg, err = config.LoadDefaultConfig(context.TODO())',
  '\t}',
  '\tif err != nil {', // 30
  '\t\treturn api, err',
  '\t}',
  '\tapi.Client = dynamodb.NewFromConfig(cfg)',
  '\treturn api, nil',
  '}',
  '',
  'func localConfig() (aws.Config, error) {',
  '\treturn aws.Config{Region: "localhost"}, nil',
  '}',
  '', // 40
  'func ForRegion(region string) (Records, error) {',
  '\tcfg, err := config.LoadDefaultConfig(context.TODO(), config.WithRegion(region))',
  '\tvar a api',
  '\ta.Client = dynamodb.NewFromConfig(cfg)',
  '\treturn &a, err',
  '}',
  '',
  'func Shared() Records {',
  '\tif shared == nil {',
  '\t\ts := new(api)', // 50
  '\t\tcfg, _ := config.LoadDefaultConfig(context.TODO())',
  '\t\ts.Client = dynamodb.NewFromConfig(cfg)',
  '\t\tshared = s',
  '\t}',
  '\treturn shared',
  '}',
  '',
  'func Label(id string) string { return id }',
  '',
  'func (a *api) Load(id string) error { return nil }', // 60
);

const ROUTES = sourceLines(
  'package handlers',
  '',
  'import (',
  '\t"net/http"',
  '',
  '\t"github.com/gin-gonic/gin"',
  '',
  '\t"example.com/notes/pkg/ddb"',
  ')',
  '', // 10
  'var (',
  '\tNewRecords = ddb.NewRecords',
  '\tForRegion  = ddb.ForRegion',
  '\tLabel      = ddb.Label',
  ')',
  '',
  'func GetNote(context *gin.Context) {',
  '\trecords, err := NewRecords(false)',
  '\tif err != nil {',
  '\t\treturn', // 20
  '\t}',
  '\t_ = records.Load(Label(context.Param("id")))',
  '\tcontext.JSON(http.StatusOK, nil)',
  '}',
  '',
  'func GetRegional(c *gin.Context) {',
  '\trecords, _ := ForRegion(c.Query("region"))',
  '\t_ = ddb.Shared().Load(c.Param("id"))',
  '\t_ = records',
  '}', // 30
);

const MORE_ROUTES = sourceLines(
  'package handlers',
  '',
  'import "github.com/gin-gonic/gin"',
  '',
  'func ListNotes(c *gin.Context) {',
  '\trecords, _ := NewRecords(true)',
  '\t_ = records.Load("all")',
  '}',
);

const FILES = {
  'go.mod': sourceLines('module example.com/notes', '', 'go 1.22'),
  'pkg/ddb/client.go': CLIENT,
  'api/handlers/notes.go': ROUTES,
  'api/handlers/list.go': MORE_ROUTES,
};

describe('Go makers called through a package variable, building their value with new(T) or a var-declared configuration (workspace mode)', () => {
  it('reports a gin handler\'s call of a variable that holds such a maker, in its file and in another file of the package', () => {
    assert.deepEqual(perCall(FILES, 'api/handlers/notes.go'), ['18:NewRecords client-per-request!']);
    assert.deepEqual(perCall(FILES, 'api/handlers/list.go'), ['6:NewRecords client-per-request!']);
  });

  it('says nothing for a maker configured from the caller\'s arguments, a kept value, or a variable holding no maker', () => {
    assert.deepEqual(perCall(FILES, 'pkg/ddb/client.go'), []);
    const regional = hintsOfFile(FILES, 'api/handlers/notes.go').filter((hint) => /^2[6-9]:/.test(hint) && hint.includes('per-request'));
    assert.deepEqual(regional, []);
  });

  it('reads a configuration a Lambda handler declares with var and loads itself as the same for every invocation, unless the event picks it', () => {
    const handler = sourceLines(
      'package main',
      '',
      'import (',
      '\t"context"',
      '',
      '\t"github.com/aws/aws-lambda-go/lambda"',
      '\t"github.com/aws/aws-sdk-go-v2/aws"',
      '\t"github.com/aws/aws-sdk-go-v2/config"',
      '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
      ')', // 10
      '',
      'type Event struct{ Region string }',
      '',
      'func handle(ctx context.Context, event Event) error {',
      '\tvar cfg aws.Config',
      '\tcfg, _ = config.LoadDefaultConfig(ctx)',
      '\tclient := dynamodb.NewFromConfig(cfg)',
      '\tvar picked aws.Config',
      '\tpicked, _ = config.LoadDefaultConfig(ctx, config.WithRegion(event.Region))',
      '\tregional := dynamodb.NewFromConfig(picked)', // 20
      '\t_, _ = client, regional',
      '\treturn nil',
      '}',
      '',
      'func main() { lambda.Start(handle) }',
    );
    assert.deepEqual(perCall({ 'go.mod': sourceLines('module example.com/notes', '', 'go 1.22'), 'cmd/load/main.go': handler }, 'cmd/load/main.go'), ['17:NewFromConfig lambda-client-per-invocation!']);
  });
});

