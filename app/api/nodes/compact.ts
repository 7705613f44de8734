import 'server-only';
import { gzipSync } from 'node:zlib';
import { fleetResponse } from '@/lib/fleet/fleet';
import type { FleetSnapshot } from '@/lib/fleet/types';
import { encodeCompactFleet } from '@/lib/contracts/node-view';

/**
 * The whole fleet in the nodes page's compact form (CompactFleet in lib/contracts/node-view.ts), serialized and
 * gzipped once per snapshot: a quarter of the JSON of the plain form, so a quarter to unzip and parse in the browser
 * (and to hold here).
 */
const bodies = new WeakMap<FleetSnapshot, { json: string; gzip?: Uint8Array<ArrayBuffer> }>();

function body(snap: FleetSnapshot) {
  let b = bodies.get(snap);
  if (!b) bodies.set(snap, (b = { json: JSON.stringify(encodeCompactFleet(fleetResponse(snap))) }));
  return b;
}

export const compactJson = (snap: FleetSnapshot): string => body(snap).json;

export function compactGzip(snap: FleetSnapshot): Uint8Array<ArrayBuffer> {
  const b = body(snap);
  return (b.gzip ??= new Uint8Array(gzipSync(b.json, { level: 6 })));
}
