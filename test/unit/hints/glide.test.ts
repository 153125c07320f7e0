/**
 * Valkey GLIDE (github.com/valkey-io/valkey-glide) in Node, Python, Go and Java: clients from `createClient` / `create`, typed
 * fields and parameters, the commands they send (KEYS through `customCommand`), the options of their configurations
 * that the TLS and AUTH rules read, a client made per Lambda invocation; and the code that stays silent: batches,
 * key lists, other libraries' `createClient`.
 */
import * as assert from 'node:assert/strict';
import { pickExample } from '../../../src/hints/examples';
import { hintsIn, realHintRules, sourceLines } from './support';

function assertHas(found: string[], ...expected: string[]): void {
  for (const hint of expected) {
    assert.ok(found.includes(hint), `${hint} in\n${found.join('\n')}`);
  }
}

function findings(found: string[]): string[] {
  return found.filter((hint) => hint.endsWith('!')).sort();
}

describe('Valkey GLIDE', () => {
  describe('Node', () => {
    // A NestJS-style cache repository with the client injected by its constructor.
    const repository = sourceLines(
      "import { Inject, Injectable } from '@nestjs/common';", // 1
      "import { Batch, GlideClient, TimeUnit } from '@valkey/valkey-glide';",
      '',
      '@Injectable()',
      'export class SessionRepository {', // 5
      "  constructor(@Inject('VALKEY') private readonly client: GlideClient) {}",
      '',
      '  async load(ids: string[]) {',
      '    const sessions = [];',
      '    for (const id of ids) {', // 10
      '      sessions.push(await this.client.get(`session:${id}`));', // 11
      '    }',
      '    return sessions;',
      '  }',
      '', // 15
      '  async purge(prefix: string) {',
      "    const keys = (await this.client.customCommand(['KEYS', `${prefix}*`])) as string[];", // 17
      '    for (const key of keys) {',
      '      await this.client.del([key]);', // 19
      '    }',
      '  }',
      '',
      '  async sweep(batches: string[][]) {',
      '    for (const keys of batches) {',
      '      await this.client.del(keys);', // 25
      '      await this.client.unlink([...keys]);', // 26
      '    }',
      '  }',
      '',
      '  async touchAll(ids: string[]) {', // 30
      '    const batch = new Batch(false);',
      '    for (const id of ids) {',
      '      batch.expire(`session:${id}`, 3600);', // 33
      '    }',
      '    return this.client.exec(batch, true);', // 35
      '  }',
      '',
      '  async save(id: string, body: string) {',
      '    await this.client.set(`session:${id}`, body, { expiry: { type: TimeUnit.Seconds, count: 3600 } });', // 39
      '  }',
      '}',
    );

    it('reads an injected client: a GET per id in a loop, KEYS sent with customCommand, a DEL of one key per loop element', () => {
      const found = hintsIn('session.repository.ts', repository);
      assertHas(found, '11:get redis-loop-round-trips!', "17:'KEYS' redis-keys!", '19:del redis-loop-round-trips!', '39:set redis-expire');
    });

    it('keeps a DEL of a list of keys and commands queued on a Batch silent', () => {
      const found = hintsIn('session.repository.ts', repository);
      assert.deepEqual(findings(found), ['11:get redis-loop-round-trips!', "17:'KEYS' redis-keys!", '19:del redis-loop-round-trips!']);
      assert.ok(!found.some((hint) => hint.startsWith('33:')), found.join('\n'));
    });

    it('reads the options of createClient: a literal password without TLS, insecure TLS, a local server', () => {
      const found = hintsIn(
        'valkey.ts',
        sourceLines(
          "import { GlideClient, GlideClusterClient } from '@valkey/valkey-glide';", // 1
          '',
          'export const sessions = await GlideClusterClient.createClient({',
          "  addresses: [{ host: 'sessions.xxxxxx.clustercfg.use1.cache.amazonaws.com', port: 6379 }],",
          "  credentials: { username: 'app', password: 'hunter2-hunter2' },", // 5
          '  requestTimeout: 500,',
          '});',
          '',
          'export const cache = await GlideClient.createClient({',
          '  addresses: [{ host: process.env.CACHE_HOST!, port: 6379 }],', // 10
          '  useTLS: true,',
          '  credentials: { password: process.env.CACHE_PASSWORD! },',
          '  advancedConfiguration: { tlsAdvancedConfiguration: { insecure: true } },', // 13
          '});',
          '',
          'const local = { addresses: [{ host: "localhost", port: 6379 }], credentials: { password: process.env.PW! } };',
          'export const dev = await GlideClient.createClient(local);',
        ),
      );
      assertHas(found, "5:'hunter2-hunter2' redis-password!", '5:password redis-auth-without-tls!', '11:useTLS redis-tls', '13:insecure redis-tls!');
      assert.deepEqual(findings(found), ['13:insecure redis-tls!', "5:'hunter2-hunter2' redis-password!", '5:password redis-auth-without-tls!']);
    });

    it('reads a client made in a Lambda handler, not one kept in a module-level variable, nor another library\'s createClient', () => {
      const found = hintsIn(
        'handler.ts',
        sourceLines(
          "import { GlideClient } from '@valkey/valkey-glide';", // 1
          "import { createClient } from '@supabase/supabase-js';",
          '',
          'let shared: GlideClient | undefined;',
          '',
          'export const handler = async (event: { ids: string[] }) => {',
          "  const client = await GlideClient.createClient({ addresses: [{ host: process.env.HOST!, port: 6379 }], useTLS: true });", // 7
          "  shared ??= await GlideClient.createClient({ addresses: [{ host: process.env.HOST!, port: 6379 }], useTLS: true });",
          '  const db = createClient(process.env.URL!, process.env.KEY!);',
          '  for (const id of event.ids) {',
          "    await db.from('users').delete().eq('id', id);", // 11
          '  }',
          '  return client.mget(event.ids);',
          '};',
        ),
      );
      assert.deepEqual(findings(found), ['7:createClient lambda-client-per-invocation!']);
    });

    it('shows GLIDE examples in the hovers of its commands', () => {
      const rule = realHintRules().find((candidate) => candidate.id === 'redis-loop-round-trips')!;
      assert.match(pickExample(rule, 'typescript', 'glide')?.code ?? '', /client\.mget\(keys\)/);
      assert.match(pickExample(rule, 'python', 'glide')?.code ?? '', /await client\.mget\(keys\)/);
      assert.equal(pickExample(rule, 'go', 'glide-sync'), undefined);
    });
  });

  describe('Python', () => {
    // A FastAPI service with a module-level configuration and a client made once, lazily.
    const service = sourceLines(
      'import os', // 1
      'from fastapi import FastAPI',
      'from glide import Batch, GlideClient, GlideClientConfiguration, NodeAddress, ServerCredentials',
      '',
      'config = GlideClientConfiguration(', // 5
      '    [NodeAddress(os.environ["VALKEY_HOST"], 6379)],',
      '    credentials=ServerCredentials(password="s3cret-literal"),', // 7
      ')',
      'app = FastAPI()',
      '_client: GlideClient | None = None', // 10
      '',
      'async def client() -> GlideClient:',
      '    global _client',
      '    if _client is None:',
      '        _client = await GlideClient.create(config)', // 15
      '    return _client',
      '',
      '@app.get("/products")',
      'async def products(ids: str):',
      '    valkey = await client()', // 20
      '    out = []',
      '    for product_id in ids.split(","):',
      '        out.append(await valkey.get(f"product:{product_id}"))', // 23
      '    return out',
      '', // 25
      'async def purge(valkey: GlideClient, pattern: str):',
      '    keys = await valkey.custom_command(["KEYS", pattern])', // 27
      '    for key in keys:',
      '        await valkey.delete([key])', // 29
      '    await valkey.delete(keys)', // 30
      '',
      'async def warm(valkey: GlideClient, items: dict):',
      '    batch = Batch(is_atomic=False)',
      '    for key, value in items.items():',
      '        batch.set(key, value)', // 35
      '    await valkey.exec(batch, raise_on_error=True)',
    );

    it('reads a typed parameter and a lazily created client: a GET per id, KEYS through custom_command, a DELETE per key', () => {
      const found = hintsIn('service.py', service);
      assertHas(found, '23:get redis-loop-round-trips!', '27:"KEYS" redis-keys!', '29:delete redis-loop-round-trips!');
      assert.ok(!found.some((hint) => hint.startsWith('35:') || hint.startsWith('30:delete redis-loop')), found.join('\n'));
    });

    it('reads the configuration the client is made with: a literal password in ServerCredentials, without use_tls', () => {
      const found = hintsIn('service.py', service);
      assertHas(found, '7:"s3cret-literal" redis-password!', '7:password redis-auth-without-tls!');
    });

    it('takes use_tls by keyword or position, and leaves a local server alone', () => {
      const found = hintsIn(
        'settings.py',
        sourceLines(
          'import os', // 1
          'from glide import GlideClusterClientConfiguration, NodeAddress, ServerCredentials',
          'from glide import AdvancedGlideClusterClientConfiguration, TlsAdvancedConfiguration',
          '',
          'PROD = GlideClusterClientConfiguration([NodeAddress(os.environ["HOST"])], True, ServerCredentials(os.environ["PW"]))', // 5
          'TLS = GlideClusterClientConfiguration(',
          '    addresses=[NodeAddress(os.environ["HOST"])],',
          '    use_tls=True,', // 8
          '    credentials=ServerCredentials(password=os.environ["PW"], username="app"),',
          '    advanced_config=AdvancedGlideClusterClientConfiguration(tls_config=TlsAdvancedConfiguration(use_insecure_tls=True)),', // 10
          ')',
          'LOCAL = GlideClusterClientConfiguration([NodeAddress("localhost", 7000)], credentials=ServerCredentials(password=os.environ["PW"]))',
        ),
      );
      assertHas(found, '8:use_tls redis-tls', '10:use_insecure_tls redis-tls!');
      assert.deepEqual(findings(found), ['10:use_insecure_tls redis-tls!']);
    });

    it('reads glide_sync clients, which block: a client made per Lambda invocation, a GET per key in a loop', () => {
      const found = hintsIn(
        'handler.py',
        sourceLines(
          'import os', // 1
          'from glide_sync import GlideClient, GlideClientConfiguration, NodeAddress',
          '',
          'CONFIG = GlideClientConfiguration([NodeAddress(os.environ["HOST"])], use_tls=True)',
          '', // 5
          'def lambda_handler(event, context):',
          '    client = GlideClient.create(CONFIG)', // 7
          '    return [client.get(key) for key in event["keys"]]',
          '',
          'def each(client: GlideClient, keys):', // 10
          '    for key in keys:',
          '        client.get(key)', // 12
        ),
      );
      assertHas(found, '7:create lambda-client-per-invocation!', '12:get redis-loop-round-trips!');
    });

    it('leaves another library named glide alone', () => {
      const found = hintsIn(
        'pipeline.py',
        sourceLines(
          'from glide import Glider, RowCSVExtract, Print', // 1
          '',
          'def run(rows):',
          '    glider = Glider(RowCSVExtract("extract") | Print("load"))',
          '    for row in rows:', // 5
          '        glider.consume([row])',
        ),
      );
      assert.deepEqual(findings(found), []);
    });
  });
  describe('Go', () => {
    const repository = sourceLines(
      'package storage', // 1
      'import (',
      '\t"context"',
      '\t"testing"',
      '\tglide "github.com/valkey-io/valkey-glide/go/v2"', // 5
      '\t"github.com/valkey-io/valkey-glide/go/v2/config"',
      '\t"github.com/valkey-io/valkey-glide/go/v2/pipeline"',
      ')',
      'type Store struct {',
      '\tclient *glide.Client', // 10
      '}',
      'func NewStore(host string, user, password string) (*Store, error) {',
      '\tcfg := config.NewClientConfiguration().WithAddress(&config.NodeAddress{Host: host, Port: 6379})',
      '\tif password != "" {',
      '\t\tcfg.WithCredentials(config.NewServerCredentials(user, password))', // 15
      '\t}',
      '\tclient, err := glide.NewClient(cfg)',
      '\treturn &Store{client: client}, err',
      '}',
      'func (s *Store) Purge(ctx context.Context, ids []string) error {', // 20
      '\tkeys, _ := s.client.CustomCommand(ctx, []string{"KEYS", "task:*"})', // 21
      '\t_ = keys',
      '\tfor _, id := range ids {',
      '\t\tif _, err := s.client.Del(ctx, []string{"task:" + id}); err != nil {', // 24
      '\t\t\treturn err',
      '\t\t}',
      '\t}',
      '\t_, err := s.client.Del(ctx, ids)', // 28
      '\treturn err',
      '}', // 30
      'func (s *Store) Warm(ctx context.Context, ids []string) error {',
      '\tbatch := pipeline.NewStandaloneBatch(false)',
      '\tfor _, id := range ids {',
      '\t\tbatch.Get("task:" + id)', // 34
      '\t}',
      '\t_, err := s.client.Exec(ctx, *batch, true)',
      '\treturn err',
      '}',
      'func seed(ctx context.Context, t *testing.T, s *Store, ids []string) {', // 39
      '\tfor _, id := range ids {',
      '\t\ts.client.Set(ctx, "task:"+id, "{}")', // 41
      '\t}',
      '}',
      'func Local() (*glide.Client, error) {',
      '\treturn glide.NewClient(config.NewClientConfiguration().WithAddress(&config.NodeAddress{Host: "localhost"}).WithCredentials(config.NewServerCredentialsWithDefaultUsername("pw-literal-123")))', // 45
      '}',
      'func Secure(password string) (*glide.Client, error) {',
      '\treturn glide.NewClient(config.NewClientConfiguration().WithUseTLS(true).WithCredentials(config.NewServerCredentialsWithDefaultUsername(password)))', // 48
      '}',
    );

    it('reads a client held by a struct: KEYS through CustomCommand, a DEL of one key per loop element', () => {
      const found = hintsIn('store.go', repository);
      assertHas(found, '21:"KEYS" redis-keys!', '24:Del redis-loop-round-trips!');
    });

    it('reads the configuration builder: a password added under an if without TLS, a literal password, TLS turned on', () => {
      const found = hintsIn('store.go', repository);
      assertHas(found, '15:password redis-auth-without-tls!', '45:"pw-literal-123" redis-password!', '48:true redis-tls');
    });

    it('keeps a DEL of a slice, commands queued on a batch, a test helper and a local server silent', () => {
      const found = hintsIn('store.go', repository);
      assert.deepEqual(findings(found), ['15:password redis-auth-without-tls!', '21:"KEYS" redis-keys!', '24:Del redis-loop-round-trips!', '45:"pw-literal-123" redis-password!']);
    });
  });
  describe('Java', () => {
    const cache = sourceLines(
      'package com.example.cache;', // 1
      'import glide.api.GlideClient;',
      'import glide.api.models.Batch;',
      'import java.util.ArrayList;',
      'import java.util.List;', // 5
      'import java.util.concurrent.CompletableFuture;',
      'public class TokenCache {',
      '    private final GlideClient client;',
      '    public TokenCache(GlideClient client) { this.client = client; }',
      '    public List<String> load(List<String> ids) throws Exception {', // 10
      '        List<String> out = new ArrayList<>();',
      '        for (String id : ids) {',
      '            out.add(client.get("token:" + id).get());', // 13
      '        }',
      '        return out;', // 15
      '    }',
      '    public List<CompletableFuture<String>> loadAsync(List<String> ids) {',
      '        List<CompletableFuture<String>> out = new ArrayList<>();',
      '        for (String id : ids) {',
      '            out.add(client.get("token:" + id));', // 20
      '        }',
      '        return out;',
      '    }',
      '    public void purge(List<String> ids, String[] keys) throws Exception {',
      '        client.customCommand(new String[] {"KEYS", "token:*"}).get();', // 25
      '        for (String id : ids) {',
      '            client.del(new String[] {"token:" + id}).get();', // 27
      '            client.unlink(keys).get();', // 28
      '        }',
      '    }', // 30
      '    public void warm(List<String> ids) throws Exception {',
      '        Batch batch = new Batch(false);',
      '        for (String id : ids) {',
      '            batch.get("token:" + id);', // 34
      '        }',
      '        client.exec(batch, true).get();',
      '    }',
      '}',
    );

    it('reads a client field: a command waited on with get() per loop element, KEYS through customCommand', () => {
      const found = hintsIn('TokenCache.java', cache);
      assertHas(found, '13:get redis-loop-round-trips!', '25:"KEYS" redis-keys!', '27:del redis-loop-round-trips!');
    });

    it('keeps futures collected without waiting, a DEL of an array of keys and a Batch silent', () => {
      const found = hintsIn('TokenCache.java', cache);
      assert.deepEqual(findings(found), ['13:get redis-loop-round-trips!', '25:"KEYS" redis-keys!', '27:del redis-loop-round-trips!']);
      assert.ok(!found.some((hint) => hint.startsWith('34:')), found.join('\n'));
    });
  });
});
