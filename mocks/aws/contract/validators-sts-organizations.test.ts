import { describe, expect, it } from 'vitest';
import { organizationsModel, stsModel } from '../protocol/sts-organizations-models';
import { ORGANIZATIONS_COMMON_ERRORS, validateJsonError, validateJsonOutput } from './validate-json';
import { STS_ERRORS, validateQueryErrorXml, validateQueryXml } from './validate-xml';

const NS = 'https://sts.amazonaws.com/doc/2011-06-15/';
const assumeRoleXml = (credentials: string) =>
  `<AssumeRoleResponse xmlns="${NS}"><AssumeRoleResult>${credentials}<AssumedRoleUser><AssumedRoleId>AROAX:s</AssumedRoleId><Arn>arn:aws:sts::1:assumed-role/R/s</Arn></AssumedRoleUser></AssumeRoleResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></AssumeRoleResponse>`;

describe('the STS and Organizations models catch malformed answers', () => {
  it('STS: required credential members, timestamps, the result wrapper, error codes', () => {
    const good = '<Credentials><AccessKeyId>ASIA</AccessKeyId><SecretAccessKey>s</SecretAccessKey><SessionToken>t</SessionToken><Expiration>2030-01-01T00:00:00Z</Expiration></Credentials>';
    expect(validateQueryXml(stsModel, 'AssumeRole', assumeRoleXml(good))).toEqual([]);
    expect(validateQueryXml(stsModel, 'AssumeRole', assumeRoleXml(good.replace('<SessionToken>t</SessionToken>', '')))).toEqual([expect.stringContaining('required member SessionToken missing')]);
    expect(validateQueryXml(stsModel, 'AssumeRole', assumeRoleXml(good.replace('2030-01-01T00:00:00Z', '1893456000')))).toEqual([expect.stringContaining('not an ISO 8601 timestamp')]);
    expect(validateQueryXml(stsModel, 'AssumeRole', assumeRoleXml(good).replace(/AssumeRoleResult/g, 'Result'))).not.toEqual([]);
    const error = (code: string) => `<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Code>${code}</Code><Message>m</Message></Error><RequestId>r</RequestId></ErrorResponse>`;
    expect(validateQueryErrorXml(stsModel, error('AccessDenied'), 403, STS_ERRORS).problems).toEqual([]);
    expect(validateQueryErrorXml(stsModel, error('AccessDeniedException'), 403, STS_ERRORS).problems).toEqual(['unexpected error code AccessDeniedException']);
  });

  it('Organizations: Account enums, ID pattern, epoch-second timestamps, error members', () => {
    const account = { Id: '111111111111', Arn: 'arn:aws:organizations::111111111111:account/o-abcdefghij/111111111111', Email: 'a@example.com', Name: 'n', Status: 'ACTIVE', JoinedMethod: 'CREATED', JoinedTimestamp: 1.5e9 };
    expect(validateJsonOutput(organizationsModel, 'ListAccounts', { Accounts: [account] })).toEqual([]);
    const bad = { ...account, Id: '42', Status: 'CLOSED', JoinedTimestamp: '2019-03-04T09:30:00Z' };
    expect(validateJsonOutput(organizationsModel, 'ListAccounts', { Accounts: [bad] })).toHaveLength(3);
    expect(validateJsonError(organizationsModel, 'ListAccounts', { __type: 'InvalidInputException', Message: 'm', Reason: 'INVALID_NEXT_TOKEN' }, ORGANIZATIONS_COMMON_ERRORS)).toEqual([]);
    expect(validateJsonError(organizationsModel, 'ListAccounts', { __type: 'InvalidInputException', Message: 'm', Reason: 'NOPE' }, ORGANIZATIONS_COMMON_ERRORS)).toHaveLength(1);
    expect(validateJsonError(organizationsModel, 'ListAccounts', { __type: 'ThrottlingException', message: 'm' }, ORGANIZATIONS_COMMON_ERRORS)).toHaveLength(1);
  });
});
