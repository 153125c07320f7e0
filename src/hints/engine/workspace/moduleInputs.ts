/** Terraform module folders of the workspace: where an input of a module arrives, agreed across its resources and files. */
import { ModuleInputTarget } from './types';

/**
 * Where an input arrives that two arguments of a module take (null: nowhere certain). Two different
 * arguments say nothing certain about either, except an Aurora cluster's setting that its instances
 * repeat (`engine`, `engine_version` on `aws_rds_cluster` and `aws_rds_cluster_instance`): the cluster's.
 */
export function combinedTarget(a: ModuleInputTarget | null, b: ModuleInputTarget | null): ModuleInputTarget | null {
  if (!a || !b) {
    return null;
  }
  if (a.resource === b.resource && a.argument === b.argument) {
    return a;
  }
  const [cluster, instance] = a.resource === 'aws_rds_cluster' ? [a, b] : [b, a];
  return cluster.resource === 'aws_rds_cluster' && instance.resource === 'aws_rds_cluster_instance' && cluster.argument === instance.argument ? cluster : null;
}
