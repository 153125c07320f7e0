/**
 * Names that `Object.prototype` holds (`constructor`, `toString`, `__proto__`...) written as module paths,
 * namespaces, registry module sources or Redis library names: the engine's lookup tables answer them like
 * any unknown name. Python 2 sources import sibling modules by bare name (`from constructor import *`, as in
 * PyYAML's), and such a file lost all its hints to an internal error.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { DocumentKind } from '../../../src/hints/engine/documentKinds';
import { realHintRules } from './support';

const PROTOTYPE_NAMES = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', 'isPrototypeOf'];

function sourceFor(kind: DocumentKind, name: string): string {
  switch (kind) {
    case 'python':
      return [`import ${name}`, `from ${name} import *`, `from ${name}.${name} import ${name} as other`, `value = ${name}.${name}()`, `value.${name}(Key={'id': 1})`].join('\n');
    case 'javascript':
    case 'typescript':
      return [`import ${name} from '${name}';`, `import { ${name} as other } from '${name}/${name}';`, `const required = require('${name}');`, `const made = new ${name}.${name}({ ${name}: 1 });`, `new required.${name}().scan({});`].join('\n');
    case 'csharp':
      return [`using ${name};`, `using ${name}.${name};`, `class Holder { private readonly ${name} field; object Read(${name} p) { return p.${name}(); } }`].join('\n');
    case 'terraform':
      return [`module "${name}" {`, `  source = "${name}"`, `  ${name} = 1`, '}'].join('\n');
    default:
      return '';
  }
}

describe('names that Object.prototype holds', () => {
  for (const kind of ['python', 'javascript', 'typescript', 'csharp', 'terraform'] as const) {
    it(`are unknown names in ${kind}: no internal error, no hint`, () => {
      for (const name of PROTOTYPE_NAMES) {
        const errors: unknown[] = [];
        const result = analyzeText(sourceFor(kind, name), realHintRules(), { kind, onError: (error) => errors.push(error) });
        assert.deepEqual(errors.map(String), [], `${kind} with ${name}`);
        assert.equal(result.skipped, undefined, `${kind} with ${name}`);
        assert.deepEqual([...result.sites, ...result.findings], [], `${kind} with ${name}`);
      }
    });
  }

  it('keeps the hints of a Python 2 module that star-imports a sibling named constructor', () => {
    const text = ['import redis', 'from constructor import *', "cache = redis.StrictRedis(host='cache.internal')", "cache.keys('report:*')"].join('\n');
    const errors: unknown[] = [];
    const result = analyzeText(text, realHintRules(), { kind: 'python', onError: (error) => errors.push(error) });
    assert.deepEqual(errors.map(String), []);
    assert.deepEqual(
      result.findings.map((finding) => finding.ruleId),
      ['redis-keys'],
    );
  });
});
