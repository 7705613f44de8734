import 'server-only';
import { getServiceSetting, DHMC_SETTING_ID } from '@/lib/aws/ssm/get-service-setting';
import { listActivations, type Activation } from '@/lib/aws/ssm/describe-activations';
import { scopeKey, type AwsScope } from '@/lib/aws/scope';
import { createBatchCache, getScoped } from './batch-cache';
import { factOf, factsTtlMs, globalCache, mapFact } from './collect-fact';
import type { ActivationFact, DhmcFact, Fact } from './facts';

/** Per region, cached 5 minutes: the DHMC setting (one GetServiceSetting) and every activation (DescribeActivations, 50 a page). */
const dhmc = () => globalCache('dhmc', () => createBatchCache<Fact<DhmcFact>>({ ttlMs: factsTtlMs, maxKeys: 500, keep: (f) => f.ok }));
const activations = () => globalCache('activations', () => createBatchCache<Fact<ActivationFact[]>>({ ttlMs: factsTtlMs, maxKeys: 500, keep: (f) => f.ok }));

/** A setting never configured answers an empty value or `$None`; anything else names the role. */
export function dhmcRole(value: string | undefined | null): string | null {
  const v = (value ?? '').trim();
  return !v || /^\$?none$/i.test(v) || v === 'false' ? null : v.split('/').pop() || null;
}

const toActivation = (a: Activation): ActivationFact => ({
  id: a.ActivationId ?? '',
  expired: a.Expired ?? (a.ExpirationDate ? a.ExpirationDate.getTime() < Date.now() : false),
  expiresAt: a.ExpirationDate?.toISOString() ?? null,
  registrationLimit: a.RegistrationLimit ?? null,
  registrationsCount: a.RegistrationsCount ?? null,
  iamRole: a.IamRole ?? null,
});

export async function collectDhmc(scope: AwsScope, opts: { refresh?: boolean } = {}): Promise<Fact<DhmcFact>> {
  const load = async () => new Map([['dhmc', await factOf('ssm:GetServiceSetting', getServiceSetting(scope, DHMC_SETTING_ID).then((s) => ({ roleName: dhmcRole(s?.SettingValue) })))]]);
  return (await getScoped(dhmc(), scopeKey(scope), ['dhmc'], load, opts)).get('dhmc')!;
}

export async function collectActivations(scope: AwsScope, opts: { refresh?: boolean } = {}): Promise<Fact<ActivationFact[]>> {
  const load = async () => new Map([['all', mapFact(await factOf('ssm:DescribeActivations', listActivations(scope)), (xs) => xs.map(toActivation))]]);
  return (await getScoped(activations(), scopeKey(scope), ['all'], load, opts)).get('all')!;
}

export function resetRegionCaches(): void {
  dhmc().clear();
  activations().clear();
}
