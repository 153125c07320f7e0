/**
 * Go CDK values in TypeScript's terms, so that one reading of CDK values (`cdkLiterals.ts`, `cdk.ts`) serves Go too.
 * jsii generates Go names from TypeScript's: a static member is `Type_Member` of the package (`awscdk.RemovalPolicy_DESTROY`,
 * `awsec2.Peer_AnyIpv4()`, `awscdk.Duration_Days(...)`), a static property a function (`awsrds.PostgresEngineVersion_VER_16()`),
 * and plain values are passed as pointers (`jsii.Number(5432)`, `jsii.String("db")`, `jsii.Bool(true)`).
 * https://docs.aws.amazon.com/cdk/v2/guide/work-with-cdk-go.html
 */
import type { CodeAnalyzer } from './analyzer';

/** `jsii.Bool(true)`, `jsii.String("x")`, `jsii.Number(0)` in Go: a plain value as a jsii pointer. */
export function jsiiWrapper(a: CodeAnalyzer, start: number): boolean {
  return a.language.family === 'go' && a.id(start) === 'jsii' && /^(?:Bool|String|Number)$/.test(a.tokens.text(start + 2));
}

const JSII_VALUE = /\bjsii\.(?:Bool|String|Number)\(([^()\n]*)\)/g;
/**
 * `awscdk.RemovalPolicy_DESTROY`: a package's type, then the member after the first underscore (type names have none,
 * and have a lower-case letter, which `os.O_RDONLY` has not).
 */
const STATIC_MEMBER = /(\b[a-z][a-z0-9]*\.[A-Z][A-Z0-9]*[a-z][A-Za-z0-9]*)_(?=[A-Za-z])/g;
/** `awsrds.PostgresEngineVersion.VER_16()`: a static property, which Go reads through a function. */
const STATIC_PROPERTY = /(\.[A-Z][A-Za-z0-9]*\.[A-Z][A-Z0-9_]*)\(\)/g;

/**
 * A Go expression as TypeScript writes it: `awsec2.Port_Tcp(jsii.Number(5432))` is `awsec2.Port.Tcp(5432)`,
 * `awsrds.PostgresEngineVersion_VER_16()` is `awsrds.PostgresEngineVersion.VER_16` (methods keep Go's PascalCase,
 * as C#'s, which the readers accept).
 */
export function goCdkText(text: string): string {
  if (!text.includes('_') && !text.includes('jsii.')) {
    return text;
  }
  return text.replace(JSII_VALUE, '$1').replace(STATIC_MEMBER, '$1.').replace(STATIC_PROPERTY, '$1');
}
