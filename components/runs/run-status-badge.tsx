import { Badge, type Tone } from '@/components/ui/badge';

const TONES: Record<string, Tone> = {
  Success: 'green', Failed: 'red', TimedOut: 'red', Undeliverable: 'red', NotSent: 'gray', Cancelled: 'gray', Cancelling: 'gray',
  Pending: 'blue', InProgress: 'blue', Delayed: 'amber', Partial: 'amber', Sending: 'blue',
};
const LABELS: Record<string, string> = { InProgress: 'In progress', TimedOut: 'Timed out', NotSent: 'Not sent' };

export function RunStatusBadge({ status }: { status: string }) {
  return <Badge tone={TONES[status] ?? 'gray'}>{LABELS[status] ?? status}</Badge>;
}
