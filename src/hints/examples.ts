/**
 * Hover examples in the reader's language: which example keys a rule needs (checked by the content
 * build) and which one a hover shows for a file. Pure: no `vscode`.
 */
import { cdktfReaches } from './engine/code/cdktf';
import { pulumiReaches } from './engine/code/pulumi';
import { ExampleKey, HintLanguage, HintRule, LAMBDA_HANDLER_LANGUAGES, REQUEST_HANDLER_LANGUAGES, RuleMatch, SCOPED_CONNECTION_LANGUAGES, SDK_MAJORS, SiteOrigin, SQL_CONNECTION_LANGUAGES, STATIC_CREDENTIAL_LANGUAGES } from './engine/types';

/** The markdown fence language of each example key. */
export const EXAMPLE_FENCES: Record<ExampleKey, string> = {
  javascript: 'js',
  python: 'python',
  java: 'java',
  go: 'go',
  csharp: 'csharp',
  cloudformation: 'yaml',
  terraform: 'hcl',
  'cdk-typescript': 'ts',
  'cdk-python': 'python',
  'cdk-java': 'java',
  'cdk-csharp': 'csharp',
  'cdk-go': 'go',
  ioredis: 'js',
  'node-redis': 'js',
  'redis-py': 'python',
  'go-redis': 'go',
  redigo: 'go',
  rueidis: 'go',
  'glide-node': 'js',
  'glide-python': 'python',
  'stackexchange-redis': 'csharp',
  jedis: 'java',
  lettuce: 'java',
  'spring-data-redis': 'java',
  redisson: 'java',
  'spring-config': 'yaml',
  'spring-properties': 'properties',
  appsettings: 'json',
  'redisson-config': 'yaml',
  'pulumi-typescript': 'ts',
  'pulumi-python': 'python',
  'pulumi-go': 'go',
  'pulumi-csharp': 'csharp',
  'cdktf-typescript': 'ts',
  'cdktf-python': 'python',
};

const SDK_KEYS: Partial<Record<HintLanguage, ExampleKey>> = {
  javascript: 'javascript',
  typescript: 'javascript',
  python: 'python',
  java: 'java',
  go: 'go',
  csharp: 'csharp',
};

/** The CDK examples of each language whose CDK apps the analyzers read. */
const CDK_KEYS: Partial<Record<HintLanguage, ExampleKey>> = {
  javascript: 'cdk-typescript',
  typescript: 'cdk-typescript',
  python: 'cdk-python',
  java: 'cdk-java',
  csharp: 'cdk-csharp',
  go: 'cdk-go',
};

function redisKeys(language: HintLanguage): ExampleKey[] {
  if (language === 'javascript' || language === 'typescript') {
    return ['ioredis', 'node-redis'];
  }
  if (language === 'go') {
    return ['go-redis', 'redigo', 'rueidis'];
  }
  if (language === 'csharp') {
    return ['stackexchange-redis'];
  }
  if (language === 'java') {
    return ['jedis', 'lettuce', 'spring-data-redis', 'redisson'];
  }
  return language === 'python' ? ['redis-py'] : [];
}

/**
 * The configuration files whose settings a rule reads for this language: Spring Boot's for Java and ASP.NET
 * Core's for C# (`config/`) configure Redis clients and SQL connections, never a connection made per invocation;
 * Redisson's YAML for Java configures Redis clients only.
 */
function configKeys(match: RuleMatch, language: HintLanguage): ExampleKey[] {
  const redis = (match.redis?.options.length ?? 0) > 0;
  if (!redis && !(match.sql !== undefined && !match.reportedOnly)) {
    return [];
  }
  if (language === 'java') {
    return redis ? ['spring-config', 'spring-properties', 'redisson-config'] : ['spring-config', 'spring-properties'];
  }
  return language === 'csharp' ? ['appsettings'] : [];
}

const PULUMI_KEYS: Partial<Record<HintLanguage, ExampleKey>> = {
  javascript: 'pulumi-typescript',
  typescript: 'pulumi-typescript',
  python: 'pulumi-python',
  go: 'pulumi-go',
  csharp: 'pulumi-csharp',
};

/** A rule that reaches Pulumi programs applies in the TypeScript, JavaScript, Python, Go and C# files that declare them. */
function pulumiKey(match: RuleMatch, language: HintLanguage): ExampleKey | undefined {
  return pulumiReaches(match) ? PULUMI_KEYS[language] : undefined;
}

const CDKTF_KEYS: Partial<Record<HintLanguage, ExampleKey>> = {
  javascript: 'cdktf-typescript',
  typescript: 'cdktf-typescript',
  python: 'cdktf-python',
};

/** Every example key a rule needs: each place its `languages` and `match` let it apply. */
export function requiredExampleKeys(rule: { languages: readonly HintLanguage[]; match: RuleMatch }): ExampleKey[] {
  const { match } = rule;
  const keys = new Set<ExampleKey>();
  for (const language of rule.languages) {
    const sdk = SDK_KEYS[language];
    const imported = match.sdkImports?.some((major) => (SDK_MAJORS[major] as readonly HintLanguage[]).includes(language));
    if (sdk && (match.operations.length > 0 || match.options.length > 0 || imported || (match.lambdaHandlers && LAMBDA_HANDLER_LANGUAGES.includes(language)) || (match.scopedConnections && SCOPED_CONNECTION_LANGUAGES.includes(language)) || (match.requestHandlers && REQUEST_HANDLER_LANGUAGES.includes(language)) || (match.sql && SQL_CONNECTION_LANGUAGES.includes(language)) || (match.staticCredentials && STATIC_CREDENTIAL_LANGUAGES.includes(language)))) {
      keys.add(sdk);
    }
    if (language === 'cloudformation' && match.cloudformation) {
      keys.add('cloudformation');
    }
    if (language === 'terraform' && (match.terraform || match.staticCredentials)) {
      keys.add('terraform');
    }
    // A CloudFormation match also reaches the CDK L1 `Cfn*` constructs.
    const cdk = CDK_KEYS[language];
    if (cdk && (match.cdk || match.cloudformation)) {
      keys.add(cdk);
    }
    if (match.redis) {
      redisKeys(language).forEach((key) => keys.add(key));
    }
    configKeys(match, language).forEach((key) => keys.add(key));
    const pulumi = pulumiKey(match, language);
    if (pulumi) {
      keys.add(pulumi);
    }
    const cdktf = cdktfReaches(match) ? CDKTF_KEYS[language] : undefined;
    if (cdktf) {
      keys.add(cdktf);
    }
  }
  return [...keys];
}

/** The example key for a file's language and what produced the hover site. */
export function exampleKeyFor(language: HintLanguage, origin: SiteOrigin): ExampleKey | undefined {
  switch (origin) {
    case 'sdk':
      return SDK_KEYS[language];
    case 'cloudformation':
    case 'terraform':
    case 'ioredis':
    case 'node-redis':
    case 'go-redis':
    case 'redigo':
    case 'rueidis':
    case 'stackexchange-redis':
    case 'jedis':
    case 'lettuce':
    case 'spring-data-redis':
    case 'redisson':
    case 'spring-config':
    case 'spring-properties':
    case 'appsettings':
    case 'redisson-config':
      return origin;
    case 'cdk':
      return CDK_KEYS[language];
    case 'pulumi':
      return 'pulumi-typescript';
    case 'pulumi-python':
      return 'pulumi-python';
    case 'pulumi-go':
    case 'pulumi-csharp':
      return origin;
    case 'cdktf':
      return 'cdktf-typescript';
    case 'cdktf-python':
      return 'cdktf-python';
    case 'redis-py':
    case 'redis-py-async':
      return 'redis-py';
    case 'glide':
    case 'glide-sync':
      // Valkey GLIDE's examples are optional: a rule without one shows its text alone.
      return language === 'python' ? 'glide-python' : language === 'javascript' || language === 'typescript' ? 'glide-node' : undefined;
  }
}

/**
 * The example to show, or none when the rule has nothing for this place (never one in another language unless
 * it says so): Kotlin calls the same Java SDK builders and Redis clients, and the rules have no Kotlin examples,
 * so a Kotlin file shows the Java example with `inJava` set, which the hover names as Java's.
 */
export function pickExample(rule: HintRule, language: HintLanguage, origin: SiteOrigin): { fence: string; code: string; inJava?: boolean } | undefined {
  const inJava = language === 'kotlin';
  const key = exampleKeyFor(inJava ? 'java' : language, origin);
  const code = key && rule.examples[key];
  return key && code ? { fence: EXAMPLE_FENCES[key], code, ...(inJava ? { inJava } : {}) } : undefined;
}
