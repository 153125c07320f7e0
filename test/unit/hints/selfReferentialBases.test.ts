/**
 * A class declared inside a method whose base is read through the instance (`class AutoFilterSet(self.filterset_base):`,
 * the shape of django-filter backends): reading a member of the class read its base, whose `self` is the class
 * itself, for ever, and the whole file's analysis failed (audit app-22, a Django admin's filters module). The base
 * is now read once per member: such a class is no client, and the rest of the file keeps its findings.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('Classes whose base reads their own instance', () => {
  it('analyses the file and keeps its other findings', () => {
    const code = sourceLines(
      'import redis',
      'from django_filters.rest_framework import DjangoFilterBackend',
      '',
      'cache = redis.Redis(host="cache.internal", port=6379)',
      '',
      'class ScopedFilterBackend(DjangoFilterBackend):',
      '    def get_filterset_class(self, view, queryset=None):',
      '        class AutoFilterSet(self.filterset_base):',
      '            @classmethod',
      '            def get_filters(cls):',
      '                filters = cls.get_fields()',
      '                return filters',
      '',
      '            def keys(self):',
      '                return self.get_fields().keys()',
      '',
      '        return AutoFilterSet',
      '',
      'def purge_views():',
      '    for key in cache.keys("view:*"):',
      '        cache.delete(key)',
    );
    const hints = hintsIn('filters.py', code);
    assert.ok(hints.includes('20:keys redis-keys!'), hints.join('\n'));
    assert.ok(!hints.some((hint) => /^1[0-5]:/.test(hint)), hints.join('\n'));
  });

  it('still reads a class declared in a method that extends a client class', () => {
    const code = sourceLines(
      'import redis',
      '',
      'class CacheFactory:',
      '    def build(self, host):',
      '        class FlushingCache(redis.Redis):',
      '            def reset(self):',
      '                return self.flushall()',
      '',
      '        return FlushingCache(host=host)',
    );
    assert.ok(hintsIn('factory.py', code).some((hint) => hint.startsWith('7:flushall redis-flush')), hintsIn('factory.py', code).join('\n'));
  });
});
