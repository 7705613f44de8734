/**
 * The simulated AWS as a standalone HTTP endpoint (node:http + msw's getResponse), plus
 * plain-JSON control endpoints under /__mock/. Used by mocks/server.ts and its tests.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { getResponse, type RequestHandler } from 'msw';
import { createAwsHandlers, RECEIVED_AT_HEADER } from './aws/handlers';
import { rawBody } from './aws/protocol/json11';
import { checkAdvance, checkSpeed, createSimulation, type Simulation, type SimulationOptions } from './fleet-sim';
import { createScenario, ScenarioError, updateScenario, type Scenario } from './scenarios';
import { createStats, type Stats } from './stats';

export interface MockAwsServerOptions extends SimulationOptions {
  port?: number;
  host?: string;
  scenario?: Partial<Scenario>;
}

export interface MockAwsServer {
  sim: Simulation;
  scenario: Scenario;
  stats: Stats;
  server: Server;
  /** Starts listening; resolves with the endpoint URL (http://host:port). */
  listen(): Promise<string>;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function sendResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => (headers[key] = value));
  const raw = rawBody(response);
  const body = raw === undefined ? Buffer.from(await response.arrayBuffer()) : Buffer.from(raw, 'utf8');
  headers['content-length'] = String(body.length);
  res.writeHead(response.status, headers);
  res.end(body);
}

export function createMockAwsServer(opts: MockAwsServerOptions = {}): MockAwsServer {
  const { port = 4566, host = '127.0.0.1', scenario: initial, ...simOptions } = opts;
  const sim = createSimulation(simOptions);
  const scenario = createScenario(initial);
  const stats = createStats();
  const handlers: RequestHandler[] = createAwsHandlers(sim, scenario, stats);
  // Main-thread busy time since the last stats reset, to report the server's cost per call.
  let eluSince = performance.eventLoopUtilization();
  const serverLoad = () => {
    const busyMs = performance.eventLoopUtilization(eluSince).active;
    const calls = stats.calls.length;
    return { busyMs: Math.round(busyMs), busyPerCallMs: calls > 0 ? Number((busyMs / calls).toFixed(3)) : 0 };
  };

  const clockState = () => {
    const now = sim.clock.now();
    return { now, iso: new Date(now).toISOString(), speed: sim.clock.speed };
  };

  /** POST /__mock/clock {speed?, advanceMs?}: both validated before either applies. */
  function updateClock(res: ServerResponse, body: Buffer): void {
    let patch: unknown;
    try {
      patch = JSON.parse(body.toString('utf8'));
    } catch {
      return sendJson(res, 400, { error: 'body must be JSON' });
    }
    if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return sendJson(res, 400, { error: 'body must be a JSON object like {"speed": 10, "advanceMs": 60000}' });
    const p = patch as Record<string, unknown>;
    const errors = Object.keys(p).filter((k) => k !== 'speed' && k !== 'advanceMs').map((k) => `unknown field ${k}`);
    if ('speed' in p) errors.push(...[checkSpeed(p.speed)].filter((e): e is string => e !== null));
    if ('advanceMs' in p) errors.push(...[checkAdvance(p.advanceMs)].filter((e): e is string => e !== null));
    if (errors.length > 0) return sendJson(res, 400, { error: errors.join('; ') });
    if (typeof p.speed === 'number') sim.clock.setSpeed(p.speed);
    if (typeof p.advanceMs === 'number') sim.clock.advance(p.advanceMs);
    sendJson(res, 200, clockState());
  }

  async function control(req: IncomingMessage, res: ServerResponse, path: string, body: Buffer): Promise<void> {
    const route = `${req.method} ${path}`;
    if (route === 'GET /__mock/health') return sendJson(res, 200, { ok: true, nodes: sim.nodeCount, regions: sim.regions });
    if (route === 'GET /__mock/stats') return sendJson(res, 200, { ...stats.snapshot(), server: serverLoad() });
    if (route === 'POST /__mock/stats/reset') {
      stats.reset();
      eluSince = performance.eventLoopUtilization();
      return sendJson(res, 200, { ok: true });
    }
    if (route === 'GET /__mock/scenario') return sendJson(res, 200, scenario);
    if (route === 'GET /__mock/clock') return sendJson(res, 200, clockState());
    if (route === 'POST /__mock/clock') return updateClock(res, body);
    if (route === 'POST /__mock/reset') return (sim.reset(), sendJson(res, 200, { ok: true, nodes: sim.nodeCount }));
    if (route === 'POST /__mock/scenario') {
      let patch: unknown;
      try {
        patch = JSON.parse(body.toString('utf8'));
      } catch {
        return sendJson(res, 400, { error: 'body must be JSON' });
      }
      try {
        return sendJson(res, 200, updateScenario(scenario, patch));
      } catch (err) {
        if (err instanceof ScenarioError) return sendJson(res, 400, { error: err.message });
        throw err;
      }
    }
    sendJson(res, 404, { error: `no control endpoint ${route}` });
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const receivedAt = stats.now();
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? `${host}:${port}`}`);
    if (url.pathname.startsWith('/__mock/')) return control(req, res, url.pathname, body);
    const headers: Array<[string, string]> = [];
    for (let i = 0; i < req.rawHeaders.length; i += 2) headers.push([req.rawHeaders[i], req.rawHeaders[i + 1]]);
    headers.push([RECEIVED_AT_HEADER, String(receivedAt)]);
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    const request = new Request(url, { method: req.method, headers, body: hasBody ? body.toString('utf8') : undefined });
    const response = await getResponse(handlers, request);
    if (response) return sendResponse(res, response);
    sendJson(res, 400, { message: `The simulated AWS does not handle ${req.method} ${url.pathname}: only signed SSM (JSON 1.1), EC2 (query) and IAM (query) POST requests.` });
  }

  const server = createServer((req, res) => {
    onRequest(req, res).catch((err: unknown) => {
      console.error('[mock-aws]', err);
      if (!res.headersSent) sendJson(res, 500, { message: String(err) });
      else res.end();
    });
  });

  return {
    sim,
    scenario,
    stats,
    server,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address() as AddressInfo;
          resolve(`http://${host}:${address.port}`);
        });
      }),
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
