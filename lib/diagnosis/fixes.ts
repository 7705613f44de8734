/**
 * The fix of each cause, as AWS CLI commands to copy (or a policy / steps). Pure: the values come from the facts.
 * Commands that act per instance take a list of IDs, so the fleet view's group gets one loop instead of N lines.
 */
import type { Fix } from '@/lib/contracts/diagnosis';

export const CORE_POLICY_ARN = 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore';
export const SSM_SERVICES = ['ssm', 'ssmmessages', 'ec2messages'] as const;
export type SsmService = (typeof SSM_SERVICES)[number];

const cli = (...lines: string[]): Fix => ({ kind: 'cli', text: lines.join('\n') });

/** One command per instance: inline for one ID, a shell loop for several. */
function perInstance(ids: string[], command: (id: string) => string): string {
  if (ids.length === 1) return command(ids[0]);
  return `for id in ${ids.join(' ')}; do\n  ${command('"$id"')}\ndone`;
}

export function startInstancesFix(region: string, ids: string[]): Fix {
  return cli(`aws ec2 start-instances --instance-ids ${ids.join(' ')} --region ${region}`);
}

/** System check failed: stop and start moves the instance to healthy hardware; instance check failed: reboot, then read the console. */
export function recoverInstanceFix(region: string, ids: string[], system: boolean): Fix {
  if (system) {
    return cli(
      `aws ec2 stop-instances --instance-ids ${ids.join(' ')} --region ${region}`,
      `aws ec2 wait instance-stopped --instance-ids ${ids.join(' ')} --region ${region}`,
      `aws ec2 start-instances --instance-ids ${ids.join(' ')} --region ${region}`,
    );
  }
  return cli(
    `aws ec2 reboot-instances --instance-ids ${ids.join(' ')} --region ${region}`,
    perInstance(ids, (id) => `aws ec2 get-console-output --instance-id ${id} --latest --output text --region ${region}`),
  );
}

const TRUST_EC2 = `'{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}'`;

/** Associate a profile that works (one Online instances of the region use), else create one first. */
export function associateProfileFix(region: string, ids: string[], profile: string | null): Fix {
  const name = profile ?? 'SSMInstanceProfile';
  const create = profile
    ? []
    : [
        '# No working profile is known here: create one whose role has AmazonSSMManagedInstanceCore.',
        `aws iam create-role --role-name SSMInstanceRole --assume-role-policy-document ${TRUST_EC2}`,
        `aws iam attach-role-policy --role-name SSMInstanceRole --policy-arn ${CORE_POLICY_ARN}`,
        `aws iam create-instance-profile --instance-profile-name ${name}`,
        `aws iam add-role-to-instance-profile --instance-profile-name ${name} --role-name SSMInstanceRole`,
      ];
  return cli(...create, perInstance(ids, (id) => `aws ec2 associate-iam-instance-profile --instance-id ${id} --iam-instance-profile Name=${name} --region ${region}`));
}

/** The profile has no role (or IAM no longer has the profile): give it one, or replace the association. */
export function profileRoleFix(region: string, ids: string[], profile: string, exists: boolean, suggested: string | null): Fix {
  if (exists) {
    return cli(
      `aws iam add-role-to-instance-profile --instance-profile-name ${profile} --role-name <a role with AmazonSSMManagedInstanceCore>`,
    );
  }
  const name = suggested ?? '<a profile whose role has AmazonSSMManagedInstanceCore>';
  return cli(
    perInstance(ids, (id) => `aws ec2 describe-iam-instance-profile-associations --filters Name=instance-id,Values=${id} --query 'IamInstanceProfileAssociations[0].AssociationId' --output text --region ${region}`),
    `aws ec2 replace-iam-instance-profile-association --association-id <association ID from above> --iam-instance-profile Name=${name} --region ${region}`,
  );
}

export function attachCorePolicyFix(roles: string[]): Fix {
  return cli(...roles.map((role) => `aws iam attach-role-policy --role-name ${role} --policy-arn ${CORE_POLICY_ARN}`));
}

/** Interface endpoints for the services without a path, with a security group that lets the VPC in on 443. */
export function createEndpointsFix(region: string, vpcId: string, services: SsmService[], subnetIds: string[], vpcCidr: string | null): Fix {
  const cidr = vpcCidr ?? '<the VPC CIDR>';
  return cli(
    `SG=$(aws ec2 create-security-group --group-name ssm-endpoints-${vpcId} --description "HTTPS to the SSM endpoints" --vpc-id ${vpcId} --query GroupId --output text --region ${region})`,
    `aws ec2 authorize-security-group-ingress --group-id "$SG" --protocol tcp --port 443 --cidr ${cidr} --region ${region}`,
    `for svc in ${services.join(' ')}; do`,
    `  aws ec2 create-vpc-endpoint --vpc-id ${vpcId} --vpc-endpoint-type Interface --service-name com.amazonaws.${region}.$svc --subnet-ids ${subnetIds.join(' ')} --security-group-ids "$SG" --private-dns-enabled --region ${region}`,
    'done',
    '# or: a NAT gateway in a public subnet and a 0.0.0.0/0 route to it in this subnet\'s route table',
  );
}

export function enableVpcDnsFix(region: string, vpcId: string, attrs: ('support' | 'hostnames')[]): Fix {
  return cli(...attrs.map((a) => `aws ec2 modify-vpc-attribute --vpc-id ${vpcId} --enable-dns-${a} '{"Value":true}' --region ${region}`));
}

export function enablePrivateDnsFix(region: string, endpointIds: string[]): Fix {
  return cli(...endpointIds.map((id) => `aws ec2 modify-vpc-endpoint --vpc-endpoint-id ${id} --private-dns-enabled --region ${region}`));
}

export function endpointIngressFix(region: string, groupIds: string[], cidr: string): Fix {
  return cli(...groupIds.map((g) => `aws ec2 authorize-security-group-ingress --group-id ${g} --protocol tcp --port 443 --cidr ${cidr} --region ${region}`));
}

export function egress443Fix(region: string, groupId: string, cidr: string): Fix {
  return cli(`aws ec2 authorize-security-group-egress --group-id ${groupId} --ip-permissions 'IpProtocol=tcp,FromPort=443,ToPort=443,IpRanges=[{CidrIp=${cidr}}]' --region ${region}`);
}

export function naclAllowFix(region: string, naclId: string, egress: boolean, ruleNumber: number, ports: [number, number], cidr: string): Fix {
  return cli(
    `aws ec2 create-network-acl-entry --network-acl-id ${naclId} ${egress ? '--egress' : '--ingress'} --rule-number ${ruleNumber} --protocol tcp --port-range From=${ports[0]},To=${ports[1]} --cidr-block ${cidr} --rule-action allow --region ${region}`,
  );
}

export function publicIpFix(region: string, ids: string[]): Fix {
  return cli(
    perInstance(ids, (id) => `aws ec2 associate-address --instance-id ${id} --allocation-id $(aws ec2 allocate-address --domain vpc --query AllocationId --output text --region ${region}) --region ${region}`),
    '# or: route 0.0.0.0/0 to a NAT gateway, or create interface endpoints for ssm, ssmmessages and ec2messages',
  );
}

export function newActivationFix(region: string, role: string | null, limit: number | null): Fix {
  return cli(
    `aws ssm create-activation --iam-role ${role ?? '<the activation service role>'} --registration-limit ${Math.max(limit ?? 1, 1)} --region ${region}`,
    '# then on each machine, with the new code and ID:',
    `sudo amazon-ssm-agent -register -code "<activation code>" -id "<activation ID>" -region ${region}`,
  );
}

/** On the instance itself (SSH, EC2 Serial Console or user data): install and start the agent. */
export function installAgentFix(region: string, windows: boolean): Fix {
  if (windows) {
    return { kind: 'steps', text: 'On the instance (RDP or EC2 Serial Console), install the SSM Agent from https://docs.aws.amazon.com/systems-manager/latest/userguide/manually-install-ssm-agent-windows.html and start the AmazonSSMAgent service.' };
  }
  return cli(
    '# on the instance (SSH, EC2 Serial Console or user data); x86_64 shown, use linux_arm64 on Graviton:',
    `sudo dnf install -y https://s3.${region}.amazonaws.com/amazon-ssm-${region}/latest/linux_amd64/amazon-ssm-agent.rpm`,
    'sudo systemctl enable --now amazon-ssm-agent',
  );
}
