/**
 * A Redis client made anew in each iteration of a loop (`new Jedis(host, port)` for each sentinel or replica node,
 * `redis.Redis(host=node)` per shard) sends its one command to its own server: nothing one MGET or pipeline could
 * batch, so no round-trip finding. A client made once, or an alias of one, keeps it.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const loopFindings = (file: string, code: string): string[] => hintsIn(file, code).filter((hint) => hint.endsWith(' redis-loop-round-trips!'));

describe('Redis clients made per iteration', () => {
  it('Java: a Jedis made for each node gets no round-trip finding; one made before the loop does', () => {
    const code = sourceLines(
      'import java.util.List;',
      'import java.util.Map;',
      'import redis.clients.jedis.Jedis;',
      '',
      'class Nodes {',
      '  void stamp(List<Map<String, String>> nodes, List<String> keys) {',
      '    for (Map<String, String> node : nodes) {',
      '      Jedis jedis = new Jedis(node.get("ip"), Integer.parseInt(node.get("port")));',
      '      jedis.set("checked", "1");',
      '      jedis.close();', // 10
      '    }',
      '    Jedis shared = new Jedis("cache", 6379);',
      '    for (String key : keys) {',
      '      shared.set(key, "1");',
      '    }',
      '  }',
      '}',
    );
    assert.deepEqual(loopFindings('Nodes.java', code), [`14:set redis-loop-round-trips!`]);
  });

  it('Python: a client made per shard is silent, an alias of the shared one in the loop is not', () => {
    const code = sourceLines(
      'import redis',
      '',
      'shared = redis.Redis(host="cache")',
      '',
      'def stamp(shards, keys):',
      '    for host in shards:',
      '        node = redis.Redis(host=host)',
      '        node.set("checked", "1")',
      '    for key in keys:',
      '        client = shared', // 10
      '        client.set(key, "1")',
    );
    assert.deepEqual(loopFindings('stamp.py', code), [`11:set redis-loop-round-trips!`]);
  });
});
