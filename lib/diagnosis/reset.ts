import 'server-only';
import { resetInstanceCache } from './collect-instances';
import { resetVpcCache } from './collect-network';
import { resetIamCaches } from './collect-iam';
import { resetRegionCaches } from './collect-region';
import { resetFleetDiagnosis } from './fleet-cache';

/** Tests and benchmarks: forget every cached diagnosis fact, and the fleet view built from them. */
export function resetDiagnosisCaches(): void {
  resetFleetDiagnosis();
  resetInstanceCache();
  resetVpcCache();
  resetIamCaches();
  resetRegionCaches();
}
