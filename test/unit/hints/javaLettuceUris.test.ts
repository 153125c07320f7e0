/**
 * A Lettuce `RedisURI` made from a host and a port whose password a setter gives: the connection it describes is
 * known whole (no TLS) where the URI only meets its setters, a client factory or a private method's `return`, and the
 * file turns TLS on for no URI.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const authFindings = (file: string, code: string): string[] => hintsIn(file, code).filter((hint) => hint.endsWith('redis-auth-without-tls!'));

describe('Java: Lettuce RedisURI built by setters', () => {
  it('reports a password set on a host-and-port URI that a client is made from, or a private method returns', () => {
    const code = sourceLines(
      'import io.lettuce.core.RedisClient;',
      'import io.lettuce.core.RedisURI;',
      'class Nodes {',
      '    RedisClient connect(String host, String secret) {',
      '        RedisURI uri = RedisURI.create(host, 6379);',
      '        uri.setPassword(secret);',
      '        return RedisClient.create(uri);',
      '    }',
      '    private RedisURI node(String host, String secret) {',
      '        RedisURI uri = RedisURI.create(host, 6380);',
      '        if (secret != null) {',
      '            uri.setPassword(secret);',
      '        }',
      '        return uri;',
      '    }',
      '}',
    );
    assert.deepEqual(authFindings('Nodes.java', code), ['6:setPassword redis-auth-without-tls!', '12:setPassword redis-auth-without-tls!']);
  });

  it('stays silent where TLS may come later, from a string, to a local host, or through an unknown hand', () => {
    const publicReturn = sourceLines(
      'import io.lettuce.core.RedisURI;',
      'class Nodes {',
      '    public RedisURI node(String host, String secret) {',
      '        RedisURI uri = RedisURI.create(host, 6379);',
      '        uri.setPassword(secret);',
      '        return uri;',
      '    }',
      '    private RedisURI fromUrl(String url, String secret) {',
      '        RedisURI uri = RedisURI.create(url);',
      '        uri.setPassword(secret);',
      '        return uri;',
      '    }',
      '    private RedisURI handed(String host, String secret) {',
      '        RedisURI uri = RedisURI.create(host, 6379);',
      '        uri.setPassword(secret);',
      '        Tuning.apply(uri);',
      '        return uri;',
      '    }',
      '    private RedisURI local(String secret) {',
      '        RedisURI uri = RedisURI.create("127.0.0.1", 6379);',
      '        uri.setPassword(secret);',
      '        return uri;',
      '    }',
      '}',
    );
    assert.deepEqual(authFindings('Nodes.java', publicReturn), []);
    const tlsElsewhere = sourceLines(
      'import io.lettuce.core.RedisClient;',
      'import io.lettuce.core.RedisURI;',
      'class Nodes {',
      '    RedisClient connect(String host, String secret) {',
      '        RedisURI uri = RedisURI.create(host, 6379);',
      '        uri.setPassword(secret);',
      '        return RedisClient.create(secure(uri));',
      '    }',
      '    private RedisURI secure(RedisURI uri) {',
      '        uri.setSsl(true);',
      '        return uri;',
      '    }',
      '}',
    );
    assert.deepEqual(authFindings('Nodes.java', tlsElsewhere), []);
  });
});
