/** Reads and validates a rule's `diagnostic`: its check, severity, messages and the settings each check reads. */
import { CHECKS, CheckName, RuleDiagnostic, SEVERITIES, Severity } from '../../hints/engine/types';
import { RuleReader } from './ruleReader';

export const DIAGNOSTIC_FIELDS = ['check', 'severity', 'message', 'controls', 'value', 'properties', 'contexts', 'unlessPresent', 'absentMootWhen', 'onByDefaultForEngines', 'engineRequiredIn', 'offByDefaultForEngines', 'clusterMemberWith', 'valueByDefaultIn', 'commands', 'engineWhenOmitted', 'endOfLifeMessage', 'calledMessage', 'callbackMessage', 'unclosedMessage', 'registeredMessage', 'poolMessage', 'poolCalledMessage', 'connectionMessage', 'connectionCalledMessage', 'memcachedOnlyIn', 'alwaysEncryptedForEngines', 'alwaysEncryptedIn', 'alwaysEncryptedMessage', 'weakWhen', 'weakMessage', 'absentMessage', 'absentSeverity', 'partMessage', 'firstPageMessage', 'firstItemMessage', 'loggedMessage', 'waitedMessage', 'failedBatchesMessage', 'batchWriterMessage'];
/** Text fields of a diagnostic that only some checks read, with those checks. */
const CHECK_TEXT_FIELDS = {
  engineWhenOmitted: ['engine-version-past-standard-support'],
  endOfLifeMessage: ['engine-version-past-standard-support'],
  calledMessage: ['client-per-invocation', 'client-per-request', 'sql-connection-per-invocation'],
  callbackMessage: ['client-per-invocation'],
  unclosedMessage: ['connection-per-call'],
  registeredMessage: ['client-per-request'],
  poolMessage: ['client-per-request'],
  poolCalledMessage: ['client-per-request'],
  connectionMessage: ['client-per-request'],
  connectionCalledMessage: ['client-per-request'],
  alwaysEncryptedMessage: ['false-or-absent'],
  weakMessage: ['false-or-absent'],
  absentMessage: ['false-or-absent'],
  partMessage: ['false-or-absent'],
  firstPageMessage: ['partiql-full-scan'],
  firstItemMessage: ['no-pagination'],
  loggedMessage: ['unprocessed-ignored'],
  waitedMessage: ['unprocessed-ignored'],
  failedBatchesMessage: ['unprocessed-ignored'],
  batchWriterMessage: ['item-request-in-loop'],
} as const;
const CONTROL_PATTERN = /^(?:checkov CKV_AWS_\d+|Security Hub [A-Za-z]+\.\d+)$/;

const CHECK_NEEDS: Partial<Record<CheckName, (keyof RuleDiagnostic)[]>> = {
  'value-equals': ['value'],
  'false-or-absent': ['properties', 'contexts'],
  'requires-one-of': ['properties', 'contexts'],
  'redis-command': ['commands'],
  'redis-command-in-loop': ['commands'],
  'true-or-absent': ['properties', 'contexts'],
  'option-named': ['properties'],
  'partiql-full-scan': ['firstPageMessage'],
};

export function readDiagnostic(reader: RuleReader, value: unknown): RuleDiagnostic | undefined {
  const fields = reader.fields(value, 'diagnostic', DIAGNOSTIC_FIELDS);
  const check = fields.check as CheckName;
  if (!CHECKS.includes(check)) {
    reader.error(`diagnostic: unknown check '${String(fields.check)}' (known: ${CHECKS.join(', ')})`);
  }
  const severity = fields.severity as Severity;
  if (!SEVERITIES.includes(severity)) {
    reader.error(`diagnostic: bad severity '${String(fields.severity)}' (use ${SEVERITIES.join(', ')})`);
  }
  const diagnostic: RuleDiagnostic = {
    check,
    severity,
    message: reader.text(fields, 'message'),
    controls: reader.list(fields, 'controls', false),
  };
  for (const control of diagnostic.controls) {
    if (!CONTROL_PATTERN.test(control)) {
      reader.error(`diagnostic: control '${control}' must look like 'checkov CKV_AWS_17' or 'Security Hub RDS.2'`);
    }
  }
  // value-equals may also name a word, such as a DeletionPolicy of Delete.
  const scalar = typeof fields.value === 'string' && fields.value.trim() !== '' ? fields.value.trim() : reader.scalar(fields, 'value');
  if (scalar !== undefined) {
    diagnostic.value = scalar;
  }
  for (const key of ['absentMootWhen', 'weakWhen'] as const) {
    for (const setting of reader.list(fields, key, false)) {
      if (!/^\w+=\S+$/.test(setting)) {
        reader.error(`diagnostic: ${key} '${setting}' must look like 'DeletionPolicy=Delete'`);
      }
    }
  }
  for (const key of ['properties', 'contexts', 'unlessPresent', 'absentMootWhen', 'onByDefaultForEngines', 'engineRequiredIn', 'offByDefaultForEngines', 'clusterMemberWith', 'valueByDefaultIn', 'commands', 'memcachedOnlyIn', 'alwaysEncryptedForEngines', 'alwaysEncryptedIn', 'weakWhen'] as const) {
    const list = reader.list(fields, key, false);
    if (list.length > 0) {
      diagnostic[key] = list;
    }
  }
  for (const [key, only] of Object.entries(CHECK_TEXT_FIELDS) as [keyof typeof CHECK_TEXT_FIELDS, readonly string[]][]) {
    if (fields[key] === undefined) {
      continue;
    }
    const text = reader.text(fields, key);
    if (!only.includes(check)) {
      reader.error(`diagnostic: '${key}' is read only by the ${only.map((name) => `'${name}'`).join(' and ')} check${only.length > 1 ? 's' : ''}`);
    } else if (text) {
      diagnostic[key] = text;
    }
  }
  if (fields.absentSeverity !== undefined) {
    const absentSeverity = fields.absentSeverity as Severity;
    if (!SEVERITIES.includes(absentSeverity) || check !== 'false-or-absent') {
      reader.error(`diagnostic: 'absentSeverity' must be one of ${SEVERITIES.join(', ')}, read only by the 'false-or-absent' check`);
    }
    diagnostic.absentSeverity = absentSeverity;
  }
  if ((diagnostic.absentSeverity === undefined) !== (diagnostic.absentMessage === undefined)) {
    reader.error(`diagnostic: 'absentSeverity' and 'absentMessage' go together`);
  }
  if ((diagnostic.weakWhen === undefined) !== (diagnostic.weakMessage === undefined)) {
    reader.error(`diagnostic: 'weakWhen' and 'weakMessage' go together`);
  }
  if ((diagnostic.alwaysEncryptedForEngines === undefined && diagnostic.alwaysEncryptedIn === undefined) !== (diagnostic.alwaysEncryptedMessage === undefined)) {
    reader.error(`diagnostic: 'alwaysEncryptedMessage' goes with 'alwaysEncryptedForEngines' or 'alwaysEncryptedIn'`);
  }
  for (const needed of CHECK_NEEDS[check] ?? []) {
    if (diagnostic[needed] === undefined) {
      reader.error(`diagnostic: check '${check}' needs '${needed}'`);
    }
  }
  return diagnostic;
}
