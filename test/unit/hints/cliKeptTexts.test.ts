/** The texts the CLI's workspace index keeps for the analysis pass: once each, analysed kinds only, bounded. */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { KeptTexts } from '../../../src/cli/keptTexts';

describe('CLI kept texts', () => {
  let dir: string;
  const write = (name: string, text: string): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kept-texts-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('hands a file the index read over to the analysis once', () => {
    const kept = new KeptTexts();
    const file = write('orders.ts', 'const client = new DynamoDBClient({});\n');
    assert.equal(kept.read(file, 'typescript'), 'const client = new DynamoDBClient({});\n');
    fs.writeFileSync(file, 'changed after the index read it\n');
    assert.equal(kept.take(file), 'const client = new DynamoDBClient({});\n', 'the analysis judges the text the model was built from');
    assert.equal(kept.take(file), undefined, 'a second take reads the file again');
  });

  it('keeps nothing for files that are never analysed', () => {
    const kept = new KeptTexts();
    const goMod = write('go.mod', 'module example.com/orders\n');
    const tfvars = write('prod.tfvars', 'engine_version = "8.0"\n');
    assert.equal(kept.read(goMod, 'gomod'), 'module example.com/orders\n');
    assert.equal(kept.read(tfvars, 'tfvars'), 'engine_version = "8.0"\n');
    assert.equal(kept.take(goMod), undefined);
    assert.equal(kept.take(tfvars), undefined);
  });

  it('stops keeping at its bound and makes room as texts are taken', () => {
    const kept = new KeptTexts(10);
    const first = write('a.py', '123456');
    const second = write('b.py', '7890ab');
    const third = write('c.py', 'cdef');
    kept.read(first, 'python');
    assert.equal(kept.read(second, 'python'), '7890ab', 'the text is returned even when it is not kept');
    kept.read(third, 'python');
    assert.equal(kept.take(first), '123456');
    assert.equal(kept.take(second), undefined, 'over the bound: read again by the analysis');
    assert.equal(kept.take(third), 'cdef');
    kept.read(second, 'python');
    assert.equal(kept.take(second), '7890ab', 'room again once the others were taken');
  });

  it('keeps nothing for a file it cannot read, so that the analysis says why', function () {
    const kept = new KeptTexts();
    const missing = path.join(dir, 'gone.ts');
    assert.equal(kept.read(missing, 'typescript'), undefined);
    assert.equal(kept.take(missing), undefined);
    if (process.platform === 'win32') {
      this.skip();
    }
    const fifo = path.join(dir, 'pipe.ts');
    execFileSync('mkfifo', [fifo]);
    assert.equal(kept.read(fifo, 'typescript'), undefined, 'a FIFO is not read, and does not block');
    assert.equal(kept.take(fifo), undefined);
  });
});
