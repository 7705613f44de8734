import * as organizationsSdk from '@aws-sdk/client-organizations';
import * as ssmSdk from '@aws-sdk/client-ssm';
import * as stsSdk from '@aws-sdk/client-sts';
import { ListAccountsCommand, type Account } from '@aws-sdk/client-organizations';
import type { AwsCredentialIdentity } from '@smithy/types';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultScenario } from '../../scenarios';
import { accountClients, BROKEN, MANAGEMENT, PAYMENTS, READ_ONLY, SUSPENDED, TEST_ACCOUNTS } from './accounts-fixture';
import { checkEveryExchange, errorOf, startContractMock } from './harness';

const { assume, orgsAs } = accountClients({ sts: stsSdk, ssm: ssmSdk, organizations: organizationsSdk });

let mock: ReturnType<typeof startContractMock>;
beforeAll(() => {
  mock = startContractMock({ accounts: TEST_ACCOUNTS, seed: 13 });
});
afterAll(() => mock.close());
beforeEach(() => Object.assign(mock.scenario, defaultScenario()));
checkEveryExchange(() => mock);

async function allAccounts(credentials?: AwsCredentialIdentity, MaxResults?: number): Promise<{ accounts: Account[]; pages: number }> {
  const accounts: Account[] = [];
  let pages = 0;
  let NextToken: string | undefined;
  do {
    const page = await orgsAs(credentials).send(new ListAccountsCommand({ MaxResults, NextToken }));
    accounts.push(...(page.Accounts ?? []));
    NextToken = page.NextToken;
    pages++;
  } while (NextToken);
  return { accounts, pages };
}

describe('Organizations ListAccounts', () => {
  it('lists every account (suspended and not-assumable ones too) for the management account', async () => {
    const { accounts, pages } = await allAccounts();
    expect(pages).toBe(1);
    expect(accounts.map((a) => a.Id)).toEqual(TEST_ACCOUNTS.map((a) => a.id));
    const [management] = accounts;
    expect(management).toEqual({
      Id: MANAGEMENT,
      Arn: expect.stringMatching(new RegExp(`^arn:aws:organizations::${MANAGEMENT}:account/o-[a-z0-9]{10}/${MANAGEMENT}$`)),
      Email: 'aws+platform-prod@example.com',
      Name: 'platform-prod',
      Status: 'ACTIVE',
      JoinedMethod: 'INVITED',
      JoinedTimestamp: expect.any(Date),
    });
    expect(accounts.find((a) => a.Id === SUSPENDED)?.Status).toBe('SUSPENDED');
    expect(accounts.find((a) => a.Id === BROKEN)).toMatchObject({ Status: 'ACTIVE', JoinedMethod: 'CREATED' });
  });

  it('pages with MaxResults 1 (NextToken) and to a role session in the management account', async () => {
    const { accounts, pages } = await allAccounts(undefined, 1);
    expect(pages).toBe(TEST_ACCOUNTS.length);
    expect(accounts.map((a) => a.Id)).toEqual(TEST_ACCOUNTS.map((a) => a.id));
    const session = (await assume(MANAGEMENT, READ_ONLY)).credentials;
    expect((await allAccounts(session, 4)).pages).toBe(2);
  });

  it('denies member accounts with AccessDeniedException', async () => {
    const member = (await assume(PAYMENTS, READ_ONLY)).credentials;
    const err = await errorOf(orgsAs(member).send(new ListAccountsCommand({})));
    expect(err).toMatchObject({ name: 'AccessDeniedException', message: "You don't have permissions to access this resource." });
    expect(err.$metadata?.httpStatusCode).toBe(400);
  });

  it('rejects MaxResults outside 1-20 and a NextToken it did not issue with InvalidInputException and its Reason', async () => {
    const cases = [
      [{ MaxResults: 0 }, 'MIN_VALUE_EXCEEDED'],
      [{ MaxResults: 21 }, 'MAX_VALUE_EXCEEDED'],
      [{ NextToken: 'bm90LW91cnM=' }, 'INVALID_NEXT_TOKEN'],
    ] as const;
    for (const [input, reason] of cases) {
      const err = await errorOf(orgsAs().send(new ListAccountsCommand(input)));
      expect(err.name).toBe('InvalidInputException');
      expect((err as unknown as { Reason?: string }).Reason).toBe(reason);
    }
  });

  it('meets the scenario: an outage of us-east-1 and throttling', async () => {
    mock.scenario.failRegions = ['us-east-1'];
    expect((await errorOf(orgsAs().send(new ListAccountsCommand({})))).name).toBe('ServiceException');
    mock.scenario.failRegions = [];
    mock.scenario.throttleRate = 1;
    expect((await errorOf(orgsAs().send(new ListAccountsCommand({})))).name).toBe('TooManyRequestsException');
  });
});
