/** Which AMIs ship the SSM Agent (AWS's list: Amazon Linux, Windows Server, Ubuntu, SUSE, macOS). Pure. */
import type { NodeRow } from '@/lib/contracts/node';
import type { InstanceFact } from './facts';

export interface AgentDefault {
  /** true: the AMI ships the agent; false: it does not; null: cannot tell. */
  ships: boolean | null;
  platform: string;
}

const SHIPS: [RegExp, string][] = [
  [/^(al2023-ami|amzn2-ami|amzn-ami|amazon\/al)/i, 'Amazon Linux'],
  [/^amzn-ec2-macos/i, 'macOS'],
  [/^windows_server|windows/i, 'Windows Server'],
  [/^ubuntu\/images|ubuntu-(bionic|focal|jammy|noble)/i, 'Ubuntu'],
  [/suse-sles|sles-1[25]/i, 'SUSE Linux Enterprise Server'],
];
const LACKS: [RegExp, string][] = [
  [/^rhel|red ?hat/i, 'Red Hat Enterprise Linux'],
  [/centos/i, 'CentOS'],
  [/debian/i, 'Debian'],
  [/rocky/i, 'Rocky Linux'],
  [/almalinux/i, 'AlmaLinux'],
  [/oracle|^ol\d/i, 'Oracle Linux'],
  [/fedora/i, 'Fedora'],
];

function match(text: string | null | undefined): AgentDefault | null {
  if (!text) return null;
  for (const [re, platform] of SHIPS) if (re.test(text)) return { ships: true, platform };
  for (const [re, platform] of LACKS) if (re.test(text)) return { ships: false, platform };
  return null;
}

/** From the AMI's name, else EC2's platform details (Windows, Red Hat, SUSE, Ubuntu Pro; "Linux/UNIX" says nothing). */
export function agentDefault(row: NodeRow, inst: InstanceFact | null, amiName: string | null): AgentDefault {
  if (inst?.platform?.toLowerCase() === 'windows' || row.platformType === 'Windows') return { ships: true, platform: 'Windows Server' };
  return (
    match(amiName) ??
    match(inst?.platformDetails ?? row.platformName) ?? { ships: null, platform: amiName ?? inst?.platformDetails ?? row.platformName ?? 'an unknown platform' }
  );
}
