/** What the rest of the simulated AWS (and tests) use of the network layer. */
export { PLANTED_CAUSES } from './types';
export { createEvaluator, naclAllows, type Evaluator } from './evaluate';
export { aclOf, routeTableOf } from './store';
export { SSM_ENDPOINT_SERVICES, PUBLIC_SSM_IP, azIdOf } from './layout';
export { CORE_POLICY_ARN, DHMC_SETTING_VALUE, DHMC_ROLE_NAME, DHMC_MIN_AGENT, HYBRID_ROLE, MANAGED_POLICIES, PROFILES, SSM_MINIMUM_ACTIONS, profileGrantsSsm, profileOfArn, roleGrantsSsm } from './iam';
export { agentAtLeast, amiShipsAgent, dhmcRegionOf } from './generate';
export { cidrContains } from './cidr';
