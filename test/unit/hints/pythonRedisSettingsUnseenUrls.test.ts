/**
 * Framework settings that name a Redis server through a value the code does not write out as a URL (the environment,
 * a settings object, a name, a `redis://` URL built from values) get the `redis-tls` hover of a client made without
 * TLS: Celery broker and result backend URLs that name Redis, Django `CACHES` entries of a Redis backend, and
 * channels_redis (and asgi_redis) layer hosts, tuples included. Silent: a value that writes `rediss://`, a Celery
 * setting that may name another broker, a file that sets Celery's `*_use_ssl`, literal local and Compose servers, tests.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

function tlsHovers(fileName: string, code: string): string[] {
  return hintsIn(fileName, code)
    .filter((hint) => hint.endsWith(' redis-tls'))
    .sort((x, y) => parseInt(x, 10) - parseInt(y, 10));
}

describe('Redis clients of framework settings whose URL the code does not show', () => {
  it('hovers Celery broker and result backend URLs from the environment or a settings object that name Redis', () => {
    const code = sourceLines(
      'import os',
      'from app.settings import Settings',
      '',
      "CELERY_BROKER_URL = os.environ.get('JOBS_BROKER', 'redis://localhost:6379/0')",
      "CELERY_RESULT_BACKEND = os.getenv('CELERY_RESULT_BACKEND', REDIS_URL)",
      'settings = Settings()',
      'broker_url = settings.REDIS_URL',
      "result_backend = os.environ['RESULT_BACKEND']",
      "BROKER_URL = os.getenv('BROKER', 'amqp://guest@rabbit//')",
      "CELERY_RESULT_BACKEND_DB = os.getenv('X', 'django-db')",
      "broker_url = os.getenv('REDIS_URL', 'rediss://jobs.example.com:6379')",
    );
    assert.deepEqual(tlsHovers('jobs/celeryconfig.py', code), ['4:CELERY_BROKER_URL redis-tls', '5:CELERY_RESULT_BACKEND redis-tls', '7:broker_url redis-tls']);
  });

  it('hovers Celery(broker=...) and conf.update(...) keywords, not a file that sets broker_use_ssl', () => {
    const plain = sourceLines(
      'from celery import Celery',
      'from .config import settings',
      "app = Celery('jobs', broker=settings.redis_url, backend=settings.redis_url)",
      'app.conf.update(result_backend=settings.redis_url)',
    );
    assert.deepEqual(tlsHovers('jobs/worker.py', plain), ['3:broker redis-tls', '3:backend redis-tls', '4:result_backend redis-tls']);
    const withSsl = sourceLines(
      'import ssl',
      'from celery import Celery',
      'from .config import settings',
      "app = Celery('jobs', broker=settings.redis_url)",
      "app.conf.broker_use_ssl = {'ssl_cert_reqs': ssl.CERT_REQUIRED}",
    );
    // The verifying option keeps its own hover.
    assert.deepEqual(tlsHovers('jobs/worker.py', withSsl), ["5:'ssl_cert_reqs' redis-tls"]);
  });

  it('hovers Django Redis caches whose LOCATION comes from the environment, a name or a redis:// URL built from values', () => {
    const code = sourceLines(
      'import os',
      'CACHES = {',
      "    'default': {",
      "        'BACKEND': 'django_redis.cache.RedisCache',",
      "        'LOCATION': os.environ.get('CACHE_URL', 'redis://localhost:6379/1'),",
      "        'OPTIONS': {'CLIENT_CLASS': 'django_redis.client.DefaultClient'},",
      '    },',
      "    'sessions': {'BACKEND': 'django.core.cache.backends.redis.RedisCache', 'LOCATION': CACHE_URL},",
      "    'pages': {'BACKEND': 'django_redis.cache.RedisCache', 'LOCATION': 'redis://{}:6379/2'.format(os.getenv('CACHE_HOST'))},",
      "    'hits': {'BACKEND': 'django_redis.cache.RedisCache', 'LOCATION': f'redis://{CACHE_HOST}:6379/3'},",
      "    'tls': {'BACKEND': 'django_redis.cache.RedisCache', 'LOCATION': os.environ.get('CACHE_URL', 'rediss://c.example.com:6379')},",
      "    'verified': {'BACKEND': 'django_redis.cache.RedisCache', 'LOCATION': CACHE_URL, 'OPTIONS': {'CONNECTION_POOL_KWARGS': {'ssl_cert_reqs': 'required'}}},",
      "    'local': {'BACKEND': 'django_redis.cache.RedisCache', 'LOCATION': 'redis://localhost:6379/4'},",
      "    'compose': {'BACKEND': 'django_redis.cache.RedisCache', 'LOCATION': 'redis://redis:6379/5'},",
      "    'memory': {'BACKEND': 'django.core.cache.backends.locmem.LocMemCache', 'LOCATION': os.environ.get('X')},",
      '}',
    );
    assert.deepEqual(tlsHovers('shop/settings/cache.py', code), [
      "4:'BACKEND' redis-tls",
      "8:'BACKEND' redis-tls",
      "9:'BACKEND' redis-tls",
      "10:'BACKEND' redis-tls",
      "12:'ssl_cert_reqs' redis-tls",
    ]);
  });

  it('hovers channel layer hosts from the environment or a name, tuples of such a host, and asgi_redis layers', () => {
    const code = sourceLines(
      'import os',
      'CHANNEL_LAYERS = {',
      "    'default': {",
      "        'BACKEND': 'channels_redis.core.RedisChannelLayer',",
      "        'CONFIG': {'hosts': [(os.environ.get('REDIS_HOST', 'localhost'), 6379), REDIS_URL, ('redis', 6379), ('localhost', 6379)]},",
      '    },',
      "    'legacy': {'BACKEND': 'asgi_redis.RedisChannelLayer', 'CONFIG': {'hosts': [os.environ.get('REDIS_URL', 'redis://localhost:6379')]}},",
      "    'tls': {'BACKEND': 'channels_redis.core.RedisChannelLayer', 'CONFIG': {'hosts': [os.environ.get('REDIS_URL', 'rediss://c.example.com')]}},",
      "    'memory': {'BACKEND': 'channels.layers.InMemoryChannelLayer', 'CONFIG': {'hosts': [REDIS_URL]}},",
      '}',
    );
    assert.deepEqual(tlsHovers('chat/settings_prod.py', code), ['5:os redis-tls', '5:REDIS_URL redis-tls', '7:os redis-tls']);
  });

  it('stays silent in tests', () => {
    const code = sourceLines(
      'import os',
      "CELERY_BROKER_URL = os.environ.get('REDIS_URL', 'redis://localhost:6379/0')",
      "CACHES = {'default': {'BACKEND': 'django_redis.cache.RedisCache', 'LOCATION': os.environ['REDIS_URL']}}",
    );
    assert.deepEqual(tlsHovers('tests/test_settings.py', code), []);
  });
});
