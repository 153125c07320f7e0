/**
 * Lettuce's command groups (`RedisStringCommands`, `RedisKeyCommands`, `RedisServerCommands`... and their async and
 * reactive variants), which `RedisCommands` extends and which a service may take one by one: their methods are
 * Redis commands, as those of `RedisCommands` are.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const findingsIn = (file: string, code: string): string[] => hintsIn(file, code).filter((hint) => hint.endsWith('!'));

describe('Lettuce command groups taken one by one', () => {
  it('reports INCR then EXPIRE, KEYS and FLUSHALL through the sync command groups a limiter is built with', () => {
    const code = sourceLines(
      'package shop.limits;',
      '',
      'import io.lettuce.core.api.sync.RedisKeyCommands;',
      'import io.lettuce.core.api.sync.RedisServerCommands;',
      'import io.lettuce.core.api.sync.RedisStringCommands;',
      'import java.util.List;',
      '',
      'public final class RequestLimiter {',
      '    private final RedisStringCommands<String, String> strings;',
      '    private final RedisKeyCommands<String, String> keys;',
      '    private final RedisServerCommands<String, String> server;',
      '',
      '    RequestLimiter(RedisStringCommands<String, String> strings, RedisKeyCommands<String, String> keys, RedisServerCommands<String, String> server) {',
      '        this.strings = strings;',
      '        this.keys = keys;',
      '        this.server = server;',
      '    }',
      '',
      '    public boolean allow(String client) {',
      '        String key = "limit:" + client;',
      '        long used = strings.incr(key);',
      '        if (used == 1) keys.expire(key, 60);',
      '        return used <= 100;',
      '    }',
      '',
      '    public List<String> limited() { return keys.keys("limit:*"); }',
      '',
      '    public void reset() { server.flushall(); }',
      '}',
    );
    assert.deepEqual(findingsIn('RequestLimiter.java', code), ['21:incr redis-expire!', '26:keys redis-keys!', '28:flushall redis-flush!']);
  });

  it('reads the async and reactive groups too', () => {
    const code = sourceLines(
      'package shop.admin;',
      '',
      'import io.lettuce.core.api.async.RedisKeyAsyncCommands;',
      'import io.lettuce.core.api.reactive.RedisKeyReactiveCommands;',
      '',
      'public class KeyAdmin {',
      '    private final RedisKeyAsyncCommands<String, String> keys;',
      '    private final RedisKeyReactiveCommands<String, String> reactiveKeys;',
      '',
      '    public KeyAdmin(RedisKeyAsyncCommands<String, String> keys, RedisKeyReactiveCommands<String, String> reactiveKeys) {',
      '        this.keys = keys;',
      '        this.reactiveKeys = reactiveKeys;',
      '    }',
      '',
      '    public Object sessions() { return keys.keys("session:*"); }',
      '',
      '    public Object carts() { return reactiveKeys.keys("cart:*"); }',
      '}',
    );
    assert.deepEqual(findingsIn('KeyAdmin.java', code), ['15:keys redis-keys!', '17:keys redis-keys!']);
  });

  it('stays silent for a project interface of the same name that is not imported from Lettuce', () => {
    const code = sourceLines(
      'package shop.admin;',
      '',
      'import shop.admin.commands.RedisKeyCommands;',
      'import java.util.List;',
      '',
      'public class AdminConsole {',
      '    private final RedisKeyCommands<String, String> commands;',
      '',
      '    public AdminConsole(RedisKeyCommands<String, String> commands) { this.commands = commands; }',
      '',
      '    public List<String> help() { return commands.keys("*"); }',
      '}',
    );
    assert.deepEqual(findingsIn('AdminConsole.java', code), []);
  });
});
