import type { PingStatus } from '@/lib/contracts/node';
import { Badge, type Tone } from '@/components/ui/badge';

export const PING_TONE: Record<PingStatus, Tone> = {
  Online: 'green',
  ConnectionLost: 'amber',
  Inactive: 'gray',
  NotManaged: 'violet',
  NotRunning: 'gray',
  Unknown: 'gray',
};
export const PING_LABEL: Record<PingStatus, string> = {
  Online: 'Online',
  ConnectionLost: 'Connection lost',
  Inactive: 'Inactive',
  NotManaged: 'Not in SSM',
  NotRunning: 'Not running',
  Unknown: 'SSM unknown',
};
const PING_TITLE: Partial<Record<PingStatus, string>> = {
  NotManaged: 'Running EC2 instance that is not registered with Systems Manager',
  NotRunning: 'EC2 instance that is stopped, stopping or terminated: Systems Manager does not list it, and commands cannot run on it',
  Unknown: 'Running EC2 instance in a region where Systems Manager could not be read: whether it is managed is not known',
};

export function PingBadge({ ping }: { ping: PingStatus }) {
  return (
    <Badge tone={PING_TONE[ping]} title={PING_TITLE[ping]}>
      {PING_LABEL[ping]}
    </Badge>
  );
}
