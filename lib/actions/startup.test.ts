/** Item 10: the server refuses to start in demo mode unless every AWS call goes to a loopback endpoint, saying why. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { register } from '@/instrumentation';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  vi.restoreAllMocks();
});

describe('instrumentation register()', () => {
  it('logs why and exits with 1 when DEMO_MODE would make callers operators of a real account', async () => {
    Object.assign(process.env, { NEXT_RUNTIME: 'nodejs', DEMO_MODE: '1', AWS_ENDPOINT_URL: 'https://ssm.us-east-1.amazonaws.com' });
    const exit = vi.spyOn(process, 'exit').mockImplementation(((code?: number) => {
      throw new Error(`exit ${code}`);
    }) as never);
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    await expect(register()).rejects.toThrow('exit 1');
    expect(exit).toHaveBeenCalledWith(1);
    expect(String(error.mock.calls[0][0])).toMatch(/refusing to start: DEMO_MODE .*ssm\.us-east-1\.amazonaws\.com/);
  });

  it('refuses demo mode with no endpoint at all (real AWS)', async () => {
    Object.assign(process.env, { NEXT_RUNTIME: 'nodejs', DEMO_MODE: 'true' });
    delete process.env.AWS_ENDPOINT_URL;
    vi.spyOn(process, 'exit').mockImplementation(((code?: number) => {
      throw new Error(`exit ${code}`);
    }) as never);
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await expect(register()).rejects.toThrow('exit 1');
  });
});
