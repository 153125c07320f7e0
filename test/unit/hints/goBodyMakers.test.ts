/**
 * Go, workspace mode: a data layer's function that makes a client on each call through a maker of another package
 * (`svc := db.Client()` in `FetchProfile`, where `db.Client()` loads a session and makes a client each time), called
 * by a gin handler or a Lambda handler, makes that client on every request or invocation (`workspace/goBodyMakers.ts`).
 * An assignment to the blank identifier (`_, err = svc.DeleteItem(...)`) keeps nothing. Silent: a data-layer function given its client, one that calls a maker kept under `sync.Once`, one that passes its
 * caller's options to a maker that takes them, a call outside a handler, and a file read alone.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from '../workspace/support';
import { sourceLines } from './support';

function perCall(files: Record<string, string>, file: string): string[] {
  return hintsOfFile(files, file).filter((hint) => hint.endsWith('client-per-request!') || hint.endsWith('lambda-client-per-invocation!'));
}

const DB = sourceLines(
  'package db',
  '',
  'import (',
  '\t"os"',
  '\t"sync"',
  '',
  '\t"github.com/aws/aws-sdk-go/aws"',
  '\t"github.com/aws/aws-sdk-go/aws/session"',
  '\t"github.com/aws/aws-sdk-go/service/dynamodb"',
  ')',
  '',
  'var (',
  '\tshared *dynamodb.DynamoDB',
  '\tonce   sync.Once',
  ')',
  '',
  '// Client loads a session pointed at DYNAMODB_ENDPOINT (DynamoDB Local in development) and makes a client each time.',
  'func Client() *dynamodb.DynamoDB {',
  '\tcfg := &aws.Config{Endpoint: aws.String(os.Getenv("DYNAMODB_ENDPOINT"))}',
  '\tsess := session.Must(session.NewSession(cfg))',
  '\treturn dynamodb.New(sess)',
  '}',
  '',
  'func Shared() *dynamodb.DynamoDB {',
  '\tonce.Do(func() {',
  '\t\tshared = dynamodb.New(session.Must(session.NewSession()))',
  '\t})',
  '\treturn shared',
  '}',
  '',
  'func InRegion(region string) *dynamodb.DynamoDB {',
  '\treturn dynamodb.New(session.Must(session.NewSession(&aws.Config{Region: aws.String(region)})))',
  '}',
);

const PROFILES = sourceLines(
  'package profiles',
  '',
  'import (',
  '\t"os"',
  '',
  '\t"github.com/aws/aws-sdk-go/aws"',
  '\t"github.com/aws/aws-sdk-go/service/dynamodb"',
  '',
  '\t"example.com/members/internal/db"',
  ')',
  '',
  'func FetchProfile(handle string) (map[string]*dynamodb.AttributeValue, error) {',
  '\tsvc := db.Client()',
  '\tout, err := svc.GetItem(&dynamodb.GetItemInput{',
  '\t\tTableName: aws.String(os.Getenv("PROFILES_TABLE")),',
  '\t\tKey:       map[string]*dynamodb.AttributeValue{"Handle": {S: aws.String(handle)}},',
  '\t})',
  '\tif err != nil {',
  '\t\treturn nil, err',
  '\t}',
  '\treturn out.Item, nil',
  '}',
  '',
  'func SaveProfile(item map[string]*dynamodb.AttributeValue) error {',
  '\t_, err := db.Shared().PutItem(&dynamodb.PutItemInput{TableName: aws.String(os.Getenv("PROFILES_TABLE")), Item: item})',
  '\treturn err',
  '}',
  '',
  'func Mirror(region string, handle string) error {',
  '\t_, err := db.InRegion(region).DeleteItem(&dynamodb.DeleteItemInput{',
  '\t\tTableName: aws.String(os.Getenv("PROFILES_TABLE")),',
  '\t\tKey:       map[string]*dynamodb.AttributeValue{"Handle": {S: aws.String(handle)}},',
  '\t})',
  '\treturn err',
  '}',
  '',
  'func Forget(handle string) error {',
  '\tsvc := db.Client()',
  '\tvar err error',
  '\t_, err = svc.DeleteItem(&dynamodb.DeleteItemInput{TableName: aws.String(os.Getenv("PROFILES_TABLE"))})',
  '\treturn err',
  '}',
  '',
  'func Touch(svc *dynamodb.DynamoDB, handle string) error {',
  '\t_, err := svc.DeleteItem(&dynamodb.DeleteItemInput{TableName: aws.String(os.Getenv("PROFILES_TABLE"))})',
  '\treturn err',
  '}',
);

const ROUTES = sourceLines(
  'package routes',
  '',
  'import (',
  '\t"net/http"',
  '',
  '\t"github.com/gin-gonic/gin"',
  '',
  '\t"example.com/members/internal/profiles"',
  ')',
  '',
  'func GetProfile(c *gin.Context) {',
  '\titem, err := profiles.FetchProfile(c.Param("handle"))', // 12
  '\tif err != nil {',
  '\t\tc.Status(http.StatusNotFound)',
  '\t\treturn',
  '\t}',
  '\t_ = profiles.SaveProfile(item)',
  '\t_ = profiles.Mirror(c.Query("region"), c.Param("handle"))',
  '\terr = profiles.Forget(c.Query("old"))', // 19
  '\tc.JSON(http.StatusOK, item)',
  '}',
  '',
  'func Warm() {',
  '\t_, _ = profiles.FetchProfile("warm")',
  '}',
);

const WORKER = sourceLines(
  'package main',
  '',
  'import (',
  '\t"context"',
  '',
  '\t"github.com/aws/aws-lambda-go/events"',
  '\t"github.com/aws/aws-lambda-go/lambda"',
  '',
  '\t"example.com/members/internal/profiles"',
  ')',
  '',
  'func handler(ctx context.Context, event events.SQSEvent) error {',
  '\tfor _, record := range event.Records {',
  '\t\tif _, err := profiles.FetchProfile(record.Body); err != nil {', // 14
  '\t\t\treturn err',
  '\t\t}',
  '\t}',
  '\treturn nil',
  '}',
  '',
  'func main() { lambda.Start(handler) }',
);

const FILES = {
  'go.mod': sourceLines('module example.com/members', '', 'go 1.22'),
  'internal/db/db.go': DB,
  'internal/profiles/profiles.go': PROFILES,
  'routes/profiles.go': ROUTES,
  'cmd/worker/main.go': WORKER,
};

describe('Go data-layer functions that make a client through another package\'s maker (workspace mode)', () => {
  it('reports a gin handler\'s and a Lambda handler\'s call of such a function', () => {
    // `Forget` assigns `_, err = ...`: the blank identifier is no package variable that could keep its client.
    assert.deepEqual(perCall(FILES, 'routes/profiles.go'), ['12:FetchProfile client-per-request!', '19:Forget client-per-request!']);
    assert.deepEqual(perCall(FILES, 'cmd/worker/main.go'), ['14:FetchProfile lambda-client-per-invocation!']);
  });

  it('says nothing for the data layer itself, nor for a file read alone', () => {
    assert.deepEqual(perCall(FILES, 'internal/profiles/profiles.go'), []);
    assert.deepEqual(perCall({ 'routes/profiles.go': ROUTES }, 'routes/profiles.go'), []);
  });
});
