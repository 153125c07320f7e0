/**
 * Redis clients that Celery and Django open from their settings: Celery's `*_use_ssl` dicts and broker and result
 * backend URLs, and Django `CACHES` entries of Redis backends, get the Redis client rules (literal password,
 * password without TLS, certificate verification off); settings read from the environment, verifying ones, a
 * RabbitMQ broker's SSL dict, keys a backend ignores, local and Compose hosts, comments and tests stay silent.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const RULES = ['redis-tls', 'redis-password', 'redis-auth-without-tls'];

function findings(fileName: string, code: string): string[] {
  return hintsIn(fileName, code)
    .filter((hint) => hint.endsWith('!') && RULES.some((rule) => hint.endsWith(` ${rule}!`)))
    .sort();
}

describe('Redis clients of Python framework settings', () => {
  it('reports Celery SSL dicts that accept any certificate, in the app call, on its conf and through a name', () => {
    const code = sourceLines(
      'import os',
      'import ssl',
      'from celery import Celery',
      '',
      "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'shop.settings')",
      "app = Celery('shop',",
      '    broker_use_ssl={',
      "        'ssl_cert_reqs': ssl.CERT_NONE",
      '    },',
      "    redis_backend_use_ssl={'ssl_cert_reqs': 'none'},",
      ')',
      "app.config_from_object('django.conf:settings', namespace='CELERY')",
      '',
      "redis_url = os.environ['REDIS_URL']",
      "if redis_url.startswith('rediss://'):",
      "    tls = {'ssl_cert_reqs': ssl.CERT_NONE}",
      '    app.conf.broker_use_ssl = tls',
      '    app.conf.update(redis_backend_use_ssl=None, broker_url=redis_url, result_backend=redis_url)',
    );
    assert.deepEqual(findings('shop/celery.py', code), [
      "10:'ssl_cert_reqs' redis-tls!",
      "16:'ssl_cert_reqs' redis-tls!",
      "8:'ssl_cert_reqs' redis-tls!",
    ]);
  });

  it('reports a literal password and ssl_cert_reqs=CERT_NONE in Celery URLs, never a password without TLS', () => {
    const code = sourceLines(
      'import ssl',
      '',
      "CELERY_BROKER_URL = 'rediss://:hunter2@jobs.example.com:6379/0?ssl_cert_reqs=CERT_NONE'",
      "CELERY_RESULT_BACKEND = 'redis://:hunter2@jobs.example.com:6379/1'",
      "CELERY_BROKER_USE_SSL = {'ssl_cert_reqs': ssl.CERT_NONE}",
      '',
      'class Config:',
      "    BROKER_URL = 'rediss://jobs.example.com:6379/0?ssl_cert_reqs=none'",
    );
    assert.deepEqual(findings('settings/production.py', code), [
      '3:hunter2 redis-password!',
      '3:ssl_cert_reqs redis-tls!',
      '4:hunter2 redis-password!',
      "5:'ssl_cert_reqs' redis-tls!",
      '8:ssl_cert_reqs redis-tls!',
    ]);
  });

  it('reads a URL written alone inside parentheses on lines of its own, as celeryconfig modules wrap a long one', () => {
    const code = sourceLines(
      'broker_url = (',
      "    'rediss://:hunter2@jobs.example.com:6379/0?ssl_cert_reqs=CERT_NONE'",
      ')',
      "result_backend = ('redis://' + 'jobs.example.com:6379/1')",
    );
    assert.deepEqual(findings('celeryconfig.py', code), ['2:hunter2 redis-password!', '2:ssl_cert_reqs redis-tls!']);
  });

  it('reads Celery(broker=..., backend=...) and a subscript setting, but not broker= of another call', () => {
    const code = sourceLines(
      'from celery import Celery',
      'from flask import Flask',
      '',
      "worker = Celery('tasks', broker='rediss://default:s3cret@cache.example.com:6379', backend='rediss://cache.example.com:6379?ssl_cert_reqs=required')",
      'flask_app = Flask(__name__)',
      "flask_app.config['CELERY_BROKER_URL'] = 'redis://:s3cret@cache.example.com:6379/0'",
      "queue = make_queue(broker='redis://:other@cache.example.com:6379')",
    );
    assert.deepEqual(findings('worker.py', code), ['4:s3cret redis-password!', '6:s3cret redis-password!']);
  });

  it('reports a django-redis cache: URL password without TLS, OPTIONS PASSWORD, pool ssl_cert_reqs, and a key set apart', () => {
    const code = sourceLines(
      'import os',
      '',
      'CACHES = {',
      "    'default': {",
      "        'BACKEND': 'django_redis.cache.RedisCache',",
      "        'LOCATION': 'redis://:s3cret@sessions.abc123.use1.cache.amazonaws.com:6379/1',",
      "        'OPTIONS': {",
      "            'CLIENT_CLASS': 'django_redis.client.DefaultClient',",
      "            'PASSWORD': 'fallback',",
      "            'CONNECTION_POOL_KWARGS': {'ssl_cert_reqs': None, 'max_connections': 50},",
      '        },',
      '    },',
      '}',
      "if os.getenv('REDIS_TLS'):",
      "    CACHES['default']['OPTIONS']['CONNECTION_POOL_KWARGS'] = {'ssl_cert_reqs': None}",
    );
    assert.deepEqual(findings('config/settings.py', code), [
      "10:'ssl_cert_reqs' redis-tls!",
      "15:'ssl_cert_reqs' redis-tls!",
      '6:s3cret redis-auth-without-tls!',
      '6:s3cret redis-password!',
      "9:'PASSWORD' redis-auth-without-tls!",
      "9:'fallback' redis-password!",
    ]);
  });

  it("reports Django's own Redis cache, whose OPTIONS all go to the pool", () => {
    const code = sourceLines(
      'CACHES = {',
      '    "default": {',
      '        "BACKEND": "django.core.cache.backends.redis.RedisCache",',
      '        "LOCATION": "rediss://cache.example.com:6379",',
      '        "OPTIONS": {"password": "s3cret", "ssl_cert_reqs": "none"},',
      '    },',
      '}',
    );
    assert.deepEqual(findings('settings.py', code), ['5:"s3cret" redis-password!', '5:"ssl_cert_reqs" redis-tls!']);
  });

  it('stays silent on settings from the environment, verifying ones, RabbitMQ SSL, settings Celery does not have, and comments', () => {
    const code = sourceLines(
      'import os',
      'import ssl',
      'from celery import Celery',
      '',
      '# broker_use_ssl = {"ssl_cert_reqs": ssl.CERT_NONE}',
      'def configure(app):',
      '    """Set broker_use_ssl = {\'ssl_cert_reqs\': ssl.CERT_NONE} for Heroku."""',
      "    app.conf.broker_use_ssl = {'ssl_cert_reqs': ssl.CERT_REQUIRED, 'ssl_ca_certs': '/etc/ssl/ca.pem'}",
      "    app.conf.redis_backend_use_ssl = {'ssl_cert_reqs': 'required'}",
      '',
      "CELERY_BROKER_URL = os.environ['CELERY_BROKER_URL']",
      "CELERY_RESULT_BACKEND = os.environ.get('REDIS_URL', 'redis://localhost:6379/0') + '?ssl_cert_reqs=CERT_NONE'",
      "CELERY_RESULT_BACKEND_USE_SSL = {'ssl_cert_reqs': ssl.CERT_NONE}",
      "amqp = Celery('mail', broker='amqps://guest@rabbit.example.com', broker_use_ssl={'cert_reqs': ssl.CERT_NONE})",
      'CACHES = {',
      "    'default': {",
      "        'BACKEND': 'django_redis.cache.RedisCache',",
      "        'LOCATION': os.environ['REDIS_URL'],",
      "        'OPTIONS': {'PASSWORD': os.getenv('REDIS_PASSWORD')},",
      '    },',
      '}',
    );
    assert.deepEqual(findings('settings.py', code), []);
  });

  it('sends no password-without-TLS finding to local or Compose hosts, nor reads keys a backend ignores or a test', () => {
    const code = sourceLines(
      'CACHES = {',
      "    'default': {'BACKEND': 'django_redis.cache.RedisCache', 'LOCATION': 'redis://:devpass@redis:6379/1'},",
      "    'local': {'BACKEND': 'django_redis.cache.RedisCache', 'LOCATION': 'redis://:devpass@127.0.0.1:6379/2'},",
      "    'legacy': {",
      "        'BACKEND': 'redis_cache.RedisCache',",
      "        'LOCATION': 'rediss://cache.example.com:6379',",
      "        'OPTIONS': {'CONNECTION_POOL_KWARGS': {'ssl_cert_reqs': None}},",
      '    },',
      '}',
      '',
      'def test_broker_settings(settings):',
      "    settings.CELERY_BROKER_URL = 'redis://:fake@broker.example.com:6379/0'",
    );
    assert.deepEqual(findings('settings/local.py', code), ['2:devpass redis-password!', '3:devpass redis-password!']);
  });
});

describe('Redis clients of Flask-Caching and Django Channels settings', () => {
  it('reads Flask-Caching URLs in a config class, a config dict and app.config, and a literal CACHE_REDIS_PASSWORD', () => {
    const config = sourceLines(
      'import os', // 1
      '',
      'class ProductionConfig:',
      '    CACHE_TYPE = "RedisCache"',
      '    CACHE_DEFAULT_TIMEOUT = 300', // 5
      '    CACHE_REDIS_URL = "redis://:menu-cache-7@menu.x1y2z3.ng.0001.use1.cache.amazonaws.com:6379/0"',
      '',
      'class StagingConfig(ProductionConfig):',
      '    CACHE_REDIS_URL = "rediss://:menu-cache-8@menu-stg.x1y2z3.ng.0001.use1.cache.amazonaws.com:6379/0?ssl_cert_reqs=none"',
      '', // 10
      'class HostConfig:',
      '    CACHE_REDIS_HOST = os.environ["CACHE_HOST"]',
      '    CACHE_REDIS_PASSWORD = "menu-cache-9"', // 13
    );
    assert.deepEqual(findings('app/config.py', config), [
      '13:"menu-cache-9" redis-password!',
      '6:menu-cache-7 redis-auth-without-tls!',
      '6:menu-cache-7 redis-password!',
      '9:menu-cache-8 redis-password!',
      '9:ssl_cert_reqs redis-tls!',
    ]);
    const extension = sourceLines(
      'from flask import Flask', // 1
      'from flask_caching import Cache',
      '',
      'cache = Cache(config={',
      "    'CACHE_TYPE': 'RedisCache',", // 5
      "    'CACHE_REDIS_URL': 'redis://default:orders-7@orders.x1y2z3.clustercfg.use1.cache.amazonaws.com:6379',",
      '})',
      '',
      'def create_app():',
      '    app = Flask(__name__)', // 10
      '    app.config["CACHE_REDIS_URL"] = "redis://:orders-8@orders-ro.x1y2z3.ng.0001.use1.cache.amazonaws.com:6379"',
      '    cache.init_app(app)',
      '    return app',
    );
    assert.deepEqual(findings('app/extensions.py', extension), [
      '11:orders-8 redis-auth-without-tls!',
      '11:orders-8 redis-password!',
      '6:orders-7 redis-auth-without-tls!',
      '6:orders-7 redis-password!',
    ]);
  });

  it('says nothing of Flask-Caching URLs from the environment, local or Compose servers, with TLS, or without a Redis cache type', () => {
    const code = sourceLines(
      'import os',
      '',
      'CACHE_CONFIG = {',
      "    'CACHE_TYPE': 'RedisCache',",
      "    'CACHE_REDIS_URL': os.environ.get('REDIS_URL', 'redis://:dev@localhost:6379/0'),",
      '}',
      'class DevConfig:',
      '    CACHE_TYPE = "RedisCache"',
      '    CACHE_REDIS_URL = "redis://redis:6379/0"',
      '    CACHE_REDIS_PASSWORD = os.getenv("REDIS_PASSWORD")',
      'class LiveConfig:',
      '    CACHE_REDIS_URL = f"rediss://:{os.environ[\'REDIS_TOKEN\']}@menu.x1y2z3.ng.0001.use1.cache.amazonaws.com:6379"',
    );
    assert.deepEqual(findings('app/config.py', code), []);
    // The type is set elsewhere (or is a sentinel cache, which reads no URL): TLS is not told.
    const elsewhere = sourceLines('CACHE_TYPE = os.environ["CACHE_TYPE"]', 'CACHE_REDIS_URL = "redis://:${REDIS_PASSWORD}@menu.x1y2z3.ng.0001.use1.cache.amazonaws.com:6379"');
    assert.deepEqual(findings('settings.py', elsewhere), []);
    const test = sourceLines('def test_cache(app):', '    app.config["CACHE_REDIS_URL"] = "redis://:pw-1@menu.x1y2z3.ng.0001.use1.cache.amazonaws.com:6379"');
    assert.deepEqual(findings('tests/test_cache.py', test), []);
  });

  it('reads each host of a channels_redis layer: URLs, address dicts and their ssl_cert_reqs', () => {
    const code = sourceLines(
      'CHANNEL_LAYERS = {', // 1
      '    "default": {',
      '        "BACKEND": "channels_redis.core.RedisChannelLayer",',
      '        "CONFIG": {',
      '            "hosts": ["redis://:chat-token-1@chat.x1y2z3.ng.0001.euw1.cache.amazonaws.com:6379/0"],', // 5
      '            "capacity": 1500,',
      '        },',
      '    },',
      '    "presence": {',
      '        "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",', // 10
      '        "CONFIG": {',
      '            "hosts": [{',
      '                "address": "rediss://chat.x1y2z3.ng.0001.euw1.cache.amazonaws.com:6379",',
      '                "ssl_cert_reqs": None,',
      '            }],', // 15
      '        },',
      '    },',
      '}',
    );
    assert.deepEqual(findings('chat/settings/production.py', code), [
      '14:"ssl_cert_reqs" redis-tls!',
      '5:chat-token-1 redis-auth-without-tls!',
      '5:chat-token-1 redis-password!',
    ]);
  });

  it('sends nothing but the literal password of a local server, and nothing for tuples, names, TLS that verifies, or other backends', () => {
    const code = sourceLines(
      'import os',
      'CHANNEL_LAYERS = {',
      '    "default": {',
      '        "BACKEND": "channels_redis.core.RedisChannelLayer",',
      '        "CONFIG": {"hosts": [("chat.x1y2z3.ng.0001.euw1.cache.amazonaws.com", 6379), os.environ["REDIS_URL"], "redis://:dev@127.0.0.1:6379"]},',
      '    },',
      '    "secure": {',
      '        "BACKEND": "channels_redis.core.RedisChannelLayer",',
      '        "CONFIG": {"hosts": [{"address": "rediss://:${CHAT_TOKEN}@chat.x1y2z3.ng.0001.euw1.cache.amazonaws.com:6379"}]},',
      '    },',
      '    "memory": {"BACKEND": "channels.layers.InMemoryChannelLayer", "CONFIG": {"hosts": ["redis://:pw@chat.example.com:6379"]}},',
      '}',
    );
    assert.deepEqual(findings('chat/settings.py', code), ['5:dev redis-password!']);
  });
});
