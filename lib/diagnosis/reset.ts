import 'server-only';
import { resetInstanceCache } from './collect-instances';
import { resetVpcCache } from './collect-network';
import { resetIamCaches } from './collect-iam';
import { resetRegionCaches } from './collect-region';

/** Tests and benchmarks: forget every cached diagnosis fact. */
export function resetDiagnosisCaches(): void {
  resetInstanceCache();
  resetVpcCache();
  resetIamCaches();
  resetRegionCaches();
}
