/**
 * C# certificate validation callbacks that accept every server certificate (`RemoteCertificateValidationCallback`,
 * as StackExchange.Redis's `CertificateValidation` event takes): a lambda or anonymous method whose every `return`
 * gives `true`, also with a block of other statements (`(s, c, ch, e) => { Log(e); return true; }`), or a method
 * group naming a method of the file so written (`options.CertificateValidation += ValidateServerCertificate;` with
 * `bool ValidateServerCertificate(...) { return true; }`, also `this.`-qualified or wrapped in
 * `new RemoteCertificateValidationCallback(...)`). A body that returns anything else (`errors == SslPolicyErrors.None`,
 * a variable, `false` on some path) or throws checks the certificate; a method the file does not declare is not judged.
 */
import type { CodeAnalyzer } from './analyzer';
import { tokensNamed } from './tokenIndex';

/** Whether the callback written in tokens [start, end) accepts every certificate. */
export function acceptsEveryCertificate(a: CodeAnalyzer, start: number, end: number): boolean {
  const inner = delegateConstruction(a, start, end);
  if (inner) {
    return acceptsEveryCertificate(a, inner[0], inner[1]);
  }
  const body = lambdaBody(a, start, end);
  if (body >= 0) {
    return bodyAcceptsAll(a, body, end);
  }
  const name = methodGroupName(a, start, end);
  if (name < 0) {
    return false;
  }
  const bodies = declaredBodies(a, a.tokens.text(name));
  return bodies.length > 0 && bodies.every(([from, to]) => bodyAcceptsAll(a, from, to));
}

/** `new RemoteCertificateValidationCallback(X)`: the tokens of `X`. */
function delegateConstruction(a: CodeAnalyzer, start: number, end: number): [number, number] | undefined {
  if (!a.idIs(start, 'new') || !a.isId(start + 1) || !a.is(start + 2, '(') || a.partner[start + 2] !== end - 1) {
    return undefined;
  }
  return end - 1 > start + 3 ? [start + 3, end - 1] : undefined;
}

/** Where the body of a lambda or anonymous method written in [start, end) begins (after `=>`, or its `{`), or -1. */
function lambdaBody(a: CodeAnalyzer, start: number, end: number): number {
  if (a.idIs(start, 'delegate')) {
    const brace = a.is(start + 1, '(') ? a.skipGroup(start + 1) : start + 1;
    return a.is(brace, '{') && a.partner[brace] === end - 1 ? brace : -1;
  }
  const parameters = a.is(start, '(') ? a.skipGroup(start) : a.isId(start) ? start + 1 : -1;
  return parameters > 0 && a.is(parameters, '=>') && parameters + 1 < end ? parameters + 1 : -1;
}

/** `Name` or `this.Name`: the name token, or -1. */
function methodGroupName(a: CodeAnalyzer, start: number, end: number): number {
  if (end === start + 1 && a.isId(start)) {
    return start;
  }
  return end === start + 3 && a.idIs(start, 'this') && a.is(start + 1, '.') && a.isId(start + 2) ? start + 2 : -1;
}

/**
 * The bodies of the file's methods and local functions of that name declared to return `bool`: from `{` to past its
 * `}`, or from after `=>` to the `;` that ends it.
 */
function declaredBodies(a: CodeAnalyzer, name: string): [number, number][] {
  const bodies: [number, number][] = [];
  for (const token of tokensNamed(a, name)) {
    if (!a.is(token + 1, '(') || a.isAccess(token - 1) || !(a.idIs(token - 1, 'bool') || a.idIs(token - 1, 'Boolean'))) {
      continue;
    }
    const after = a.skipGroup(token + 1);
    if (a.is(after, '{')) {
      bodies.push([after, a.skipGroup(after)]);
    } else if (a.is(after, '=>')) {
      let stop = after + 1;
      while (stop < a.tokens.length && !a.is(stop, ';')) {
        stop = a.skipGroup(stop);
      }
      bodies.push([after + 1, stop]);
    }
  }
  return bodies;
}

/**
 * A body from `from` to `to` (exclusive) that gives `true` whatever happens: the expression `true`, or a block with
 * at least one `return`, each `return true;`, and no `throw`.
 */
function bodyAcceptsAll(a: CodeAnalyzer, from: number, to: number): boolean {
  if (!a.is(from, '{')) {
    return to === from + 1 && a.idIs(from, 'true');
  }
  let returns = 0;
  for (let k = from + 1; k < to; k++) {
    if (a.idIs(k, 'throw')) {
      return false;
    }
    if (a.idIs(k, 'return')) {
      if (!a.idIs(k + 1, 'true') || !a.is(k + 2, ';')) {
        return false;
      }
      returns++;
    }
  }
  return returns > 0;
}
