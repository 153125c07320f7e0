/**
 * Pathological inputs for the hint engine, each at any size: the shapes that make a scanner or a
 * regular expression quadratic (blank lines, whitespace runs, deep nesting, unterminated strings
 * and comments, long lines). Shared by the fuzz test and `npm run bench:scaling`.
 */
import { DocumentKind } from '../../src/hints/engine/documentKinds';

export interface HostileShape {
  name: string;
  /** A text of about `size` characters. */
  make(size: number): string;
}

/** Repeats `unit` to about `size` characters. */
const fill = (unit: string, size: number): string => unit.repeat(Math.max(1, Math.ceil(size / unit.length)));

export const HOSTILE_SHAPES: readonly HostileShape[] = [
  { name: 'blank lines', make: (size) => fill('\n', size) },
  { name: 'CRLF blank lines', make: (size) => fill('\r\n', size) },
  { name: 'whitespace lines', make: (size) => fill(`${' '.repeat(60)}\n`, size) },
  { name: 'whitespace runs (3,900 a line)', make: (size) => fill(`${' \t'.repeat(1950)}\n`, size) },
  { name: 'deep nesting', make: (size) => `${fill('{[(\n', size / 2)}${fill(')]}\n', size / 2)}` },
  { name: 'unclosed openers', make: (size) => fill('{ [ ( a: b = "c\n', size) },
  { name: 'unterminated string', make: (size) => `x = """ \` '''\n${fill('Type: AWS::RDS::DBInstance scan(\n', size)}` },
  { name: 'unterminated comment', make: (size) => `/* <!-- \n${fill('Resources: client.scan({\n', size)}` },
  { name: 'string and comment openers', make: (size) => fill('" \' ` /* """ <<EOF ${ # //\n', size) },
  { name: 'long lines (3,900 a line)', make: (size) => fill(`${'client.scan({ TableName: t }); '.repeat(125)}\n`, size) },
  { name: 'indented keys', make: (size) => fill('  Key:\n    - Value: x\n', size) },
];

/** A CloudFormation marker, so that YAML and JSON shapes reach the template readers and not only detection. */
export const TEMPLATE_HEADER: Partial<Record<DocumentKind, string>> = {
  yaml: 'AWSTemplateFormatVersion: "2010-09-09"\n',
  json: '{ "AWSTemplateFormatVersion": "2010-09-09",\n',
};

export const ALL_KINDS: readonly DocumentKind[] = ['typescript', 'javascript', 'python', 'java', 'go', 'csharp', 'terraform', 'yaml', 'json'];

/** Every shape for every kind, YAML and JSON also behind a template header. */
export function hostileCases(): { label: string; kind: DocumentKind; make(size: number): string }[] {
  return ALL_KINDS.flatMap((kind) =>
    HOSTILE_SHAPES.flatMap((shape) => {
      const plain = { label: `${kind}, ${shape.name}`, kind, make: shape.make };
      const header = TEMPLATE_HEADER[kind];
      return header ? [plain, { label: `${kind} template, ${shape.name}`, kind, make: (size: number) => header + shape.make(size) }] : [plain];
    }),
  );
}

/**
 * Milliseconds one call of `run` takes: the least of `samples` averages over enough calls to fill
 * `minimumMs` each (the least, because load on a shared machine only ever adds time). A call that
 * takes over a second is measured once.
 */
export function timePerCall(run: () => void, minimumMs = 20, samples = 3): number {
  let best = Infinity;
  for (let sample = 0; sample < samples && (sample === 0 || best < 1000); sample++) {
    let calls = 0;
    const start = performance.now();
    let elapsed: number;
    do {
      run();
      calls++;
      elapsed = performance.now() - start;
    } while (elapsed < minimumMs);
    best = Math.min(best, elapsed / calls);
  }
  return best;
}

export interface Scaling {
  /** The size the ratio was measured at: the smallest from `startSize` up at which n takes `floorMs`. */
  size: number;
  smallMs: number;
  largeMs: number;
}

/**
 * The time for n and for 4n characters of a shape. n starts at `startSize` and doubles while one
 * analysis of n takes under `floorMs` (timer noise and cache effects swamp sub-millisecond runs),
 * up to `maxSize` for 4n.
 */
export function measureScaling(make: (size: number) => string, analyze: (text: string) => void, options: { startSize: number; maxSize: number; floorMs: number; minimumMs?: number; samples?: number }): Scaling {
  let size = options.startSize;
  let smallMs: number;
  for (;;) {
    const text = make(size);
    smallMs = timePerCall(() => analyze(text), options.minimumMs, options.samples);
    if (smallMs >= options.floorMs || 8 * size > options.maxSize) {
      break;
    }
    size *= 2;
  }
  const large = make(4 * size);
  const largeMs = timePerCall(() => analyze(large), options.minimumMs, options.samples);
  return { size, smallMs, largeMs };
}

/** Linear is 4 times the time for 4 times the text; the slack absorbs timer noise and GC, while a quadratic shape is 16. */
const SUPERLINEAR = (scaling: Scaling): boolean => scaling.largeMs > 8 * scaling.smallMs + 40;

/**
 * Why a shape's time does not scale linearly, or undefined when it does. A measurement that looks
 * superlinear is taken again, twice at most, before it counts: a burst of load on a shared machine can
 * slow one run, but a quadratic shape is slow every time.
 */
export function superlinearScaling(label: string, make: (size: number) => string, analyze: (text: string) => void, options: Parameters<typeof measureScaling>[2]): string | undefined {
  let scaling = measureScaling(make, analyze, options);
  for (let attempt = 1; attempt < 3 && SUPERLINEAR(scaling); attempt++) {
    scaling = measureScaling(make, analyze, options);
  }
  return SUPERLINEAR(scaling) ? `${label}: ${scaling.smallMs.toFixed(1)} ms for ${scaling.size} characters, ${scaling.largeMs.toFixed(1)} ms for 4 times as many` : undefined;
}
