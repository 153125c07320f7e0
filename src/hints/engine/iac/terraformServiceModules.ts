/**
 * terraform-aws-modules registry modules that make no database or cache: functions, networks and their
 * endpoints, load balancers, container and compute services, file systems. A security group handed to one of
 * them serves that module's resources, as it would serve the same resources written by hand (a Lambda
 * function, a VPC endpoint), so a rule that opens every port on it exposes no database or cache port.
 */
import { normalizedModuleSource } from './terraformModules';

const SERVICE_MODULES = new Set(['alb', 'apigateway-v2', 'app-runner', 'autoscaling', 'batch', 'ec2-instance', 'ecs', 'efs', 'eks', 'elb', 'lambda', 'vpc']);

/** `terraform-aws-modules/<name>/aws`, or one of its submodules (`//modules/vpc-endpoints`). */
const TERRAFORM_AWS_MODULE = /^terraform-aws-modules\/([a-z0-9-]+)\/aws(?:\/\/modules\/[a-z0-9-]+)?$/;

/** Whether a module block's source is a registry module known to make no database or cache. */
export function makesNoDataStore(source: string): boolean {
  const name = TERRAFORM_AWS_MODULE.exec(normalizedModuleSource(source))?.[1];
  return name !== undefined && SERVICE_MODULES.has(name);
}
