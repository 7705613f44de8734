import { describe, expect, it } from 'vitest';
import { actionsNotAllowed, allowedActionPatterns, judgeRole, REQUIRED_ACTIONS } from './iam-policy';
import { coreRole, denied } from './fixtures';
import { known } from './facts';

const doc = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const policy = (name: string, path = '') => ({ name, arn: `arn:aws:iam::aws:policy/${path}${name}` });

describe('judgeRole', () => {
  it('AmazonSSMManagedInstanceCore (and its equivalents) cover the agent', () => {
    expect(judgeRole(coreRole())).toMatchObject({ verdict: 'covered', coveredBy: 'AmazonSSMManagedInstanceCore', note: null });
    expect(judgeRole(coreRole({ attached: [policy('AmazonEC2RoleforSSM', 'service-role/')] }))).toMatchObject({ verdict: 'covered', note: expect.stringMatching(/deprecated/) });
  });

  it('inline policies with the minimum actions cover it; wildcards count, Deny and NotAction do not grant', () => {
    const min = doc({ Effect: 'Allow', Action: 'ssm:UpdateInstanceInformation', Resource: '*' }, { Effect: 'Allow', Action: ['ssmmessages:*', 'ec2messages:*'], Resource: '*' });
    expect(judgeRole(coreRole({ attached: [], inline: known([{ name: 'min', document: min }]) })).verdict).toBe('covered');
    const partial = doc({ Effect: 'Allow', Action: ['ssm:*'], Resource: '*' }, { Effect: 'Deny', Action: 'ssmmessages:*', Resource: '*' });
    expect(judgeRole(coreRole({ attached: [], inline: known([{ name: 'p', document: partial }]) }))).toMatchObject({ verdict: 'missing', missing: REQUIRED_ACTIONS.filter((a) => !a.startsWith('ssm:')) });
    expect(actionsNotAllowed(allowedActionPatterns(doc({ Effect: 'Allow', Action: '*', Resource: '*' })))).toEqual([]);
    expect(allowedActionPatterns('not json')).toEqual([]);
  });

  it('customer managed policies and unreadable inline policies make it unknown, not missing', () => {
    const customer = { name: 'TeamPolicy', arn: 'arn:aws:iam::123456789012:policy/TeamPolicy' };
    expect(judgeRole(coreRole({ attached: [customer] }))).toMatchObject({ verdict: 'unknown', unread: ['TeamPolicy'] });
    expect(judgeRole(coreRole({ attached: [], inline: denied('iam:ListRolePolicies') }))).toMatchObject({ verdict: 'unknown', unread: ['inline policies'] });
    expect(judgeRole(coreRole({ attached: [policy('AmazonS3ReadOnlyAccess')] })).verdict).toBe('missing');
  });
});
