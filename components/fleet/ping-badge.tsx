import type { PingStatus } from '@/lib/contracts/node';
import { Badge, type Tone } from '@/components/ui/badge';

export const PING_TONE: Record<PingStatus, Tone> = {
  Online: 'green',
  ConnectionLost: 'amber',
  Inactive: 'gray',
  NotManaged: 'violet',
};
export const PING_LABEL: Record<PingStatus, string> = {
  Online: 'Online',
  ConnectionLost: 'Connection lost',
  Inactive: 'Inactive',
  NotManaged: 'Not in SSM',
};

export function PingBadge({ ping }: { ping: PingStatus }) {
  return (
    <Badge tone={PING_TONE[ping]} title={ping === 'NotManaged' ? 'Running EC2 instance that is not registered with Systems Manager' : undefined}>
      {PING_LABEL[ping]}
    </Badge>
  );
}
