/**
 * Messages and hover titles in the file's own terms: the rules are written with the API/CloudFormation
 * property names (`BackupRetentionPeriod`); a Terraform reader sees `backup_retention_period`, a CDK
 * reader `backupRetention`. The name comes from what the file wrote, or else from the rule's match
 * for that format. Pure: no `vscode`.
 */
import { HintRule, normalizeName, SiteOrigin } from './types';

/** The names a rule's texts are written with (API request parameters and CloudFormation properties). */
function canonicalNames(rule: HintRule): string[] {
  const names = [...rule.match.options, ...(rule.match.cloudformation?.properties ?? []), ...(rule.diagnostic?.properties ?? [])];
  const seen = new Set<string>();
  return names.filter((name) => {
    const norm = normalizeName(name);
    return seen.has(norm) ? false : (seen.add(norm), true);
  });
}

/** The property names the rule matches in one format. */
function formatNames(rule: HintRule, origin: SiteOrigin): string[] {
  switch (origin) {
    case 'cloudformation':
      return rule.match.cloudformation?.properties ?? [];
    case 'terraform':
    case 'pulumi-python':
    case 'cdktf-python':
      return rule.match.terraform?.arguments ?? [];
    case 'pulumi':
    case 'cdktf':
      // Pulumi's TypeScript/JavaScript SDK and cdktf take the Terraform arguments in camelCase (`storage_encrypted` → `storageEncrypted`).
      return (rule.match.terraform?.arguments ?? []).map((name) => name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()));
    case 'pulumi-go':
    case 'pulumi-csharp':
      // Pulumi's Go and .NET SDKs take them in PascalCase (`storage_encrypted` → `StorageEncrypted`).
      return (rule.match.terraform?.arguments ?? []).map((name) => name.replace(/(?:^|_)([a-z0-9])/g, (_, c: string) => c.toUpperCase()));
    case 'cdk':
      // L2 construct props; the L1 `Cfn*` constructs take the CloudFormation names in lower camel case.
      return rule.match.cdk?.props.length ? rule.match.cdk.props : (rule.match.cloudformation?.properties ?? []).map((name) => name[0].toLowerCase() + name.slice(1));
    case 'sdk':
      return rule.match.options;
    default:
      return [];
  }
}

/**
 * The name a reader of this format uses for each canonical name the rule's texts may contain.
 * `written` is the option's name in the file, when the text is about one option occurrence.
 */
export function readerNames(rule: HintRule, origin: SiteOrigin, written?: string): Map<string, string> {
  const canonical = canonicalNames(rule);
  const inFormat = formatNames(rule, origin);
  const names = new Map<string, string>();
  const writtenNorm = written === undefined ? undefined : normalizeName(written);
  const matched = [...inFormat, ...(origin === 'cdk' ? (rule.match.cloudformation?.properties ?? []) : [])];
  const writtenIsRuleName = writtenNorm !== undefined && matched.some((name) => normalizeName(name) === writtenNorm);
  const writtenNamesPrimary = writtenIsRuleName && namesPrimary(canonical, inFormat, writtenNorm);
  for (const name of canonical) {
    const norm = normalizeName(name);
    let reader: string | undefined;
    if (written !== undefined && (writtenNorm === norm || (name === canonical[0] && writtenNamesPrimary))) {
      reader = written;
    } else if (written === undefined) {
      reader = inFormat.find((candidate) => normalizeName(candidate) === norm) ?? (canonical.length === 1 && inFormat.length === 1 ? inFormat[0] : undefined);
    }
    // Pulumi's SDKs and cdktf name the API's settings in their own case, also those the Terraform match leaves out (`authToken`).
    reader ??= origin === 'pulumi' || origin === 'cdktf' ? pulumiName(name, 'pulumi') : origin === 'pulumi-python' || origin === 'cdktf-python' ? pulumiName(name, 'pulumi-python') : undefined;
    if (reader !== undefined && reader !== name) {
      names.set(name, reader);
    }
  }
  return names;
}

/**
 * Whether a rule name written in the file that is none of the canonical names (Terraform's `password` for
 * `MasterUserPassword`) stands for the rule's first one: it does when that is the only one, or when every other
 * has its own spelling in the format (`manage_master_user_password` for `ManageMasterUserPassword`).
 */
function namesPrimary(canonical: readonly string[], inFormat: readonly string[], writtenNorm: string | undefined): boolean {
  const spelled = new Set(inFormat.map(normalizeName));
  return !canonical.some((name) => normalizeName(name) === writtenNorm) && canonical.slice(1).every((name) => spelled.has(normalizeName(name)));
}

/**
 * An API name of several words (`ManageMasterUserPassword`, `DBClusterIdentifier`) as Pulumi's TypeScript
 * (`manageMasterUserPassword`) or Python (`manage_master_user_password`) SDK writes it; one word stays, as a
 * message's capitalised word may be one.
 */
function pulumiName(name: string, origin: 'pulumi' | 'pulumi-python'): string | undefined {
  const words = /^[A-Z]/.test(name) ? name.match(/[A-Z]+(?![a-z])|[A-Z][a-z0-9]*/g) : null;
  if (!words || words.length < 2 || words.join('') !== name) {
    return undefined;
  }
  const lower = words.map((word) => word.toLowerCase());
  return origin === 'pulumi-python' ? lower.join('_') : lower[0] + lower.slice(1).map((word) => word[0].toUpperCase() + word.slice(1)).join('');
}

/**
 * Texts already put in reader terms, by rule, then by how the file names the option, then by text: a file
 * repeats the same few messages for many findings, and a key joined from the text copied it on every call.
 */
const translated = new WeakMap<HintRule, Map<string, Map<string, string>>>();
/** Past this many spellings for one rule (a file can spell an option many ways), its memo starts over. */
const MAX_SPELLINGS_PER_RULE = 256;

/** `text` with each whole-word canonical name replaced by the reader's name (one linear pass). */
export function inReaderTerms(text: string, rule: HintRule, origin: SiteOrigin, written?: string): string {
  let memo = translated.get(rule);
  if (!memo) {
    memo = new Map();
    translated.set(rule, memo);
  }
  const spelling = written === undefined ? origin : `${origin}\u0000${written}`;
  let texts = memo.get(spelling);
  if (!texts) {
    if (memo.size >= MAX_SPELLINGS_PER_RULE) {
      memo.clear();
    }
    texts = new Map();
    memo.set(spelling, texts);
  }
  let result = texts.get(text);
  if (result === undefined) {
    const names = readerNames(rule, origin, written);
    result = names.size === 0 ? text : text.replace(/[A-Za-z_][A-Za-z0-9_]*/g, (word) => names.get(word) ?? word);
    texts.set(text, result);
  }
  return result;
}
