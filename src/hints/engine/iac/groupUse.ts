/**
 * What a security group protects, as far as one template or Terraform file shows. A rule that opens
 * every port to the internet exposes a database only through a group that a database or cache uses;
 * when the file attaches the group only to other resources (a load balancer, a service, an endpoint),
 * the open-ingress rules have nothing to say about it.
 */
import { IngressRule } from '../model';

/** Resource types that hold data on a database or cache port (RDS, Aurora, ElastiCache and their kin). */
const DATA_STORE = /^(?:AWS::(?:RDS|ElastiCache|DocDB|Neptune|MemoryDB|Redshift)::|aws_(?:db_|rds_|elasticache_|docdb_|neptune_|memorydb_|redshift_))/;

/** Security groups and their rules name other groups as peers, which attaches nothing. */
const GROUP_RULES = /^(?:AWS::EC2::SecurityGroup|aws_security_group|aws_vpc_security_group_)/;

/** Does a rule open every port (all traffic, or the whole TCP range)? */
export function opensEveryPort(rule: IngressRule): boolean {
  return rule.fromPort !== undefined && rule.toPort !== undefined && rule.fromPort <= 1 && rule.toPort >= 65535;
}

export class GroupUses {
  /** Per group: true while every resource seen using it is something other than a data store. */
  private readonly onlyOthers = new Map<string, boolean>();
  private readonly rules: { rule: IngressRule; group: string }[] = [];

  /** An ingress rule of `group` (a logical id or `aws_security_group.name`). */
  rule(rule: IngressRule, group: string | undefined): void {
    if (group !== undefined) {
      this.rules.push({ rule, group });
    }
  }

  /**
   * A resource of type `consumer` refers to `group`. A consumer of unknown kind (a module of the
   * project) might be a database, so it counts as one.
   */
  use(group: string, consumer: string | undefined): void {
    if (consumer !== undefined && GROUP_RULES.test(consumer)) {
      return;
    }
    const other = consumer !== undefined && !DATA_STORE.test(consumer);
    this.onlyOthers.set(group, other && (this.onlyOthers.get(group) ?? true));
  }

  /** Marks the rules whose group the document attaches to other resources only. */
  settle(): void {
    for (const { rule, group } of this.rules) {
      if (this.onlyOthers.get(group) === true) {
        rule.servesOthersOnly = true;
      }
    }
  }
}
