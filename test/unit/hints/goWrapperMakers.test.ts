/**
 * Go constructors in another package that make a client on each call and return it inside a type of their package
 * (`func NewStore() *Store { ...; return &Store{Client: dynamodb.NewFromConfig(cfg, func(o *dynamodb.Options) {...})} }`,
 * `workspace/goSqlOpeners.ts`'s `wrapperMakers`), called per request by a web handler that is a method of a struct
 * (`func (h *Handler) Orders(c echo.Context)`), also through a method of the same receiver (`h.save(ctx)`), and per
 * invocation by a Lambda handler method. Silent: a constructor given the caller's client or config, one that keeps
 * its store in a package variable, a call in `main`, and a method of another type of the same name.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from '../workspace/support';
import { sourceLines } from './support';

function perCall(files: Record<string, string>, file: string): string[] {
  return hintsOfFile(files, file).filter((hint) => / (?:client-per-request|lambda-client-per-invocation)!$/.test(hint));
}

const STORE = sourceLines(
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
  'type Store struct {',
  '\tClient *dynamodb.Client',
  '\tTable  string',
  '}',
  '',
  'var kept *Store',
  '',
  '// NewLocalStore talks to DynamoDB Local: a new client for each store.',
  'func NewLocalStore() *Store {',
  '\tendpoint := "http://localhost:8000"', // 20
  '\tcfg, err := config.LoadDefaultConfig(context.TODO(), config.WithRegion("eu-west-1"))',
  '\tif err != nil {',
  '\t\tpanic(err)',
  '\t}',
  '\tclient := dynamodb.NewFromConfig(cfg, func(o *dynamodb.Options) {',
  '\t\to.BaseEndpoint = aws.String(endpoint)',
  '\t})',
  '\treturn &Store{Client: client, Table: "badges"}',
  '}',
  '', // 30
  'func WithClient(client *dynamodb.Client) *Store {',
  '\treturn &Store{Client: client, Table: "badges"}',
  '}',
  '',
  'func FromConfig(cfg aws.Config) *Store {',
  '\treturn &Store{Client: dynamodb.NewFromConfig(cfg), Table: "badges"}',
  '}',
  '',
  'func Kept() *Store {',
  '\tif kept == nil {', // 40
  '\t\tcfg, _ := config.LoadDefaultConfig(context.TODO())',
  '\t\tkept = &Store{Client: dynamodb.NewFromConfig(cfg), Table: "badges"}',
  '\t}',
  '\treturn kept',
  '}',
);

const HANDLER = sourceLines(
  'package handler',
  '',
  'import (',
  '\t"context"',
  '\t"net/http"',
  '',
  '\t"github.com/aws/aws-sdk-go-v2/aws"',
  '\t"github.com/labstack/echo/v4"',
  '',
  '\t"example.com/badges/internal/store"',
  ')',
  '', // 12
  'type Handler struct {',
  '\tshared *store.Store',
  '}',
  '',
  'func (h *Handler) save(ctx context.Context, name string) error {',
  '\ts := store.NewLocalStore()',
  '\t_ = s',
  '\treturn nil',
  '}',
  '', // 22
  'func (h *Handler) Award(c echo.Context) error {',
  '\tif err := h.save(c.Request().Context(), c.Param("name")); err != nil {',
  '\t\treturn echo.NewHTTPError(http.StatusBadRequest, err.Error())',
  '\t}',
  '\treturn c.NoContent(http.StatusCreated)',
  '}',
  '',
  'func (h *Handler) List(c echo.Context) error {', // 30
  '\ts := store.NewLocalStore()',
  '\t_ = store.WithClient(h.shared.Client)',
  '\t_ = store.FromConfig(aws.Config{})',
  '\t_ = store.Kept()',
  '\treturn c.JSON(http.StatusOK, s.Table)',
  '}',
);

const OTHER = sourceLines(
  'package handler',
  '',
  'import "example.com/badges/internal/store"',
  '',
  'type Worker struct{}',
  '',
  'func (w Worker) save() {',
  '\t_ = store.NewLocalStore()',
  '}',
);

const LAMBDA = sourceLines(
  'package main',
  '',
  'import (',
  '\t"context"',
  '',
  '\t"github.com/aws/aws-lambda-go/events"',
  '\t"github.com/aws/aws-lambda-go/lambda"',
  '',
  '\t"example.com/badges/internal/store"',
  ')', // 10
  '',
  'type consumer struct{}',
  '',
  'func (c *consumer) Handle(ctx context.Context, batch events.SQSEvent) error {',
  '\ts := store.NewLocalStore()',
  '\t_ = s',
  '\treturn nil',
  '}',
  '',
  'func main() {', // 20
  '\t_ = store.NewLocalStore()',
  '\tlambda.Start((&consumer{}).Handle)',
  '}',
);

const FILES = {
  'go.mod': sourceLines('module example.com/badges', '', 'go 1.22'),
  'internal/store/store.go': STORE,
  'internal/handler/badges.go': HANDLER,
  'internal/handler/worker.go': OTHER,
  'cmd/consumer/main.go': LAMBDA,
};

describe('Go constructors of another package that return a new client inside their own type (workspace mode)', () => {
  it('reports a method handler\'s call, direct or through a method of the same receiver, and a Lambda handler method\'s', () => {
    assert.deepEqual(perCall(FILES, 'internal/handler/badges.go'), ['24:save client-per-request!', '31:NewLocalStore client-per-request!']);
    assert.deepEqual(perCall(FILES, 'cmd/consumer/main.go'), ['15:NewLocalStore lambda-client-per-invocation!']);
  });

  it('says nothing for a store given the caller\'s client or config, a kept store, a method of another type, main, or a file read alone', () => {
    assert.deepEqual(perCall(FILES, 'internal/store/store.go'), []);
    assert.deepEqual(perCall(FILES, 'internal/handler/worker.go'), []);
    assert.deepEqual(hintsOfFile(FILES, 'internal/handler/badges.go', null).filter((hint) => hint.includes('client-per-request')), []);
  });
});

const STATUS = sourceLines(
  'package status',
  '',
  'import (',
  '\t"context"',
  '',
  '\t"github.com/aws/aws-sdk-go-v2/aws"',
  '\t"github.com/aws/aws-sdk-go-v2/config"',
  '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
  ')',
  '',
  'var shared *dynamodb.Client',
  '',
  '// Latest makes its own client on each call and returns only what it read.',
  'func Latest(ctx context.Context, id string) []byte {',
  '\tcfg, _ := config.LoadDefaultConfig(ctx)',
  '\tclient := dynamodb.NewFromConfig(cfg)',
  '\tout, _ := client.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String("status")})',
  '\t_ = out',
  '\treturn nil',
  '}',
  '',
  'func Shared(ctx context.Context, id string) []byte {',
  '\tout, _ := shared.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String("status")})',
  '\t_ = out',
  '\treturn nil',
  '}',
  '',
  'func Given(ctx context.Context, client *dynamodb.Client) error {',
  '\t_, err := client.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String("status")})',
  '\treturn err',
  '}',
);

const STATUS_LAMBDA = sourceLines(
  'package main',
  '',
  'import (',
  '\t"context"',
  '',
  '\t"github.com/aws/aws-lambda-go/lambda"',
  '',
  '\t"example.com/badges/internal/status"',
  ')',
  '',
  'func handle(ctx context.Context, id string) (string, error) {',
  '\t_ = status.Shared(ctx, id)',
  '\t_ = status.Given(ctx, nil)',
  '\treturn string(status.Latest(ctx, id)), nil',
  '}',
  '',
  'func main() {',
  '\tlambda.Start(handle)',
  '}',
);

describe('Go functions of another package that make a client on each call and return what they read (workspace mode)', () => {
  it('reports a Lambda handler\'s call, and not of a function using a package client or the caller\'s', () => {
    const files = { 'go.mod': sourceLines('module example.com/badges', '', 'go 1.22'), 'internal/status/status.go': STATUS, 'cmd/status/main.go': STATUS_LAMBDA };
    assert.deepEqual(perCall(files, 'cmd/status/main.go'), ['14:Latest lambda-client-per-invocation!']);
  });
});
