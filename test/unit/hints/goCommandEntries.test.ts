/**
 * Go: the run hooks of a cobra or urfave/cli command run once per process, as `main` does, so a Redis client a
 * `serve` command opens and closes with `defer` is the program's own, not a connection per call
 * (`redis-connection-per-call` stays silent there). A helper such a hook calls, a hook-named field of a file that
 * imports neither framework, and an ordinary function keep the finding.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const COBRA = sourceLines(
  'package main', // 1
  'import (',
  '\t"context"',
  '\t"os"',
  '\t"github.com/redis/go-redis/v9"', // 5
  '\t"github.com/spf13/cobra"',
  ')',
  'var serveCmd = &cobra.Command{',
  '\tUse: "serve",',
  '\tRunE: func(cmd *cobra.Command, args []string) error {', // 10
  '\t\trdb := redis.NewClient(&redis.Options{Addr: os.Getenv("QUEUE_REDIS")})',
  '\t\tdefer rdb.Close()',
  '\t\treturn listen(cmd.Context(), rdb)',
  '\t},',
  '}', // 15
  'var drainCmd = &cobra.Command{Use: "drain", RunE: runDrain}',
  'type worker struct{ addr string }',
  'func (w *worker) run(cmd *cobra.Command, args []string) error {',
  '\trdb := redis.NewClient(&redis.Options{Addr: w.addr})',
  '\tdefer rdb.Close()', // 20
  '\treturn rdb.Ping(cmd.Context()).Err()',
  '}',
  'func runDrain(cmd *cobra.Command, args []string) error {',
  '\trdb := redis.NewClient(&redis.Options{Addr: os.Getenv("QUEUE_REDIS")})',
  '\tdefer rdb.Close()', // 25
  '\treturn rdb.Del(cmd.Context(), "jobs").Err()',
  '}',
  'func runPurge(cmd *cobra.Command, args []string) error {',
  '\trdb := redis.NewClient(&redis.Options{Addr: os.Getenv("QUEUE_REDIS")})',
  '\tdefer rdb.Close()', // 30
  '\treturn rdb.Del(cmd.Context(), "dead").Err()',
  '}',
  'func newWorkerCmd() *cobra.Command {',
  '\tw := &worker{addr: os.Getenv("QUEUE_REDIS")}',
  '\tcmd := &cobra.Command{Use: "work"}', // 35
  '\tcmd.RunE = w.run',
  '\tpurge := &cobra.Command{Use: "purge"}',
  '\tpurge.RunE = runPurge',
  '\treturn cmd',
  '}', // 40
  'func lookup(ctx context.Context, key string) (string, error) {',
  '\trdb := redis.NewClient(&redis.Options{Addr: os.Getenv("QUEUE_REDIS")})',
  '\tdefer rdb.Close()',
  '\treturn rdb.Get(ctx, key).Result()',
  '}', // 45
  'func listen(ctx context.Context, rdb *redis.Client) error { return rdb.Ping(ctx).Err() }',
);

const URFAVE = sourceLines(
  'package main', // 1
  'import (',
  '\t"os"',
  '\t"github.com/redis/go-redis/v9"',
  '\t"github.com/urfave/cli/v2"', // 5
  ')',
  'func main() {',
  '\tapp := &cli.App{',
  '\t\tName: "sweeper",',
  '\t\tAction: func(c *cli.Context) error {', // 10
  '\t\t\trdb := redis.NewClient(&redis.Options{Addr: os.Getenv("QUEUE_REDIS")})',
  '\t\t\tdefer rdb.Close()',
  '\t\t\treturn rdb.Del(c.Context, "stale").Err()',
  '\t\t},',
  '\t}', // 15
  '\t_ = app.Run(os.Args)',
  '}',
);

/** A struct with a field named like a hook, in a file that imports no command framework. */
const NO_FRAMEWORK = sourceLines(
  'package jobs', // 1
  'import (',
  '\t"context"',
  '\t"os"',
  '\t"github.com/redis/go-redis/v9"', // 5
  ')',
  'type Step struct{ RunE func(ctx context.Context) error }',
  'var sweep = Step{RunE: func(ctx context.Context) error {',
  '\trdb := redis.NewClient(&redis.Options{Addr: os.Getenv("QUEUE_REDIS")})',
  '\tdefer rdb.Close()', // 10
  '\treturn rdb.Del(ctx, "stale").Err()',
  '}}',
);

const perCall = (path: string, code: string): string[] => hintsIn(path, code).filter((hint) => hint.includes('redis-connection-per-call!'));

describe('Go command run hooks (cobra, urfave/cli) as program entries', () => {
  it('reads a run hook written as a literal, named by a field or assigned, as run once; a helper it calls keeps the finding', () => {
    assert.deepEqual(perCall('cmd/queue/serve.go', COBRA), ['42:NewClient redis-connection-per-call!']);
  });

  it('reads an urfave/cli Action as run once', () => {
    assert.deepEqual(perCall('cmd/sweeper/main.go', URFAVE), []);
  });

  it('keeps the finding on a hook-named field of a file that imports no command framework', () => {
    assert.deepEqual(perCall('jobs/steps.go', NO_FRAMEWORK), ['9:NewClient redis-connection-per-call!']);
  });
});
