import { describe, expect, it } from 'vitest';
import { fleetManagerUrl, portForwardCommand, sessionManagerUrl, startSessionCommand } from './links';

describe('console links and CLI commands', () => {
  it('builds the Session Manager and Fleet Manager deep links for the node region', () => {
    expect(sessionManagerUrl('eu-west-1', 'i-0123456789abcdef0')).toBe(
      'https://eu-west-1.console.aws.amazon.com/systems-manager/session-manager/i-0123456789abcdef0?region=eu-west-1',
    );
    expect(fleetManagerUrl('us-east-1', 'mi-0123456789abcdef0')).toBe(
      'https://us-east-1.console.aws.amazon.com/systems-manager/fleet-manager/managed-nodes/mi-0123456789abcdef0/general?region=us-east-1',
    );
  });

  it('builds start-session and a port-forwarding command whose parameters are valid JSON', () => {
    expect(startSessionCommand('us-east-1', 'i-0123456789abcdef0')).toBe('aws ssm start-session --target i-0123456789abcdef0 --region us-east-1');
    const cmd = portForwardCommand('us-east-1', 'i-0123456789abcdef0', { remotePort: 5432, localPort: 15432, host: 'db.internal' });
    const json = /--parameters '(.*)'$/.exec(cmd)![1];
    expect(JSON.parse(json)).toEqual({ host: ['db.internal'], portNumber: ['5432'], localPortNumber: ['15432'] });
  });
});
