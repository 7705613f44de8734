import { describe, expect, it } from 'vitest';
import { mergeRelated, toDetail } from './detail';
import { nodeIdOfArn, resourceArns, toRow } from './map';

const ARN = 'arn:aws:ec2:us-east-1:123456789012:instance/i-0123456789abcdef0';
const HYBRID = 'arn:aws:ssm:us-east-1:123456789012:managed-instance/mi-0123456789abcdef0';

describe('OpsItem mapping', () => {
  it('reads node IDs from /aws/resources, and ignores data that is not a list of ARNs', () => {
    const data = (Value: string) => ({ '/aws/resources': { Value, Type: 'SearchableString' as const } });
    expect(resourceArns(data(JSON.stringify([{ arn: ARN }, { arn: HYBRID }, { arn: 'arn:aws:s3:::bucket' }])))).toEqual([ARN, HYBRID, 'arn:aws:s3:::bucket']);
    expect(resourceArns(data('not json'))).toEqual([]);
    expect(resourceArns(data('{"arn":"x"}'))).toEqual([]);
    expect([ARN, HYBRID, 'arn:aws:s3:::bucket'].map(nodeIdOfArn)).toEqual(['i-0123456789abcdef0', 'mi-0123456789abcdef0', null]);
    const r = toRow('us-east-1', { OpsItemId: 'oi-0123456789ab', Title: 't', OperationalData: data(JSON.stringify([{ arn: ARN }, { arn: ARN }])) });
    expect(r).toMatchObject({ id: 'oi-0123456789ab', status: 'Open', type: '/aws/issue', severity: null, nodeIds: ['i-0123456789abcdef0'] });
  });

  it('merges related items and /aws/resources into one entry per resource', () => {
    const item = { OpsItemId: 'oi-0123456789ab', OperationalData: { '/aws/resources': { Value: JSON.stringify([{ arn: ARN }, { arn: HYBRID }]) } } };
    const related = mergeRelated(item, [
      { AssociationId: 'a1', ResourceType: 'AWS::EC2::Instance', ResourceUri: ARN },
      { AssociationId: 'a2', ResourceType: 'AWS::SSMIncidents::IncidentRecord', ResourceUri: 'arn:aws:ssm-incidents::123456789012:incident-record/x' },
    ], () => null);
    expect(related.map((r) => [r.uri === ARN ? 'ec2' : r.uri === HYBRID ? 'hybrid' : 'incident', r.associationId, r.inResourcesData, r.resourceType])).toEqual([
      ['ec2', 'a1', true, 'AWS::EC2::Instance'],
      ['incident', 'a2', false, 'AWS::SSMIncidents::IncidentRecord'],
      ['hybrid', null, true, 'AWS::SSM::ManagedInstance'],
    ]);
    const d = toDetail('us-east-1', { ...item, OpsItemType: '/aws/changerequest' }, [], null, () => null);
    expect(d.settableStatuses).toEqual([]);
    expect(d.item.nodeIds).toEqual(['i-0123456789abcdef0', 'mi-0123456789abcdef0']);
  });
});
