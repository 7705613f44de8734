import 'server-only';
import { scopeKey, type AwsScope } from '@/lib/aws/scope';
import { describeImages } from '@/lib/aws/ec2/describe-images';
import type { AwsError } from '@/lib/aws/errors';
import { settle } from '@/lib/aws/settle';
import { str } from './map-node';

/** What the overview needs of an AMI. */
export interface AmiFact {
  name: string | null;
  createdAt: string | null;
}

/** Per region: the images' facts (null: EC2 does not show the image), and the error of the last lookup, if it failed. */
export interface AmiLookup {
  facts: Map<string, AmiFact | null>;
  error: AwsError | null;
}

/** An image EC2 did not show is asked again after this long (it may have been shared since). */
const NOT_VISIBLE_TTL_MS = 60 * 60_000;
/** Bounds the memory of a long-running server whose fleet churns through AMIs. */
const MAX_ENTRIES = 50_000;

type Entry = { fact: AmiFact | null; checkedAt: number };
const g = globalThis as unknown as { __amiFacts?: Map<string, Entry>; __amiInflight?: Map<string, Promise<AmiLookup>> };
const cache = () => (g.__amiFacts ??= new Map());
const inflight = () => (g.__amiInflight ??= new Map());

/** Facts already known, without calling AWS; the rest of `ids` are left out. */
export function peekAmis(scope: AwsScope, ids: Iterable<string>, now = Date.now()): Map<string, AmiFact | null> {
  const facts = new Map<string, AmiFact | null>();
  for (const id of ids) {
    const e = cache().get(`${scopeKey(scope)}/${id}`);
    if (e && (e.fact || now - e.checkedAt < NOT_VISIBLE_TTL_MS)) facts.set(id, e.fact);
  }
  return facts;
}

/**
 * Names and creation dates of a region's AMIs. A creation date never changes, so found images are remembered and
 * only new ones are asked (DescribeImages, batched); one lookup per region at a time.
 */
export async function lookupAmis(scope: AwsScope, imageIds: Iterable<string>, now = Date.now()): Promise<AmiLookup> {
  const region = scopeKey(scope);
  const ids = [...new Set(imageIds)];
  const running = inflight().get(region);
  if (running) await running.catch(() => undefined);
  const known = peekAmis(scope, ids, now);
  const ask = ids.filter((id) => !known.has(id));
  if (!ask.length) return { facts: known, error: null };
  const p = ask_(scope, ask, known, now);
  inflight().set(region, p);
  try {
    return await p;
  } finally {
    if (inflight().get(region) === p) inflight().delete(region);
  }
}

async function ask_(scope: AwsScope, ask: string[], facts: Map<string, AmiFact | null>, now: number): Promise<AmiLookup> {
  const r = await settle(describeImages(scope, ask));
  if (!r.ok) return { facts, error: r.error };
  const found = new Map(r.value.map((img) => [img.ImageId ?? '', img]));
  if (cache().size + ask.length > MAX_ENTRIES) cache().clear();
  for (const id of ask) {
    const img = found.get(id);
    const created = img?.CreationDate ? Date.parse(img.CreationDate) : NaN;
    const fact = img ? { name: str(img.Name), createdAt: Number.isNaN(created) ? null : new Date(created).toISOString() } : null;
    cache().set(`${scopeKey(scope)}/${id}`, { fact, checkedAt: now });
    facts.set(id, fact);
  }
  return { facts, error: null };
}

/** Tests: forget every image. */
export function resetAmiFacts(): void {
  cache().clear();
  inflight().clear();
}
