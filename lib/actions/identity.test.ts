/** Item 10: demo identity (every caller an operator) only while every AWS call goes to a loopback simulated endpoint. */
import { describe, expect, it } from 'vitest';
import { resolveActor, refusalReason } from './identity';
import { actionSettings, demoEndpointProblem, startupProblem } from './settings';

const demo = (env: Record<string, string>) => actionSettings({ DEMO_MODE: '1', DASHBOARD_MODE: 'operator', ...env } as unknown as NodeJS.ProcessEnv);
const actorFor = (env: Record<string, string>) => resolveActor(new Headers(), demo(env));

describe('demo identity', () => {
  it('makes callers the demo operator while AWS_ENDPOINT_URL names a loopback host', () => {
    for (const url of ['http://127.0.0.1:4566', 'http://localhost:4566', 'http://[::1]:4566', 'http://127.8.9.10:1', 'https://LOCALHOST']) {
      const s = demo({ AWS_ENDPOINT_URL: url });
      expect(resolveActor(new Headers(), s), url).toMatchObject({ id: 'demo-operator', role: 'operator', source: 'demo' });
      expect(refusalReason(resolveActor(new Headers(), s), s)).toBeNull();
      expect(startupProblem({ DEMO_MODE: '1', AWS_ENDPOINT_URL: url } as unknown as NodeJS.ProcessEnv)).toBeNull();
    }
  });

  it('grants nothing, and says why, when AWS calls could reach anything else', () => {
    const cases: Record<string, string>[] = [
      {}, // real AWS
      { AWS_ENDPOINT_URL: 'https://ssm.us-east-1.amazonaws.com' },
      { AWS_ENDPOINT_URL: 'http://10.0.0.5:4566' },
      { AWS_ENDPOINT_URL: 'http://127.0.0.1.evil.example:4566' },
      { AWS_ENDPOINT_URL: 'http://localhost.evil.example' },
      { AWS_ENDPOINT_URL: 'http://127.0.0.1@evil.example' },
      { AWS_ENDPOINT_URL: 'http://evil.example/127.0.0.1' },
      { AWS_ENDPOINT_URL: 'http://0.0.0.0:4566' },
      { AWS_ENDPOINT_URL: 'not a url' },
      { AWS_ENDPOINT_URL: 'http://127.0.0.1:4566', AWS_ENDPOINT_URL_SSM: 'https://ssm.eu-west-1.amazonaws.com' },
      { AWS_ENDPOINT_URL: 'http://127.0.0.1:4566', AWS_ENDPOINT_URL_EC2: 'http://ec2.internal' },
    ];
    for (const env of cases) {
      const s = demo(env);
      const actor = resolveActor(new Headers(), s);
      expect(actor, JSON.stringify(env)).toMatchObject({ id: 'anonymous', role: 'viewer', source: 'anonymous' });
      expect(refusalReason(actor, s), JSON.stringify(env)).toMatchObject({ code: 'DemoModeRefused', message: expect.stringMatching(/DEMO_MODE/) });
      expect(startupProblem({ DEMO_MODE: '1', ...env } as unknown as NodeJS.ProcessEnv), JSON.stringify(env)).toMatch(/DEMO_MODE/);
    }
    expect(demoEndpointProblem({ DEMO_MODE: '1' } as unknown as NodeJS.ProcessEnv)).toMatch(/AWS_ENDPOINT_URL is not set/);
    expect(demoEndpointProblem({ AWS_ENDPOINT_URL: 'https://ssm.us-east-1.amazonaws.com' } as unknown as NodeJS.ProcessEnv)).toMatch(/points at ssm\.us-east-1\.amazonaws\.com/);
  });

  it('still honours the proxy identity when demo mode is refused', () => {
    const s = demo({ AWS_ENDPOINT_URL: 'https://ssm.us-east-1.amazonaws.com', AUTH_USER_HEADER: 'x-user', OPERATOR_USERS: 'alice' });
    const actor = resolveActor(new Headers({ 'x-user': 'alice' }), s);
    expect(actor).toMatchObject({ id: 'alice', role: 'operator', source: 'proxy-header' });
    expect(actorFor({ AWS_ENDPOINT_URL: 'https://ssm.us-east-1.amazonaws.com' }).source).toBe('anonymous');
  });

  it('has no start-up objection without demo mode, and objects to a malformed retention', () => {
    expect(startupProblem({ AWS_ENDPOINT_URL: 'https://ssm.us-east-1.amazonaws.com' } as unknown as NodeJS.ProcessEnv)).toBeNull();
    expect(startupProblem({ AUDIT_RETENTION_DAYS: 'forever' } as unknown as NodeJS.ProcessEnv)).toMatch(/AUDIT_RETENTION_DAYS/);
  });
});
