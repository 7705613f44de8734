import { describe, expect, it } from 'vitest';
import { opsItemsByNode, relatedNodeIds } from './ops-items';

const item = (id: string, resources: unknown) => ({
  OpsItemId: id, Title: `t ${id}`, Status: 'Open' as const,
  OperationalData: { '/aws/resources': { Value: typeof resources === 'string' ? resources : JSON.stringify(resources), Type: 'SearchableString' as const } },
});

describe('OpsItems related nodes', () => {
  it('reads EC2 and hybrid node IDs from /aws/resources ARNs and ignores other resources', () => {
    expect(relatedNodeIds(item('oi-1', [
      { arn: 'arn:aws:ec2:us-east-1:123456789012:instance/i-0123456789abcdef0' },
      { arn: 'arn:aws:ssm:us-east-1:123456789012:managed-instance/mi-0123456789abcdef0' },
      { arn: 'arn:aws:s3:::bucket' },
    ]))).toEqual(['i-0123456789abcdef0', 'mi-0123456789abcdef0']);
  });

  it('survives malformed operational data', () => {
    expect(relatedNodeIds(item('oi-2', 'not json'))).toEqual([]);
    expect(relatedNodeIds({ OpsItemId: 'oi-3' })).toEqual([]);
  });

  it('groups items by node', () => {
    const by = opsItemsByNode([
      item('oi-1', [{ arn: 'arn:aws:ec2:us-east-1:1:instance/i-0123456789abcdef0' }]),
      item('oi-2', [{ arn: 'arn:aws:ec2:us-east-1:1:instance/i-0123456789abcdef0' }]),
    ]);
    expect(by.get('i-0123456789abcdef0')?.map((o) => o.id)).toEqual(['oi-1', 'oi-2']);
  });
});
