import * as organizationsSdk from '@aws-sdk/client-organizations';
import * as ssmSdk from '@aws-sdk/client-ssm';
import * as stsSdk from '@aws-sdk/client-sts';
import { ListAccountsCommand } from '@aws-sdk/client-organizations';
import { DescribeInstanceInformationCommand } from '@aws-sdk/client-ssm';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountClients, READ_ONLY } from './accounts-fixture';
import { checkEveryExchange, errorOf, startContractMock } from './harness';

const { assume, orgsAs, ssmAs, sts } = accountClients({ sts: stsSdk, ssm: ssmSdk, organizations: organizationsSdk });

const ACCOUNT = '123456789012';
let mock: ReturnType<typeof startContractMock>;
beforeAll(() => {
  mock = startContractMock({ nodes: 60, seed: 2 });
});
afterAll(() => mock.close());
checkEveryExchange(() => mock);

describe('single-account mode (no `accounts`)', () => {
  it('serves the one fleet to any credentials, as before accounts existed', async () => {
    const keys = [{ accessKeyId: 'test', secretAccessKey: 'test' }, { accessKeyId: 'ASIAQQQQQQQQQQQQQQQQ', secretAccessKey: 'x', sessionToken: 'from-elsewhere' }];
    for (const credentials of keys) {
      const page = await ssmAs(credentials).send(new DescribeInstanceInformationCommand({ MaxResults: 5 }));
      expect(page.InstanceInformationList).toHaveLength(5);
    }
    expect(mock.accounts).toEqual([expect.objectContaining({ id: ACCOUNT, management: true, nodes: 60 })]);
    expect([...mock.sims.keys()]).toEqual([ACCOUNT]);
  });

  it('answers STS for its own account and Organizations with AWSOrganizationsNotInUseException', async () => {
    expect(await sts().send(new GetCallerIdentityCommand({}))).toMatchObject({ Account: ACCOUNT, Arn: `arn:aws:iam::${ACCOUNT}:user/demo` });
    const { credentials } = await assume(ACCOUNT, READ_ONLY);
    expect((await sts(credentials).send(new GetCallerIdentityCommand({}))).Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/${READ_ONLY}/contract-test`);
    expect((await errorOf(assume('210987654321'))).name).toBe('AccessDenied');
    const err = await errorOf(orgsAs().send(new ListAccountsCommand({})));
    expect(err).toMatchObject({ name: 'AWSOrganizationsNotInUseException', message: 'Your account is not a member of an organization.' });
  });
});
