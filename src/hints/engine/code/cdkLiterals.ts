/**
 * CDK enum and factory values as the literals the rules compare (`RemovalPolicy.DESTROY` is CloudFormation's
 * `Delete`, `Duration.days(0)` is 0, `CaCertificate.RDS_CA_2019` is `rds-ca-2019`). A module of its own, read
 * from text alone, because the option reader (`options.ts`) needs it and the CDK readers need the option reader.
 */
import { Literal } from '../model';

/** `SecretValue.unsafePlainText(...)` of an environment read with a literal fallback (`code/envFallbacks.ts`), as text. */
const SECRET_FALLBACK =
  /\bSecretValue\.(?:[uU]nsafe_?)?[pP]lain_?[tT]ext\(\s*(?:process\.env\.\w+\s*(?:\?\?|\|\|)\s*(['"])([^'"\n]*)\1|os\.(?:getenv|environ\.get)\(\s*['"]\w+['"]\s*,\s*(['"])([^'"\n]*)\3\s*\))\s*\)/;
const REMOVAL_POLICIES: Record<string, string> = { DESTROY: 'Delete', RETAIN: 'Retain', SNAPSHOT: 'Snapshot', RETAIN_ON_UPDATE_OR_DELETE: 'RetainExceptOnCreate' };

/**
 * CDK values in the terms of the API: `RemovalPolicy.DESTROY` is the deletion policy `Delete`,
 * `Duration.days(0)` is 0 (days, as retention periods count), and credentials built from
 * `SecretValue.unsafePlainText('...')` (CDK v1's `plainText`, deprecated since) are that literal secret; C# writes the methods in PascalCase (`Duration.Days(0)`).
 */
export function cdkEnumLiteral(text: string): Literal | undefined {
  // Every option value of every request comes here: a substring test spares most of them the patterns.
  const removal = text.includes('RemovalPolicy.') ? /(?:^|\.)RemovalPolicy\.([A-Z_]+)$/.exec(text) : null;
  const policy = removal ? REMOVAL_POLICIES[removal[1]] : undefined;
  if (policy) {
    return { kind: 'str', value: policy };
  }
  const ca = text.includes('CaCertificate.') ? caCertificate(text) : undefined;
  if (ca) {
    return { kind: 'str', value: ca };
  }
  const days = text.includes('Duration.') ? /(?:^|\.)Duration\.[dD]ays\(\s*(\d+)\s*\)$/.exec(text) : null;
  if (days) {
    return { kind: 'num', value: Number(days[1]) };
  }
  const secret = text.includes('SecretValue.') ? /\bSecretValue\.(?:[uU]nsafe_?)?[pP]lain_?[tT]ext\(\s*(['"])([^'"\n]*)\1\s*\)/.exec(text) : null;
  if (secret) {
    return { kind: 'str', value: secret[2] };
  }
  // `SecretValue.unsafePlainText(process.env.DB_PASSWORD ?? 'pw')`, Python `os.environ.get("X", "pw")`: the literal the stack falls back on.
  const fallback = text.includes('SecretValue.') ? SECRET_FALLBACK.exec(text) : null;
  return fallback ? { kind: 'expr', text, envFallback: fallback[2] ?? fallback[4] } : undefined;
}

/**
 * The CA identifier a `CaCertificate` names (aws-cdk-lib aws-rds `ca-certificate.ts`): `RDS_CA_2019` is
 * `rds-ca-2019`, `RDS_CA_RDS2048_G1` the deprecated misspelling of `RDS_CA_RSA2048_G1`, `of('...')` its argument.
 */
function caCertificate(text: string): string | undefined {
  const constant = /(?:^|\.)CaCertificate\.RDS_CA_(2019|(?:RSA|RDS)(?:2048|4096)_G1|ECC384_G1)$/.exec(text);
  if (constant) {
    return `rds-ca-${constant[1].replace(/^RDS/, 'RSA').replace('_', '-').toLowerCase()}`;
  }
  return /(?:^|\.)CaCertificate\.[oO]f\(\s*(['"])([\w-]+)\1\s*\)$/.exec(text)?.[2];
}
