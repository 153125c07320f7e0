/**
 * Redis clients that Python frameworks open from their settings rather than from a call the code makes: Celery's
 * broker and result backend, and Django's Redis caches. Their settings are the client's options, so a literal
 * password and TLS verification turned off get the Redis client rules.
 *
 * - Celery: `broker_use_ssl` and `redis_backend_use_ssl` (`BROKER_USE_SSL`, `CELERY_REDIS_BACKEND_USE_SSL`, and
 *   `CELERY_`-prefixed under Django's `namespace='CELERY'`) are dicts of redis-py SSL arguments, `ssl_cert_reqs`
 *   among them; `broker_url` and `result_backend` (and `Celery(broker=..., backend=...)`) are Redis URLs, whose
 *   `ssl_cert_reqs` query parameter takes `none` or `CERT_NONE` alike
 *   (https://docs.celeryq.dev/en/stable/userguide/configuration.html#broker-use-ssl, #redis-backend-settings).
 *   Either `*_use_ssl` setting turns TLS on for a `redis://` URL too, and may sit in another file: whether a URL's
 *   password crosses in clear is not told.
 * - Django: a `CACHES` entry whose `BACKEND` is a Redis cache (django-redis `django_redis.cache.RedisCache`,
 *   Django's own `django.core.cache.backends.redis.RedisCache`) hands its `LOCATION` URL to redis-py's
 *   `ConnectionPool.from_url` and some of its `OPTIONS` to that pool (see `CacheBackend`;
 *   https://github.com/jazzband/django-redis#readme, "SSL/TLS and Self-Signed certificates").
 *
 * - Flask-Caching: `CACHE_REDIS_URL` is handed to redis-py's `from_url` by its `RedisCache` (and
 *   `RedisClusterCache`), so the URL alone says whether TLS is on; `CACHE_REDIS_PASSWORD` is the password otherwise
 *   (https://flask-caching.readthedocs.io/en/latest/#configuring-flask-caching, `backends/rediscache.py`).
 * - Django Channels: a `CHANNEL_LAYERS` entry whose `BACKEND` is a channels_redis layer connects to each of its
 *   `CONFIG` `hosts`: a URL, or a dict whose `address` URL goes to redis-py's `from_url` with the dict's other keys
 *   (`ssl_cert_reqs` among them); a `(host, port)` tuple sends no password
 *   (https://github.com/django/channels_redis#hosts, `channels_redis/utils.py`).
 *
 * Written as a module or class assignment (`CELERY_BROKER_USE_SSL = {...}`, `app.conf.broker_use_ssl = {...}`), a
 * keyword argument (`Celery(..., broker_use_ssl={...})`, `app.conf.update(...)`), a dict entry, or a subscript
 * assignment (`app.config["broker_url"] = ...`); a dict held by a name of the file is read where it is written.
 */
import type { OptionContext, OptionOccurrence } from '../../model';
import { normalizeName, Span } from '../../types';
import type { CodeAnalyzer } from '../analyzer';
import { contextFrom, occurrenceOf, positionalOption, propertyValue } from '../options';
import { certReqsOption, parseInterpolatedRedisUrl, parseRedisUrl, urlHost, urlOption, wholeUrlOption } from '../redisUrls';
import { expressionEnd, unseenUrlClient } from './pythonUnseenRedisUrls';
import { variableContext } from '../requests';
import { inTestCode } from '../testFixtures';

const CELERY_SSL = new Set(['broker_use_ssl', 'redis_backend_use_ssl']);
const CELERY_URLS = new Set(['broker_url', 'result_backend']);
/** `Celery(main, broker=..., backend=...)`: the app's broker and result backend URLs. */
const CELERY_ARGUMENTS = new Set(['broker', 'backend']);
/** Django cache backends that are redis-py clients (django-redis, Django 4+, django-redis-cache). */
const REDIS_CACHE_BACKEND = /(?:^|\.)Redis\w*Cache$/;
/** Flask-Caching's settings for its Redis backends that hold the client's URL or password. */
const FLASK_CACHE_SETTINGS = new Set(['CACHE_REDIS_URL', 'CACHE_REDIS_PASSWORD']);
/** A `CACHE_TYPE` that hands `CACHE_REDIS_URL` to `from_url` (`RedisSentinelCache` does not read it). */
const FLASK_URL_CACHE_TYPE = /CACHE_TYPE['"]?\s*[:=]\s*['"](?:flask_caching\.backends\.(?:rediscache\.)?)?(?:RedisCache|RedisClusterCache|redis|rediscluster)['"]/;
/** channels_redis' layers (the original one and the Pub/Sub one), and asgi_redis' of Channels 1, which reads its hosts alike. */
const CHANNEL_LAYER_BACKEND = /^(?:channels_redis\.(?:core\.RedisChannelLayer|pubsub\.RedisPubSubChannelLayer)|asgi_redis\.RedisChannelLayer)$/;
/** Tokens after which a value written as one token goes on (`"redis://" + host`, `url if debug else ...`). */
const CONTINUES = new Set(['+', '%', '.', '[', '(', 'if', 'or', 'and', '*']);

export function pythonRedisSettings(a: CodeAnalyzer): void {
  if (!/broker|backend|BROKER|BACKEND|CACHE_REDIS_/.test(a.text)) {
    return;
  }
  const celeryImported = [...a.imports.values()].some((info) => info.module === 'celery' && info.path === 'Celery');
  let redisCache: CacheBackend | undefined;
  for (let k = 0; k + 2 < a.tokens.length; k++) {
    const value = settingValue(a, k);
    if (value < 0) {
      continue;
    }
    const name = a.tokens.text(k);
    const setting = celerySetting(name) ?? (celeryImported && CELERY_ARGUMENTS.has(name) && inCeleryCall(a, k) ? 'broker_url' : undefined);
    if (setting && inTestCode(a, k)) {
      continue;
    }
    if (setting && CELERY_SSL.has(setting)) {
      sslSettings(a, k, value);
    } else if (setting) {
      celeryUrl(a, k, value);
    } else if (FLASK_CACHE_SETTINGS.has(name) && !inTestCode(a, k)) {
      flaskCacheSetting(a, k, value);
    } else if (name === 'BACKEND' && a.isString(value) && CHANNEL_LAYER_BACKEND.test(a.tokens.text(value)) && a.is(a.parent[k], '{') && !inTestCode(a, k)) {
      channelLayer(a, a.parent[k]);
    } else if (name === 'BACKEND' && a.isString(value) && REDIS_CACHE_BACKEND.test(a.tokens.text(value)) && a.is(a.parent[k], '{') && !inTestCode(a, k)) {
      redisCache = cacheBackend(a.tokens.text(value));
      djangoCache(a, k, a.parent[k], redisCache);
    } else if (redisCache && a.is(k - 1, '[') && subscriptsCaches(a, k - 1) && !inTestCode(a, k)) {
      cacheSetApart(a, k, value, redisCache);
    }
  }
}

/** The Celery setting a name stands for, without Django's `CELERY_` namespace: `broker_use_ssl`. */
function celerySetting(name: string): string | undefined {
  const lower = name.toLowerCase();
  const bare = lower.startsWith('celery_') ? lower.slice('celery_'.length) : lower;
  return CELERY_SSL.has(bare) || CELERY_URLS.has(bare) ? bare : undefined;
}

/**
 * The first token of the value a setting's name at `k` is given, or -1: `NAME = value` (also an attribute or a
 * keyword argument), `"NAME": value` in a dict, `x["NAME"] = value`.
 */
function settingValue(a: CodeAnalyzer, k: number): number {
  if (a.isId(k) && a.is(k + 1, '=')) {
    return k + 2;
  }
  if (a.isString(k) && !a.tokens.interpolated(k) && a.is(k + 1, ':') && a.is(a.parent[k], '{')) {
    return k + 2;
  }
  return a.isString(k) && a.is(k - 1, '[') && a.is(k + 1, ']') && a.is(k + 2, '=') ? k + 3 : -1;
}

/** Whether the keyword argument at `k` is one of a `Celery(...)` call's. */
function inCeleryCall(a: CodeAnalyzer, k: number): boolean {
  const open = a.parent[k];
  return a.is(open, '(') && a.idIs(open - 1, 'Celery');
}

/** Whether the value that ends with token `last` is the whole value: a delimiter or a new line follows. */
function endsValue(a: CodeAnalyzer, last: number): boolean {
  const next = last + 1;
  if (next >= a.tokens.length || a.is(next, ',') || a.is(next, ')') || a.is(next, '}') || a.is(next, ';')) {
    return true;
  }
  return !CONTINUES.has(a.tokens.text(next)) && a.lines.lineOf(a.tokens.starts[next]) > a.lines.lineOf(a.tokens.ends[last]);
}

/**
 * A `*_use_ssl` dict, written in place or held by a name: the redis-py SSL arguments of the connections Celery
 * opens. A dict without `ssl_` keys is py-amqp's (`cert_reqs`), for a RabbitMQ broker.
 */
function sslSettings(a: CodeAnalyzer, k: number, value: number): void {
  const anchor = a.tokenSpan(k);
  let context: OptionContext | undefined;
  if (a.is(value, '{') && a.partner[value] > value && endsValue(a, a.partner[value])) {
    context = contextFrom(a, value, a.partner[value], 'redis-client', 'redis-py', anchor);
  } else if (a.isId(value) && endsValue(a, value)) {
    context = variableContext(a, value, 'redis-client', 'redis-py', anchor);
  }
  if (context && context.options.some((option) => option.norm.startsWith('ssl'))) {
    context.complete = false;
    a.contexts.push(context);
  }
}

/**
 * The string a setting's value is: the value itself, or the one string a pair of parentheses holds (`broker_url = (`,
 * then the URL on a line of its own, then `)`); -1 for any other value.
 */
function settingString(a: CodeAnalyzer, value: number): number {
  if (a.isString(value)) {
    return endsValue(a, value) ? value : -1;
  }
  const close = a.is(value, '(') ? a.partner[value] : -1;
  return close === value + 2 && a.isString(value + 1) && endsValue(a, close) ? value + 1 : -1;
}

/**
 * A Celery broker or result backend URL written as a string: its password and its `ssl_cert_reqs`. One the code
 * does not show (the environment, a settings object) is a client whose URL decides TLS, where it names Redis and
 * the file sets no `*_use_ssl` (which turns TLS on for a `redis://` URL too).
 */
function celeryUrl(a: CodeAnalyzer, k: number, value: number): void {
  const url = settingString(a, value);
  if (url < 0) {
    const client = /use_ssl/i.test(a.text) ? undefined : unseenUrlClient(a, value, expressionEnd(a, value), a.tokenSpan(k), true);
    if (client) {
      a.contexts.push(client);
    }
    return;
  }
  const options = urlOptions(a, url, true, true);
  if (options.length > 0) {
    a.contexts.push({ kind: 'redis-client', type: 'redis-py', options, complete: false, anchor: a.tokenSpan(k) });
  }
}

/**
 * The options a Redis URL string sets: the whole URL (literal ones), the password of its user information, and its
 * `ssl_cert_reqs` parameter (`whole`: with the whole URL, where no option of the context holds it already). An
 * interpolated URL tells only the parameter, when its query holds no interpolation.
 */
function urlOptions(a: CodeAnalyzer, token: number, celery: boolean, whole: boolean): OptionOccurrence[] {
  const interpolated = a.tokens.interpolated(token);
  const url = interpolated ? parseInterpolatedRedisUrl(a.tokens.text(token))?.url : parseRedisUrl(a.tokens.text(token));
  if (!url) {
    return [];
  }
  const options: OptionOccurrence[] = [];
  if (!interpolated && whole) {
    options.push(wholeUrlOption(a, token));
  }
  if (!interpolated && url.password) {
    options.push(urlOption(a, token, 'password', url.password, url.password, { kind: 'str', value: url.password.value }));
  }
  const reqs = certReqsOption(a, token, url, celery);
  if (reqs) {
    options.push(reqs);
  }
  return options;
}

/**
 * Where each Redis cache backend takes the client's settings, besides the `LOCATION` URL: django-redis its
 * `OPTIONS` `PASSWORD` and the pool arguments of `CONNECTION_POOL_KWARGS` (django-redis README); Django's own
 * backend hands every `OPTIONS` key to the pool (`django/core/cache/backends/redis.py`); any other (django-redis-cache
 * `redis_cache.RedisCache`, whose pool arguments sit under `CONNECTION_POOL_CLASS_KWARGS`) is read for `PASSWORD` only.
 */
type CacheBackend = 'django-redis' | 'django' | 'other';

function cacheBackend(path: string): CacheBackend {
  return path === 'django_redis.cache.RedisCache' ? 'django-redis' : path === 'django.core.cache.backends.redis.RedisCache' ? 'django' : 'other';
}

/**
 * A Django `CACHES` entry of a Redis backend (`k`: its `BACKEND` key) as a client's options: `LOCATION` as its URL
 * (with the password and `ssl_cert_reqs` it holds), and the `OPTIONS` the backend hands on. Whether TLS is off is
 * told only for a literal URL to a host with a domain: a one-label host is a Compose service or a local name.
 */
function djangoCache(a: CodeAnalyzer, k: number, entry: number, backend: CacheBackend): void {
  const close = a.partner[entry];
  if (close < entry) {
    return;
  }
  const anchor = a.tokenSpan(k);
  // A spread (`**base`) may hold keys this reader does not see.
  const entryComplete = contextFrom(a, entry, close, 'redis-client', 'redis-py', anchor).complete;
  const context: OptionContext = { kind: 'redis-client', type: 'redis-py', options: [], complete: entryComplete, anchor };
  const location = propertyValue(a, entry, 'location');
  const slot = location >= 0 ? a.language.optionAt(a, location - 2, entry, close) : undefined;
  // Django's backend splits a LOCATION at `,` and `;` into servers: such a list is not read.
  const literalUrl = slot !== undefined && slot.valueEnd === location + 1 && a.isString(location) && !/[,;]/.test(a.tokens.text(location)) && endsValue(a, location);
  if (slot) {
    // redis-py's `from_url` reads it: the client's URL, as the Redis client checks name it.
    context.options.push(occurrenceOf(a, { ...slot, name: 'url' }));
  }
  if (literalUrl) {
    context.options.push(...urlOptions(a, location, false, false));
  }
  const host = literalUrl && !a.tokens.interpolated(location) ? urlHost(a.tokens.text(location)) : '';
  context.complete &&= host.includes('.') || host.includes(':');
  const options = propertyValue(a, entry, 'options');
  if (options >= 0 && a.is(options, '{') && a.partner[options] > options) {
    const all = contextFrom(a, options, a.partner[options], 'redis-client', 'redis-py', anchor);
    context.complete &&= all.complete;
    context.options.push(...(backend === 'django' ? all.options : backendOptions(a, options, backend, anchor)));
  } else if (options >= 0) {
    context.complete = false;
  }
  // A URL from the environment, a name or a `redis://` URL built from values: its scheme decides TLS.
  const seen = literalUrl && !a.tokens.interpolated(location);
  if (slot && !seen && entryComplete && (options < 0 || a.is(options, '{')) && unseenUrlClient(a, location, slot.valueEnd, anchor, false)) {
    context.urlNotSeen = true;
  }
  a.contexts.push(context);
}

/** The options django-redis and other backends read from an `OPTIONS` dict: `PASSWORD`, and django-redis' pool arguments. */
function backendOptions(a: CodeAnalyzer, brace: number, backend: CacheBackend, anchor: Span): OptionOccurrence[] {
  const found: OptionOccurrence[] = [];
  const password = propertyValue(a, brace, 'password');
  const slot = password >= 0 ? a.language.optionAt(a, password - 2, brace, a.partner[brace]) : undefined;
  if (slot) {
    found.push(occurrenceOf(a, slot));
  }
  const pool = backend === 'django-redis' ? propertyValue(a, brace, 'connectionpoolkwargs') : -1;
  if (pool >= 0 && a.is(pool, '{') && a.partner[pool] > pool) {
    found.push(...contextFrom(a, pool, a.partner[pool], 'redis-client', 'redis-py', anchor).options);
  }
  return found;
}

/** Whether the subscript opening at `open` is one of a chain on `CACHES` (`CACHES["default"]["OPTIONS"][`). */
function subscriptsCaches(a: CodeAnalyzer, open: number): boolean {
  let j = open - 1;
  while (a.is(j, ']') && a.partner[j] >= 0 && a.partner[j] < j) {
    j = a.partner[j] - 1;
  }
  return a.idIs(j, 'CACHES') && !a.is(j - 1, '.');
}

/**
 * A key set on the file's Redis cache apart from its dict, where its backend reads it: django-redis'
 * `CACHES["default"]["OPTIONS"]["CONNECTION_POOL_KWARGS"] = {"ssl_cert_reqs": None}`, a `PASSWORD`. Nothing
 * tells the URL there.
 */
function cacheSetApart(a: CodeAnalyzer, k: number, value: number, backend: CacheBackend): void {
  const key = normalizeName(a.tokens.text(k));
  const anchor = a.tokenSpan(k);
  const options: OptionOccurrence[] = [];
  if (key === 'connectionpoolkwargs' && backend === 'django-redis' && a.is(value, '{') && a.partner[value] > value && endsValue(a, a.partner[value])) {
    options.push(...contextFrom(a, value, a.partner[value], 'redis-client', 'redis-py', anchor).options);
  } else if (key === 'password' && backend !== 'django' && endsValue(a, value)) {
    options.push(occurrenceOf(a, { key: k, valueStart: value, valueEnd: value + 1, removalStart: k - 1, removalEnd: value }));
  }
  if (options.length > 0) {
    a.contexts.push({ kind: 'redis-client', type: 'redis-py', options, complete: false, anchor });
  }
}

/** Whether a literal URL names a host with a domain or a port: a one-label host is a Compose service or a local name. */
function namesServer(a: CodeAnalyzer, token: number): boolean {
  const host = a.tokens.interpolated(token) ? '' : urlHost(a.tokens.text(token));
  return host.includes('.') || host.includes(':');
}

/**
 * Flask-Caching's `CACHE_REDIS_URL` written as a string (its password, `ssl_cert_reqs` and scheme, complete where
 * the file sets a `CACHE_TYPE` that reads it), or a `CACHE_REDIS_PASSWORD`, whose TLS `CACHE_OPTIONS` may turn on.
 */
function flaskCacheSetting(a: CodeAnalyzer, k: number, value: number): void {
  const anchor = a.tokenSpan(k);
  if (a.tokens.text(k) === 'CACHE_REDIS_PASSWORD') {
    if (endsValue(a, value)) {
      a.contexts.push({ kind: 'redis-client', type: 'redis-py', options: [occurrenceOf(a, { key: k, valueStart: value, valueEnd: value + 1, removalStart: k, removalEnd: value, name: 'password' })], complete: false, anchor });
    }
    return;
  }
  const url = settingString(a, value);
  if (url < 0) {
    return;
  }
  const options = urlOptions(a, url, false, true);
  if (options.length > 0) {
    a.contexts.push({ kind: 'redis-client', type: 'redis-py', options, complete: !a.tokens.interpolated(url) && namesServer(a, url) && FLASK_URL_CACHE_TYPE.test(a.text), anchor });
  }
}

/**
 * A channels_redis layer (`entry`: its dict): each of its `CONFIG` `hosts` as a client of its own. A URL is read as
 * redis-py's `from_url` reads it; a dict's `address` too, with the dict's other keys; a tuple or a name gives nothing.
 */
function channelLayer(a: CodeAnalyzer, entry: number): void {
  const config = propertyValue(a, entry, 'config');
  const hosts = config >= 0 && a.is(config, '{') && a.partner[config] > config ? propertyValue(a, config, 'hosts') : -1;
  if (hosts < 0 || !(a.is(hosts, '[') || a.is(hosts, '(')) || a.partner[hosts] < hosts) {
    return;
  }
  for (let item = hosts + 1; item < a.partner[hosts]; item = expressionEnd(a, item) + 1) {
    const end = expressionEnd(a, item);
    if (a.isString(item) && end === item + 1 && (channelHost(a, item, undefined) || !a.tokens.interpolated(item))) {
      continue;
    } else if (a.is(item, '{') && a.partner[item] > item) {
      const address = propertyValue(a, item, 'address');
      if (address >= 0 && a.isString(address) && (a.is(address + 1, ',') || address + 1 === a.partner[item])) {
        channelHost(a, address, item);
      }
    } else if (a.is(item, '(') && end === a.partner[item] + 1) {
      tupleHost(a, item);
    } else {
      const client = unseenUrlClient(a, item, end, a.tokenSpan(item), false);
      if (client) {
        a.contexts.push(client);
      }
    }
  }
}

/**
 * A `(host, port)` tuple of a channel layer: channels_redis connects to it without TLS or password, so a host the
 * code does not write out (the environment, a name) is a remote server reached in clear.
 */
function tupleHost(a: CodeAnalyzer, open: number): void {
  const host = open + 1;
  const end = expressionEnd(a, host);
  if (end < a.partner[open] && !a.isString(host)) {
    const client = unseenUrlClient(a, host, end, a.tokenSpan(host), false);
    if (client) {
      a.contexts.push({ ...client, options: [positionalOption(a, host, end, 'host')] });
    }
  }
}

/** One host of a channel layer: the URL token `url`, and the dict it is the `address` of, when it is one. Whether it read any option. */
function channelHost(a: CodeAnalyzer, url: number, dict: number | undefined): boolean {
  const anchor = a.tokenSpan(url);
  const options = urlOptions(a, url, false, true);
  if (options.length === 0) {
    return false;
  }
  let complete = !a.tokens.interpolated(url) && namesServer(a, url);
  if (dict !== undefined) {
    const rest = contextFrom(a, dict, a.partner[dict], 'redis-client', 'redis-py', anchor);
    complete &&= rest.complete;
    options.push(...rest.options.filter((option) => option.norm !== 'address'));
  }
  a.contexts.push({ kind: 'redis-client', type: 'redis-py', options, complete, anchor });
  return true;
}
