import 'server-only';
import { awsCallMeter, type AwsCall } from '@/lib/aws/clients';
import type { CallCounts } from '@/lib/contracts/diagnosis';

/**
 * Run `fn` counting the AWS calls it makes (by `service:Operation`), still charging them to the caller's meter (its
 * budget may refuse one: that call is then not made, nor counted). Loads shared with a concurrent caller are counted
 * where they started.
 */
export async function countCalls<T>(fn: () => Promise<T>): Promise<{ value: T; calls: CallCounts }> {
  const outer = awsCallMeter.getStore();
  const calls: CallCounts = { total: 0, byOperation: {} };
  const meter = {
    charge(call: AwsCall) {
      outer?.charge(call);
      const op = `${call.service}:${call.operation}`;
      calls.total++;
      calls.byOperation[op] = (calls.byOperation[op] ?? 0) + 1;
    },
  };
  const value = await awsCallMeter.run(meter, fn);
  return { value, calls };
}
