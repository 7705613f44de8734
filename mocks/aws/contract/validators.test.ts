// The contract validators must catch the wire-format mistakes the SDK silently swallows.
import { describe, expect, it } from 'vitest';
import { encodeXmlResponse } from '../protocol/ec2-query';
import { ec2Model, iamModel, ssmModel } from '../protocol/model';
import { encodeQueryError, encodeQueryResponse } from '../protocol/query-xml';
import { awsDeviations, emptyPatchGroup, validateJsonError, validateJsonOutput } from './validate-json';
import { validateEc2ErrorXml, validateEc2Xml, validateQueryErrorXml, validateQueryXml } from './validate-xml';

const info = { InstanceId: 'i-0123456789abcdef0', PingStatus: 'Online', LastPingDateTime: 1700000000.5, IsLatestVersion: true };
const state = {
  InstanceId: 'i-0123456789abcdef0', PatchGroup: 'prod-linux', BaselineId: 'pb-0123456789abcdef0', Operation: 'Scan',
  OperationStartTime: 1700000000, OperationEndTime: 1700000100, MissingCount: 2,
};

describe('JSON validator', () => {
  it('accepts a well-formed body', () => {
    expect(validateJsonOutput(ssmModel, 'DescribeInstanceInformation', { InstanceInformationList: [info], NextToken: 'x' })).toEqual([]);
  });

  it('catches ISO timestamps, wrong names, bad enums, wrong types and missing required members', () => {
    const problems = validateJsonOutput(ssmModel, 'DescribeInstanceInformation', {
      InstanceInformationList: [{ ...info, LastPingDateTime: '2024-01-01T00:00:00Z', pingStatus: 'Online', PingStatus: 'Up', IsLatestVersion: 'true' }],
    });
    expect(problems).toHaveLength(4);
    expect(problems).toEqual(expect.arrayContaining([
      expect.stringContaining('expected epoch seconds as a number'),
      expect.stringContaining('unknown member pingStatus'),
      expect.stringContaining('"Up" not in enum PingStatus'),
      expect.stringContaining('expected a boolean'),
    ]));
    const noOperation: Record<string, unknown> = { ...state };
    delete noOperation.Operation;
    expect(validateJsonOutput(ssmModel, 'DescribeInstancePatchStates', { InstancePatchStates: [noOperation] })).toEqual([expect.stringContaining('required member Operation missing')]);
    expect(validateJsonOutput(ssmModel, 'DescribeInstancePatchStates', { InstancePatchStates: [{ ...state, MissingCount: 1.5 }] })).toEqual([expect.stringContaining('expected an integer')]);
  });

  it('allows only the documented empty PatchGroup exception', () => {
    const body = { InstancePatchStates: [{ ...state, PatchGroup: '' }] };
    expect(validateJsonOutput(ssmModel, 'DescribeInstancePatchStates', body)).toEqual([expect.stringContaining('string length 0 < min 1')]);
    expect(validateJsonOutput(ssmModel, 'DescribeInstancePatchStates', body, emptyPatchGroup)).toEqual([]);
  });

  it('allows PascalCase patch States and an empty DocumentVersion, nothing else', () => {
    const patch = { Title: 't', KBId: 'k', Classification: 'c', Severity: 's', State: 'Missing', InstalledTime: 0 };
    expect(validateJsonOutput(ssmModel, 'DescribeInstancePatches', { Patches: [patch] })).toEqual([expect.stringContaining('"Missing" not in enum')]);
    expect(validateJsonOutput(ssmModel, 'DescribeInstancePatches', { Patches: [patch] }, awsDeviations)).toEqual([]);
    expect(validateJsonOutput(ssmModel, 'DescribeInstancePatches', { Patches: [{ ...patch, State: 'Lost' }] }, awsDeviations)).toEqual([expect.stringContaining('"Lost" not in enum')]);
    const command = { CommandId: '0831e1a8-a1ac-4257-a1fd-c831b48c4107', DocumentVersion: '' };
    expect(validateJsonOutput(ssmModel, 'SendCommand', { Command: command })).toEqual([expect.stringContaining('does not match')]);
    expect(validateJsonOutput(ssmModel, 'SendCommand', { Command: command }, awsDeviations)).toEqual([]);
    expect(validateJsonOutput(ssmModel, 'SendCommand', { Command: { ...command, DocumentVersion: 'latest' } }, awsDeviations)).toEqual([expect.stringContaining('does not match')]);
  });

  it('checks error codes against the operation and the common errors', () => {
    expect(validateJsonError(ssmModel, 'DescribeInstanceInformation', { __type: 'InvalidNextToken', Message: 'bad' })).toEqual([]);
    expect(validateJsonError(ssmModel, 'DescribeOpsItems', { __type: 'com.amazon.coral.service#UnknownOperationException', message: 'x' })).toEqual([]);
    expect(validateJsonError(ssmModel, 'DescribeOpsItems', { __type: 'InvalidNextToken', message: 'x' })).toEqual([expect.stringContaining('neither an error of DescribeOpsItems')]);
    expect(validateJsonError(ssmModel, 'DescribeOpsItems', { code: 'ThrottlingException' })).toEqual(['error body has no __type']);
  });
});

describe('EC2 XML validator', () => {
  const good = encodeXmlResponse(ec2Model, 'DescribeInstances', {
    Reservations: [{ ReservationId: 'r-1', Instances: [{ InstanceId: 'i-1', Platform: 'windows', State: { Code: 16, Name: 'running' }, LaunchTime: new Date(0), Tags: [{ Key: 'Name', Value: 'web-1' }] }] }],
  }, 'req');

  it('accepts what the encoder writes, including platform=windows', () => {
    expect(validateEc2Xml(ec2Model, 'DescribeInstances', good)).toEqual([]);
  });

  it('catches <member> lists, PascalCase names, a Result wrapper, bad scalars and bad enums', () => {
    expect(validateEc2Xml(ec2Model, 'DescribeInstances', good.replaceAll('<item>', '<member>').replaceAll('</item>', '</member>'))).toContainEqual(expect.stringContaining('list entry <member> should be <item>'));
    expect(validateEc2Xml(ec2Model, 'DescribeInstances', good.replace('<instanceId>i-1</instanceId>', '<InstanceId>i-1</InstanceId>'))).toContainEqual(expect.stringContaining('element <InstanceId> is not a member of Instance'));
    const wrapped = good.replace('<reservationSet>', '<DescribeInstancesResult><reservationSet>').replace('</reservationSet>', '</reservationSet></DescribeInstancesResult>');
    expect(validateEc2Xml(ec2Model, 'DescribeInstances', wrapped)).toContainEqual(expect.stringContaining('<DescribeInstancesResult> is not a member'));
    expect(validateEc2Xml(ec2Model, 'DescribeInstances', good.replace('<code>16</code>', '<code>sixteen</code>'))).toContainEqual(expect.stringContaining('is not an integer'));
    expect(validateEc2Xml(ec2Model, 'DescribeInstances', good.replace('<name>running</name>', '<name>Running</name>'))).toContainEqual(expect.stringContaining('not in enum InstanceStateName'));
    expect(validateEc2Xml(ec2Model, 'DescribeInstances', good.replace('1970-01-01T00:00:00.000Z', '0'))).toContainEqual(expect.stringContaining('not an ISO 8601 timestamp'));
    expect(validateEc2Xml(ec2Model, 'DescribeInstances', good.replace('xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"', ''))).toContainEqual(expect.stringContaining('xmlns'));
  });

  it('checks error documents', () => {
    const ok = '<Response><Errors><Error><Code>InvalidInstanceID.NotFound</Code><Message>The instance ID \'i-1\' does not exist</Message></Error></Errors><RequestID>r</RequestID></Response>';
    expect(validateEc2ErrorXml(ok)).toEqual({ code: 'InvalidInstanceID.NotFound', problems: [] });
    expect(validateEc2ErrorXml('<ErrorResponse><Error><Code>X</Code></Error></ErrorResponse>').problems).toEqual(['root element should be <Response>']);
    expect(validateEc2ErrorXml(ok.replace('InvalidInstanceID.NotFound', 'NotARealCode')).problems).toContainEqual('unexpected error code NotARealCode');
  });
});

describe('IAM (query) XML validator', () => {
  const role = { Path: '/', RoleName: 'r', RoleId: 'AROAEXAMPLE', Arn: 'arn:aws:iam::123456789012:role/r', CreateDate: new Date(0), AssumeRolePolicyDocument: '%7B%7D' };
  const good = encodeQueryResponse(iamModel, 'GetInstanceProfile', {
    InstanceProfile: { Path: '/', InstanceProfileName: 'p', InstanceProfileId: 'AIPAEXAMPLE', Arn: 'arn:aws:iam::123456789012:instance-profile/p', CreateDate: new Date(0), Roles: [role] },
  }, 'req');

  it('accepts what the encoder writes: a Result wrapper, <member> lists, ResponseMetadata', () => {
    expect(good).toContain('<GetInstanceProfileResult><InstanceProfile>');
    expect(good).toContain('<Roles><member>');
    expect(good).toContain('<CreateDate>1970-01-01T00:00:00Z</CreateDate>');
    expect(validateQueryXml(iamModel, 'GetInstanceProfile', good)).toEqual([]);
    const list = encodeQueryResponse(iamModel, 'ListAttachedRolePolicies', { AttachedPolicies: [{ PolicyName: 'a', PolicyArn: 'arn:aws:iam::aws:policy/a' }], IsTruncated: false }, 'req');
    expect(validateQueryXml(iamModel, 'ListAttachedRolePolicies', list)).toEqual([]);
  });

  it('catches EC2-style <item> lists and lowerCamel names, a missing wrapper or RequestId, and missing required members', () => {
    expect(validateQueryXml(iamModel, 'GetInstanceProfile', good.replace('<Roles><member>', '<Roles><item>').replace('</member></Roles>', '</item></Roles>'))).toContainEqual(expect.stringContaining('list entry <item> should be <member>'));
    expect(validateQueryXml(iamModel, 'GetInstanceProfile', good.replace('<Path>/</Path><InstanceProfileName>', '<path>/</path><InstanceProfileName>'))).toContainEqual(expect.stringContaining('element <path> is not a member'));
    const unwrapped = good.replace('<GetInstanceProfileResult>', '').replace('</GetInstanceProfileResult>', '');
    expect(validateQueryXml(iamModel, 'GetInstanceProfile', unwrapped)).toContainEqual(expect.stringContaining('children should be GetInstanceProfileResult, ResponseMetadata'));
    expect(validateQueryXml(iamModel, 'GetInstanceProfile', good.replace(/<RequestId>req<\/RequestId>/, ''))).toContainEqual('no <ResponseMetadata><RequestId>');
    expect(validateQueryXml(iamModel, 'GetInstanceProfile', good.replace('<RoleId>AROAEXAMPLE</RoleId>', ''))).toContainEqual(expect.stringContaining('required member RoleId missing'));
  });

  it('checks error documents: ErrorResponse, Type, a known code, RequestId, 404 for NoSuchEntity', () => {
    const ok = encodeQueryError(iamModel, 'NoSuchEntity', 'Instance Profile x cannot be found.', 404, 'r');
    expect(validateQueryErrorXml(iamModel, ok, 404)).toEqual({ code: 'NoSuchEntity', problems: [] });
    expect(validateQueryErrorXml(iamModel, ok, 400).problems).toContainEqual('NoSuchEntity should be HTTP 404, got 400');
    expect(validateQueryErrorXml(iamModel, ok.replace('<Type>Sender</Type>', ''), 404).problems).toContainEqual(expect.stringContaining('<Type> should be Sender'));
    const ec2Style = '<Response><Errors><Error><Code>NoSuchEntity</Code><Message>m</Message></Error></Errors><RequestID>r</RequestID></Response>';
    expect(validateQueryErrorXml(iamModel, ec2Style, 404).problems).toEqual(['root element should be <ErrorResponse>']);
  });
});
