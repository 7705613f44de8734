/**
 * The standalone endpoint's plain-JSON control endpoints under /__mock/: health, accounts, stats, scenario, reset,
 * clock (one clock shared by every account's fleet), and expiring every STS session.
 */
import type { ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Accounts } from './accounts';
import { checkAdvance, checkSpeed } from './fleet-sim';
import { ScenarioError, updateScenario, type Scenario } from './scenarios';
import type { Stats } from './stats';

export interface ControlState {
  accounts: Accounts;
  scenario: Scenario;
  stats: Stats;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function parseJson(res: ServerResponse, body: Buffer): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(body.toString('utf8')) };
  } catch {
    sendJson(res, 400, { error: 'body must be JSON' });
    return { ok: false };
  }
}

export function createControl(state: ControlState) {
  const { accounts, scenario, stats } = state;
  const clock = accounts.managementSim.clock;
  // Main-thread busy time since the last stats reset, to report the server's cost per call.
  let eluSince = performance.eventLoopUtilization();
  const serverLoad = () => {
    const busyMs = performance.eventLoopUtilization(eluSince).active;
    const calls = stats.calls.length;
    return { busyMs: Math.round(busyMs), busyPerCallMs: calls > 0 ? Number((busyMs / calls).toFixed(3)) : 0 };
  };
  const clockState = () => {
    const now = clock.now();
    return { now, iso: new Date(now).toISOString(), speed: clock.speed };
  };

  function health() {
    const sims = [...accounts.sims.values()];
    const base = { ok: true, nodes: accounts.totalNodes(), regions: [...new Set(sims.flatMap((s) => s.regions))] };
    if (!accounts.organization) return base;
    const fleets = [...accounts.sims].map(([id, sim]) => ({ id, name: accounts.spec(id)?.name ?? '', regions: sim.regions, nodes: sim.nodeCount }));
    return { ...base, accounts: fleets };
  }

  /** POST /__mock/clock {speed?, advanceMs?}: both validated before either applies. */
  function updateClock(res: ServerResponse, body: Buffer): void {
    const parsed = parseJson(res, body);
    if (!parsed.ok) return;
    const patch = parsed.value;
    if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return sendJson(res, 400, { error: 'body must be a JSON object like {"speed": 10, "advanceMs": 60000}' });
    const p = patch as Record<string, unknown>;
    const errors = Object.keys(p).filter((k) => k !== 'speed' && k !== 'advanceMs').map((k) => `unknown field ${k}`);
    if ('speed' in p) errors.push(...[checkSpeed(p.speed)].filter((e): e is string => e !== null));
    if ('advanceMs' in p) errors.push(...[checkAdvance(p.advanceMs)].filter((e): e is string => e !== null));
    if (errors.length > 0) return sendJson(res, 400, { error: errors.join('; ') });
    if (typeof p.speed === 'number') clock.setSpeed(p.speed);
    if (typeof p.advanceMs === 'number') clock.advance(p.advanceMs);
    sendJson(res, 200, clockState());
  }

  function patchScenario(res: ServerResponse, body: Buffer): void {
    const parsed = parseJson(res, body);
    if (!parsed.ok) return;
    try {
      sendJson(res, 200, updateScenario(scenario, parsed.value));
    } catch (err) {
      if (err instanceof ScenarioError) return sendJson(res, 400, { error: err.message });
      throw err;
    }
  }

  /** Answers `METHOD /__mock/...`. */
  return function control(method: string, path: string, res: ServerResponse, body: Buffer): void {
    const route = `${method} ${path}`;
    switch (route) {
      case 'GET /__mock/health':
        return sendJson(res, 200, health());
      case 'GET /__mock/accounts':
        return sendJson(res, 200, accounts.specs);
      case 'GET /__mock/stats':
        return sendJson(res, 200, { ...stats.snapshot(), server: serverLoad() });
      case 'POST /__mock/stats/reset':
        stats.reset();
        eluSince = performance.eventLoopUtilization();
        return sendJson(res, 200, { ok: true });
      case 'GET /__mock/scenario':
        return sendJson(res, 200, scenario);
      case 'POST /__mock/scenario':
        return patchScenario(res, body);
      case 'GET /__mock/clock':
        return sendJson(res, 200, clockState());
      case 'POST /__mock/clock':
        return updateClock(res, body);
      case 'POST /__mock/reset':
        accounts.reset();
        return sendJson(res, 200, { ok: true, nodes: accounts.totalNodes() });
      case 'POST /__mock/sts/expire':
        return sendJson(res, 200, { ok: true, expired: accounts.sessions.expireAll() });
      default:
        return sendJson(res, 404, { error: `no control endpoint ${route}` });
    }
  };
}

export { sendJson };
