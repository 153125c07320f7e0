/**
 * Modules, namespaces and classes named like Object's own members (`constructor`, `toString`, `__proto__`): a
 * vendored `from constructor import *` (PyYAML's loader) or `using constructor;` is an import like any other, read
 * with nothing found, never an analysis that fails and leaves the whole file without hints.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const NAMES = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];

describe('imports named like Object members', () => {
  it('reads Python, JavaScript and C# files that import such a module, and still finds what else they hold', () => {
    for (const name of NAMES) {
      assert.deepEqual(hintsIn('loader.py', sourceLines(`from ${name} import *`, `import ${name}`, 'class Loader(Reader):', '    pass')), [], name);
      assert.deepEqual(hintsIn('loader.js', sourceLines(`const a = require('${name}');`, `import b from '${name}';`, `new ${name}();`)), [], name);
      assert.deepEqual(hintsIn('Loader.cs', sourceLines(`using ${name};`, `class A { ${name} x; void F() { x.Send(); } }`)), [], name);
    }
    const mixed = sourceLines('import boto3', 'from constructor import *', '', "table = boto3.resource('dynamodb').Table('orders')", 'items = table.scan()["Items"]');
    assert.ok(hintsIn('report.py', mixed).includes('5:scan dynamodb-scan!'), hintsIn('report.py', mixed).join('\n'));
  });
});
