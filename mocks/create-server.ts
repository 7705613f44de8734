/**
 * The simulated AWS as a standalone HTTP endpoint (node:http + msw's getResponse), plus
 * plain-JSON control endpoints under /__mock/ (control-endpoints.ts). Used by mocks/server.ts and its tests.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse, type RequestHandler } from 'msw';
import { createAccounts, type Accounts, type MockAccountSpec, type ResolvedAccountSpec } from './accounts';
import { createAwsHandlers, RECEIVED_AT_HEADER } from './aws/handlers';
import { rawBody } from './aws/protocol/json11';
import { createControl, sendJson } from './control-endpoints';
import type { Simulation, SimulationOptions } from './fleet-sim';
import { createScenario, type Scenario } from './scenarios';
import { createStats, type Stats } from './stats';

export interface MockAwsServerOptions extends SimulationOptions {
  port?: number;
  host?: string;
  scenario?: Partial<Scenario>;
  /** The accounts to serve (see MockAwsOptions.accounts in node.ts); without it, one account as before. */
  accounts?: MockAccountSpec[];
}

export interface MockAwsServer {
  /** The management account's fleet (the only one without `accounts`). */
  sim: Simulation;
  /** Every ACTIVE account's fleet, by account ID. */
  sims: ReadonlyMap<string, Simulation>;
  /** Every account, suspended and broken ones too, with defaults filled in. */
  accounts: ResolvedAccountSpec[];
  /** The organization and the STS sessions issued so far. */
  org: Accounts;
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
  const { port = 4566, host = '127.0.0.1', scenario: initial, accounts: accountSpecs, ...simOptions } = opts;
  const org = createAccounts(accountSpecs, simOptions);
  const scenario = createScenario(initial);
  const stats = createStats();
  const handlers: RequestHandler[] = createAwsHandlers(org, scenario, stats);
  const control = createControl({ accounts: org, scenario, stats });

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const receivedAt = stats.now();
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? `${host}:${port}`}`);
    if (url.pathname.startsWith('/__mock/')) return control(req.method ?? 'GET', url.pathname, res, body);
    const headers: Array<[string, string]> = [];
    for (let i = 0; i < req.rawHeaders.length; i += 2) headers.push([req.rawHeaders[i], req.rawHeaders[i + 1]]);
    headers.push([RECEIVED_AT_HEADER, String(receivedAt)]);
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    const request = new Request(url, { method: req.method, headers, body: hasBody ? body.toString('utf8') : undefined });
    const response = await getResponse(handlers, request);
    if (response) return sendResponse(res, response);
    sendJson(res, 400, { message: `The simulated AWS does not handle ${req.method} ${url.pathname}: only signed SSM and Organizations (JSON 1.1), EC2, IAM and STS (query) POST requests.` });
  }

  const server = createServer((req, res) => {
    onRequest(req, res).catch((err: unknown) => {
      console.error('[mock-aws]', err);
      if (!res.headersSent) sendJson(res, 500, { message: String(err) });
      else res.end();
    });
  });

  return {
    sim: org.managementSim,
    sims: org.sims,
    accounts: [...org.specs],
    org,
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

export type { MockAccountSpec, ResolvedAccountSpec } from './accounts';
