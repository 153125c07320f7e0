/** Checks on settings whose default is the risky choice, so leaving them out counts like setting them. */
import { OptionContext } from '../model';
import { absenceCounts, Check, literalEquals, mootSettingSet, optionNamed } from './context';

/** The backup retention a resource writes, in each format's name. */
const BACKUP_RETENTION = ['BackupRetentionPeriod', 'backup_retention_period', 'backupRetention'];

/**
 * Whether a setting makes the rule moot (`unlessPresent`: a read replica, which keeps no automated backups of its
 * own on RDS for PostgreSQL), unless the resource writes a positive backup retention (a MySQL replica's backups).
 * A retention of 0 makes it moot too: such a database keeps no automated backups to delete, and
 * `rds-backup-retention` already reports that.
 */
function moot(resource: OptionContext, names: readonly string[]): boolean {
  const retention = optionNamed(resource, BACKUP_RETENTION)?.literal;
  if (retention?.kind === 'num' && retention.value === 0) {
    return true;
  }
  return mootSettingSet(resource, names) && !(retention?.kind === 'num' && retention.value > 0);
}

/** A setting that is `true` or left out, where the API default is `true` (DeleteAutomatedBackups), where it is not moot. */
export const trueOrAbsent: Check = (rule, context) => {
  const unless = rule.diagnostic?.unlessPresent ?? [];
  for (const { context: resource, option } of context.optionsOf(rule)) {
    if (literalEquals(option.literal, true) && !moot(resource, unless)) {
      context.report(rule, option.key, context.fixFor(rule, option));
    }
  }
  const properties = rule.diagnostic?.properties ?? [];
  if (properties.length === 0) {
    return;
  }
  for (const request of context.contextsOf(rule)) {
    if (absenceCounts(rule, request) && !optionNamed(request, properties) && !moot(request, unless)) {
      context.report(rule, request.anchor);
    }
  }
};
