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
