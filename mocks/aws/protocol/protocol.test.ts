import { describe, expect, it } from 'vitest';
import { AwsError } from '../errors';
import { decodeQuery, encodeXmlError, encodeXmlResponse, queryKey } from './ec2-query';
import { epochSeconds, jsonErrorBody, serializeJson } from './json11';
import { ec2Model, iamModel, normalizeMinModel, ssmModel } from './model';
import { decodeQueryInput, encodeQueryResponse } from './query-xml';
import { parseCredential, readCredentialScope } from './sigv4';
import { validateInput } from './validate-input';

describe('validateInput (AWS ValidationException format)', () => {
  it('reports a range violation with the lowerCamel path', () => {
    expect(validateInput(ssmModel, 'DescribeInstanceInformation', { MaxResults: 2 })).toEqual({
      ok: false,
      code: 'ValidationException',
      message: "1 validation error detected: Value '2' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 5",
    });
  });

  it('reports several violations, nested list paths, enums, lengths and missing required members', () => {
    const check = validateInput(ssmModel, 'DescribeInstanceInformation', {
      MaxResults: 51,
      InstanceInformationFilterList: [{ key: 'Nope', valueSet: [] }],
    });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.message).toMatch(/^3 validation errors detected: /);
    expect(check.message).toContain("Value '[]' at 'instanceInformationFilterList.1.member.valueSet' failed to satisfy constraint: Member must have length greater than or equal to 1");
    expect(check.message).toContain("Value 'Nope' at 'instanceInformationFilterList.1.member.key' failed to satisfy constraint: Member must satisfy enum value set: [InstanceIds, AgentVersion,");
    expect(check.message).toContain('Member must have value less than or equal to 50');
    expect(validateInput(ssmModel, 'DescribeInstancePatchStates', {})).toMatchObject({
      message: "1 validation error detected: Value null at 'instanceIds' failed to satisfy constraint: Member must not be null",
    });
  });

  it('checks patterns and list lengths', () => {
    const ids = Array.from({ length: 51 }, (_, i) => `i-${String(i).padStart(17, '0')}`);
    expect(validateInput(ssmModel, 'DescribeInstancePatchStates', { InstanceIds: ids })).toMatchObject({ message: expect.stringContaining('Member must have length less than or equal to 50') });
    expect(validateInput(ssmModel, 'DescribeInstancePatchStates', { InstanceIds: ['web-1'] })).toMatchObject({
      message: expect.stringContaining("Value 'web-1' at 'instanceIds.1.member' failed to satisfy constraint: Member must satisfy regular expression pattern"),
    });
    expect(validateInput(ssmModel, 'DescribeInstancePatchStates', { InstanceIds: ['i-0123456789abcdef0', 'mi-0123456789abcdef0'] })).toEqual({ ok: true });
  });

  it('answers a wrongly typed value with SerializationException', () => {
    expect(validateInput(ssmModel, 'DescribeInstanceInformation', { MaxResults: '10' })).toMatchObject({ ok: false, code: 'SerializationException' });
    expect(validateInput(ssmModel, 'DescribeInstanceInformation', [])).toMatchObject({ ok: false, code: 'SerializationException' });
  });
});

describe('JSON 1.1', () => {
  it('serializes timestamps as epoch seconds and drops undefined members', () => {
    expect(serializeJson({ A: epochSeconds(1_700_000_000_500), B: undefined, C: [epochSeconds(0)] })).toBe('{"A":1700000000.5,"C":[0]}');
    expect(epochSeconds(0)).toBeInstanceOf(Date);
  });

  it('names the error message member as the model does', () => {
    expect(jsonErrorBody('InvalidNextToken', 'no', ssmModel)).toEqual({ __type: 'InvalidNextToken', Message: 'no' });
    // Common errors (not in the trimmed model) use the lower-case form AWS's front end sends.
    expect(jsonErrorBody('ThrottlingException', 'Rate exceeded', ssmModel)).toEqual({ __type: 'ThrottlingException', message: 'Rate exceeded' });
    expect(jsonErrorBody('InvalidInstanceInformationFilterValue', 'no', ssmModel)).toEqual({ __type: 'InvalidInstanceInformationFilterValue', message: 'no' });
    expect(jsonErrorBody('InvalidFilterKey', 'no', ssmModel)).toEqual({ __type: 'InvalidFilterKey', message: 'no' });
  });
});

describe('EC2 query protocol', () => {
  it('derives query keys from queryName / locationName / member name', () => {
    expect(queryKey('InstanceIds', { shape: 'x', locationName: 'InstanceId' })).toBe('InstanceId');
    expect(queryKey('MaxResults', { shape: 'x', locationName: 'maxResults' })).toBe('MaxResults');
    expect(queryKey('Foo', { shape: 'x', queryName: 'Bar', locationName: 'baz' })).toBe('Bar');
    expect(queryKey('Foo', { shape: 'x' })).toBe('Foo');
  });

  it('decodes flattened lists and typed scalars from the model', () => {
    const params = new URLSearchParams('Action=DescribeInstances&Version=2016-11-15&Filter.1.Name=tag%3AName&Filter.1.Value.1=web-*&Filter.1.Value.2=api-1&Filter.2.Name=instance-state-name&Filter.2.Value.1=running&MaxResults=5&NextToken=abc&DryRun=false');
    expect(decodeQuery(ec2Model, 'DescribeInstances', params)).toEqual({
      Filters: [{ Name: 'tag:Name', Values: ['web-*', 'api-1'] }, { Name: 'instance-state-name', Values: ['running'] }],
      MaxResults: 5,
      NextToken: 'abc',
      DryRun: false,
    });
    expect(decodeQuery(ec2Model, 'DescribeInstances', new URLSearchParams('InstanceId.1=i-1&InstanceId.2=i-2'))).toEqual({ InstanceIds: ['i-1', 'i-2'] });
    expect(() => decodeQuery(ec2Model, 'DescribeInstances', new URLSearchParams('MaxResults=ten'))).toThrow(AwsError);
  });

  it('encodes XML with locationNames, <item> lists, ISO timestamps and escaped text', () => {
    const xml = encodeXmlResponse(ec2Model, 'DescribeInstances', {
      Reservations: [{ ReservationId: 'r-1', Instances: [{ InstanceId: 'i-1', LaunchTime: new Date(0), EbsOptimized: false, Tags: [{ Key: 'Name', Value: 'a<b>&"c"' }] }] }],
    }, 'req-1');
    expect(xml).toContain('<DescribeInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>req-1</requestId>');
    expect(xml).toContain('<reservationSet><item><reservationId>r-1</reservationId><instancesSet><item><instanceId>i-1</instanceId><launchTime>1970-01-01T00:00:00.000Z</launchTime><ebsOptimized>false</ebsOptimized><tagSet><item><key>Name</key><value>a&lt;b&gt;&amp;&quot;c&quot;</value></item></tagSet>');
    expect(() => encodeXmlResponse(ec2Model, 'DescribeInstances', { Reservations: [{ Nope: 1 }] }, 'x')).toThrow(/no member Nope/);
    expect(encodeXmlError('Bad<', 'm&', 'id')).toContain('<Response><Errors><Error><Code>Bad&lt;</Code><Message>m&amp;</Message></Error></Errors><RequestID>id</RequestID></Response>');
  });
});

describe('query protocol (IAM)', () => {
  it('reads the SDK v2 model: inline shapes named after their operation or parent, result wrappers kept, IAM constraints added', () => {
    expect(iamModel.operations.GetInstanceProfile).toMatchObject({ input: { shape: 'GetInstanceProfileRequest' }, output: { shape: 'GetInstanceProfileResponse', resultWrapper: 'GetInstanceProfileResult' } });
    expect(iamModel.shapes['GetInstanceProfileRequest$InstanceProfileName']).toMatchObject({ type: 'string', min: 1, max: 128 });
    expect(iamModel.shapes.S11).toEqual({ type: 'list', member: { shape: 'S12' } });
    const tiny = normalizeMinModel({
      metadata: { apiVersion: 'x', endpointPrefix: 'x', protocol: 'query' },
      operations: { Op: { input: { type: 'structure', members: { Names: { type: 'list', member: {} }, N: { type: 'integer' } } } } },
      shapes: {},
    });
    expect(tiny.shapes['OpRequest$Names']).toEqual({ type: 'list', member: { shape: 'OpRequest$Names$member' } });
    expect(tiny.shapes['OpRequest$Names$member']).toEqual({ type: 'string' });
  });

  it('decodes form parameters (numbers as numbers) and encodes a Result-wrapped response', () => {
    const params = new URLSearchParams('Action=ListAttachedRolePolicies&Version=2010-05-08&RoleName=r&MaxItems=2&Marker=abc');
    expect(decodeQueryInput(iamModel, 'ListAttachedRolePolicies', params)).toEqual({ RoleName: 'r', MaxItems: 2, Marker: 'abc' });
    expect(() => decodeQueryInput(iamModel, 'ListAttachedRolePolicies', new URLSearchParams('RoleName=r&MaxItems=two'))).toThrow(AwsError);
    const xml = encodeQueryResponse(iamModel, 'ListRolePolicies', { PolicyNames: ['a', 'b&c'], IsTruncated: false }, 'rid');
    expect(xml).toBe('<ListRolePoliciesResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">\n  <ListRolePoliciesResult><PolicyNames><member>a</member><member>b&amp;c</member></PolicyNames><IsTruncated>false</IsTruncated></ListRolePoliciesResult>\n  <ResponseMetadata>\n    <RequestId>rid</RequestId>\n  </ResponseMetadata>\n</ListRolePoliciesResponse>\n');
  });
});

describe('SigV4 credential scope', () => {
  it('reads region and service from the Authorization header', () => {
    const headers = new Headers({ authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20250101/eu-west-1/ssm/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc123' });
    expect(readCredentialScope(headers)).toEqual({ accessKeyId: 'AKID', date: '20250101', region: 'eu-west-1', service: 'ssm' });
    expect(readCredentialScope(new Headers())).toBeNull();
    expect(readCredentialScope(new Headers({ authorization: 'Bearer x' }))).toBeNull();
    expect(parseCredential('AKID/2025/eu-west-1/ssm/aws4_request')).toBeNull();
    expect(readCredentialScope(new Headers(), new URL('http://x/?X-Amz-Credential=AKID%2F20250101%2Fus-east-1%2Fec2%2Faws4_request'))?.service).toBe('ec2');
  });
});
