import { describe, expect, it } from 'vitest';
import { classify, errorLines, groupFailures, normalizeError, splitOutput, type FailureFacts } from './triage';

describe('triage', () => {
  it('folds IDs, numbers, paths, addresses, hex and times out of error text', () => {
    const a = normalizeError('E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 48213 (apt-get)');
    const b = normalizeError('E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 977 (apt-get)');
    expect(a).toBe(b);
    expect(a).toBe('E: Could not get lock <path> It is held by process <n> (apt-get)');
    expect(normalizeError('curl: (28) Failed to connect to 10.0.3.17:5432 after 30001 ms')).toBe(normalizeError('curl: (28) Failed to connect to 10.2.9.4:5432 after 30004 ms'));
    expect(normalizeError('/var/lib/amazon/ssm/i-0abc123def4567890/document/orchestration/6f1c2d3e-aaaa-bbbb-cccc-1234567890ab/_script.sh: line 2: /opt/app/bin/healthcheck: No such file or directory'))
      .toBe('<path>: line <n>: <path>: No such file or directory');
    expect(normalizeError('2026-11-30T14:32:01Z container 3f9a8b7c6d5e exited')).toBe('<time> container <hex> exited');
    expect(normalizeError('Unit nginx.service not found.')).toBe('Unit nginx.service not found.');
  });

  it('splits the agent\'s combined output and skips its boilerplate lines', () => {
    const { stdout, stderr } = splitOutput('some output\n\n----------ERROR-------\nUnit nginx.service not found.\nfailed to run commands: exit status 5');
    expect(stdout.trim()).toBe('some output');
    expect(errorLines(stdout, stderr)).toEqual(['Unit nginx.service not found.']);
    expect(errorLines('line 1\nline 2\nlast words', '')).toEqual(['line 1', 'line 2', 'last words']);
  });

  it('puts nodes that failed the same way in one group, with a sample, largest first', () => {
    const fail = (i: number, text: string | null, outcome: FailureFacts['outcome'] = 'failed', exitCode: number | null = 100): FailureFacts => ({
      nodeId: `i-${String(i).padStart(17, '0')}`, region: i % 2 ? 'us-east-1' : 'eu-west-1', outcome, exitCode, text,
    });
    const facts = [
      ...Array.from({ length: 37 }, (_, i) => fail(i, `E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process ${1000 + i * 17} (apt-get)`)),
      ...Array.from({ length: 5 }, (_, i) => fail(100 + i, 'Unit nginx.service not found.', 'failed', 5)),
      fail(200, 'Unit nginx.service not found.', 'failed', 1),
      ...Array.from({ length: 3 }, (_, i) => fail(300 + i, null, 'undeliverable', null)),
    ];
    const groups = groupFailures(facts.map((f) => ({ ...f, ...classify(f) })));
    expect(groups.map((g) => [g.count, g.outcome, g.exitCode])).toEqual([[37, 'failed', 100], [5, 'failed', 5], [3, 'undeliverable', null], [1, 'failed', 1]]);
    expect(groups[0].regions).toEqual(['eu-west-1', 'us-east-1']);
    expect(groups[0].sample?.text).toMatch(/held by process 1000/);
    expect(groups[2]).toMatchObject({ signature: 'Undeliverable', sample: null });
    expect(classify(facts[0]).errorLine).toBe('E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 1000 (apt-get)');
  });
});
