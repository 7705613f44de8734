/** Item 8: X-Forwarded-Host/-Proto are believed only when the dashboard is configured to sit behind a proxy. */
import { describe, expect, it } from 'vitest';
import { originProblem } from './origin';
import { actionSettings } from './settings';

const req = (headers: Record<string, string>) => new Request('http://dash.internal/api/runs', { method: 'POST', headers });
const direct = actionSettings({} as unknown as NodeJS.ProcessEnv);
const proxied = actionSettings({ TRUST_FORWARDED_HEADERS: 'true' } as unknown as NodeJS.ProcessEnv);

describe('originProblem', () => {
  it('ignores X-Forwarded-Host from a client when no proxy is configured: a forged pair does not pass', () => {
    const forged = req({ host: 'dash.internal', origin: 'https://evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' });
    expect(originProblem(forged, direct)).toMatch(/Origin https:\/\/evil\.example does not match host dash\.internal/);
    expect(originProblem(req({ host: 'dash.internal', origin: 'http://dash.internal', 'x-forwarded-host': 'other.example' }), direct)).toBeNull();
  });

  it('uses the host and scheme the trusted proxy received when TRUST_FORWARDED_HEADERS=true', () => {
    const viaProxy = { host: '10.0.0.7:3000', 'x-forwarded-host': 'dash.example.com', 'x-forwarded-proto': 'https' };
    expect(originProblem(req({ ...viaProxy, origin: 'https://dash.example.com' }), proxied)).toBeNull();
    expect(originProblem(req({ ...viaProxy, origin: 'https://dash.example.com' }), direct)).toMatch(/does not match host 10\.0\.0\.7:3000/);
    expect(originProblem(req({ ...viaProxy, origin: 'https://evil.example' }), proxied)).toMatch(/does not match/);
    expect(originProblem(req({ ...viaProxy, origin: 'http://dash.example.com' }), proxied)).toMatch(/is not https/);
    // A client-sent value comes first; the proxy's own (last) value is the one believed.
    const appended = { ...viaProxy, 'x-forwarded-host': 'evil.example, dash.example.com' };
    expect(originProblem(req({ ...appended, origin: 'https://evil.example' }), proxied)).toMatch(/does not match/);
    expect(originProblem(req({ ...appended, origin: 'https://dash.example.com' }), proxied)).toBeNull();
  });

  it('still needs an Origin that is a URL', () => {
    expect(originProblem(req({ host: 'dash.internal' }), direct)).toMatch(/no Origin header/);
    expect(originProblem(req({ host: 'dash.internal', origin: 'null' }), direct)).toMatch(/not a URL/);
  });
});
