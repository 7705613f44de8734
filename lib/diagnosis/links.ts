/** AWS console deep links for the evidence (patterns from the AWS console, as for the links in lib/contracts/links.ts). */
import type { Evidence } from '@/lib/contracts/diagnosis';
import { ec2InstanceUrl, fleetManagerUrl } from '@/lib/contracts/links';

const enc = encodeURIComponent;
const vpcConsole = (region: string, fragment: string) => `https://${region}.console.aws.amazon.com/vpcconsole/home?region=${enc(region)}#${fragment}`;

export const consoleLinks = {
  instance: ec2InstanceUrl,
  node: fleetManagerUrl,
  vpc: (region: string, id: string) => vpcConsole(region, `VpcDetails:VpcId=${enc(id)}`),
  subnet: (region: string, id: string) => vpcConsole(region, `SubnetDetails:subnetId=${enc(id)}`),
  routeTable: (region: string, id: string) => vpcConsole(region, `RouteTableDetails:RouteTableId=${enc(id)}`),
  endpoint: (region: string, id: string) => vpcConsole(region, `EndpointDetails:vpcEndpointId=${enc(id)}`),
  nacl: (region: string, id: string) => vpcConsole(region, `NetworkAclDetails:networkAclId=${enc(id)}`),
  securityGroup: (region: string, id: string) => `https://${region}.console.aws.amazon.com/ec2/home?region=${enc(region)}#SecurityGroup:groupId=${enc(id)}`,
  role: (name: string) => `https://us-east-1.console.aws.amazon.com/iam/home#/roles/details/${enc(name)}`,
  activations: (region: string) => `https://${region}.console.aws.amazon.com/systems-manager/activations?region=${enc(region)}`,
};

/** One evidence item; `href` only when there is a link. */
export function ev(label: string, value: string, href?: string): Evidence {
  return href ? { label, value, href } : { label, value };
}

/** The same evidence items once each (causes merged across services repeat them). */
export function uniqueEvidence(items: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return items.filter((e) => {
    const k = `${e.label}|${e.value}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
