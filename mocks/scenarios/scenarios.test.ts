import { describe, expect, it } from 'vitest';
import { createScenario, pickFault, ScenarioError, updateScenario } from './index';

const call = (service: 'ssm' | 'ec2' | 'iam', operation: string, region = 'us-east-1', resource?: string) => ({ service, operation, region, accountId: '123456789012', resource });

describe('scenarios', () => {
  it('validates and merges partial scenarios', () => {
    const s = createScenario({ latencyMs: 5 });
    expect(s).toEqual({ latencyMs: 5, throttleRate: 0, failRegions: [], failAccounts: [], denyOperations: [], denyAssumeRole: [], slowAnswers: {} });
    updateScenario(s, { slowAnswers: { 'ssm:SendCommand': 3000 } });
    expect(s.slowAnswers).toEqual({ 'ssm:SendCommand': 3000 });
    expect(() => updateScenario(s, { slowAnswers: { SendCommand: 1 } })).toThrow(/slowAnswers/);
    expect(() => updateScenario(s, { slowAnswers: { 'ssm:SendCommand': -1 } })).toThrow(/slowAnswers/);
    updateScenario(s, { denyOperations: ['ssm:DescribeInstancePatchStates'], throttleRate: 0.5 });
    expect(s).toMatchObject({ latencyMs: 5, throttleRate: 0.5, denyOperations: ['ssm:DescribeInstancePatchStates'] });
    expect(() => updateScenario(s, { throttleRate: 2 })).toThrow(ScenarioError);
    expect(() => updateScenario(s, { denyOperations: ['DescribeInstances'] })).toThrow(/service:Operation/);
    expect(() => updateScenario(s, { bogus: 1 })).toThrow(/unknown field bogus/);
    expect(() => updateScenario(s, [])).toThrow(ScenarioError);
    expect(s.throttleRate).toBe(0.5);
  });

  it('picks outage, then denial, then throttling, with AWS codes and statuses', () => {
    const s = createScenario({ failRegions: ['eu-west-1'], denyOperations: ['ec2:*'], throttleRate: 1 });
    expect(pickFault(s, call('ssm', 'DescribeOpsItems', 'eu-west-1'), () => 0)).toMatchObject({ code: 'ServiceUnavailable', status: 503 });
    expect(pickFault(s, call('ec2', 'DescribeInstances', 'eu-west-1'), () => 0)).toMatchObject({ code: 'Unavailable', status: 503 });
    expect(pickFault(s, call('ec2', 'DescribeInstances'), () => 0)).toMatchObject({
      code: 'UnauthorizedOperation',
      status: 403,
      message: expect.stringMatching(/^You are not authorized to perform this operation\. User: arn:aws:sts::123456789012:assumed-role\/.+ is not authorized to perform: ec2:DescribeInstances because no identity-based policy allows the ec2:DescribeInstances action$/),
    });
    expect(pickFault(s, call('ssm', 'DescribeOpsItems'), () => 0.99)).toMatchObject({ code: 'ThrottlingException', status: 400, message: 'Rate exceeded' });
    updateScenario(s, { throttleRate: 0.3, denyOperations: ['*'] });
    expect(pickFault(s, call('ssm', 'DescribeOpsItems'), () => 0)).toMatchObject({
      code: 'AccessDeniedException',
      message: expect.stringContaining('is not authorized to perform: ssm:DescribeOpsItems on resource: arn:aws:ssm:us-east-1:123456789012:* because no identity-based policy allows the ssm:DescribeOpsItems action'),
    });
    updateScenario(s, { denyOperations: [] });
    expect(pickFault(s, call('ec2', 'DescribeInstances'), () => 0.5)).toBeNull();
    expect(pickFault(s, call('ec2', 'DescribeInstances'), () => 0.1)).toMatchObject({ code: 'RequestLimitExceeded', status: 503 });
  });

  it('applies to IAM: AccessDenied (403) naming the resource, Throttling, and the us-east-1 outage', () => {
    const s = createScenario({ denyOperations: ['iam:GetInstanceProfile'] });
    expect(pickFault(s, call('iam', 'GetInstanceProfile', 'us-east-1', 'arn:aws:iam::123456789012:instance-profile/p'), () => 0)).toMatchObject({
      code: 'AccessDenied', status: 403,
      message: expect.stringContaining('is not authorized to perform: iam:GetInstanceProfile on resource: arn:aws:iam::123456789012:instance-profile/p because'),
    });
    expect(pickFault(s, call('iam', 'GetRole'), () => 0.5)).toBeNull();
    updateScenario(s, { denyOperations: [], throttleRate: 1, failRegions: [] });
    expect(pickFault(s, call('iam', 'GetRole'), () => 0)).toMatchObject({ code: 'Throttling', status: 400 });
    updateScenario(s, { failRegions: ['us-east-1'] });
    expect(pickFault(s, call('iam', 'GetRole'), () => 0)).toMatchObject({ code: 'ServiceUnavailable', status: 503 });
    expect(() => updateScenario(s, { denyOperations: ['iam:*', 'iam:ListAttachedRolePolicies'], slowAnswers: { 'iam:GetRole': 10 } })).not.toThrow();
    expect(() => updateScenario(s, { denyOperations: ['sts:GetCallerIdentity'] })).toThrow(/service:Operation/);
  });
});
