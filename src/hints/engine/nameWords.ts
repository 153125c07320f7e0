/**
 * The lower-case words of a name or sentence written in snake, kebab or camel case, or with acronyms:
 * `LoadBalancerSG` is load, balancer, sg; `ALBSecurityGroup` alb, security, group; `DB_PASSWORD` db, password.
 * Digits stay in their word (`ec2`, `k8s`).
 */
export function nameWords(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}
