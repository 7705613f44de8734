import { describe, expect, it } from 'vitest';
import { nodeFacts } from './commands/shell/node-facts';
import { createSimulation, inventory, platformSpec, type InventoryEntity, type InventoryFilterInput, type InventoryRow, type SimNode } from './index';

const NOW = Date.UTC(2025, 5, 1, 12);
const REGION = 'us-east-1';
const sim = createSimulation({ nodes: 240, seed: 11, now: () => NOW });
const regionNodes = () => [...sim.store.byId.values()].filter((n) => n.region === REGION);
const inventoried = () => regionNodes().filter(inventory.hasInventory);

/** Every row of a type on a node, through ListInventoryEntries pages (the brute-force reference). */
function entries(node: SimNode, typeName: string, filters?: InventoryFilterInput[]): InventoryRow[] {
  const out: InventoryRow[] = [];
  let nextToken: string | undefined;
  do {
    const page = sim.inventoryEntries(REGION, { instanceId: node.id, typeName, filters, nextToken });
    out.push(...page.entries);
    nextToken = page.nextToken;
  } while (nextToken);
  return out;
}

/** All aggregated Content rows (every page). */
function aggregate(query: Parameters<typeof sim.inventory>[1]): Array<InventoryRow & { TypeName: string }> {
  const out: Array<InventoryRow & { TypeName: string }> = [];
  let nextToken: string | undefined;
  do {
    const page = sim.inventory(REGION, { ...query, nextToken });
    for (const e of page.entities) for (const item of Object.values(e.Data)) out.push(...item.Content.map((row) => ({ ...row, TypeName: item.TypeName })));
    nextToken = page.nextToken;
  } while (nextToken);
  return out;
}

function allEntities(query: Parameters<typeof sim.inventory>[1]): InventoryEntity[] {
  const out: InventoryEntity[] = [];
  let nextToken: string | undefined;
  do {
    const page = sim.inventory(REGION, { ...query, nextToken });
    out.push(...page.entities);
    nextToken = page.nextToken;
  } while (nextToken);
  return out;
}

const key = (row: InventoryRow, attrs: string[]) => attrs.map((a) => row[a] ?? '∅').join(' | ');
const nested = (...attrs: string[]) => attrs.reduceRight<Array<{ Expression: string; Aggregators?: unknown[] }> | undefined>(
  (inner, a) => [{ Expression: `AWS:Application.${a}`, Aggregators: inner }], undefined) as Array<{ Expression: string }>;

describe('which nodes have inventory', () => {
  it('covers managed nodes except Inactive ones and the ~5% without the inventory association, stopped instances included', () => {
    const big = createSimulation({ nodes: 4000, seed: 3, now: () => NOW });
    const managed = [...big.store.byId.values()].filter((n) => n.ssm);
    const withoutAssociation = managed.filter((n) => !inventory.hasInventoryAssociation(n)).length / managed.length;
    expect(withoutAssociation).toBeGreaterThan(0.03);
    expect(withoutAssociation).toBeLessThan(0.07);
    expect(managed.filter((n) => n.ssm?.pingStatus === 'Inactive').every((n) => !inventory.hasInventory(n))).toBe(true);
    expect([...big.store.byId.values()].filter((n) => !n.ssm).every((n) => !inventory.hasInventory(n))).toBe(true);
    const stopped = managed.find((n) => n.ec2?.state === 'stopped' && inventory.hasInventory(n)) as SimNode;
    const info = big.inventoryEntries(stopped.region, { instanceId: stopped.id, typeName: 'AWS:InstanceInformation' }).entries[0];
    expect(info.InstanceStatus).toBe('Stopped');
  });

  it('answers Entries [] without CaptureTime for a node without inventory, and InvalidInstanceId for unknown or unregistered IDs', () => {
    const none = regionNodes().find((n) => n.ssm && !inventory.hasInventory(n)) as SimNode;
    expect(sim.inventoryEntries(REGION, { instanceId: none.id, typeName: 'AWS:Application' })).toEqual({ typeName: 'AWS:Application', instanceId: none.id, entries: [] });
    expect(allEntities({}).some((e) => e.Id === none.id)).toBe(false);
    const unregistered = regionNodes().find((n) => !n.ssm) as SimNode;
    for (const id of [unregistered.id, 'i-0123456789abcdef0']) {
      expect(() => sim.inventoryEntries(REGION, { instanceId: id, typeName: 'AWS:Application' })).toThrow(expect.objectContaining({ code: 'InvalidInstanceId' }));
    }
    expect(() => sim.inventoryEntries(REGION, { instanceId: none.id, typeName: 'AWS:Nothing' })).toThrow(expect.objectContaining({ code: 'InvalidTypeNameException' }));
  });

  it('says why through the associations: the inventory association, its status, or only the agent one', () => {
    const withInventory = inventoried()[0];
    const infos = sim.instanceAssociationsStatus(REGION, { instanceId: withInventory.id }).infos;
    const inv = infos.find((a) => a.documentName === 'AWS-GatherSoftwareInventory');
    expect(inv).toMatchObject({ status: withInventory.ssm?.associationStatus, executionDate: withInventory.ssm?.lastAssociationTime, associationName: 'Inventory-Association' });
    const noAssociation = regionNodes().find((n) => n.ssm && !inventory.hasInventoryAssociation(n)) as SimNode;
    const only = sim.instanceAssociationsStatus(REGION, { instanceId: noAssociation.id }).infos;
    expect(only.map((a) => a.documentName)).toEqual(['AWS-UpdateSSMAgent']);
    expect(only[0].status).toBe(noAssociation.ssm?.associationStatus);
    const inactive = regionNodes().find((n) => n.ssm?.pingStatus === 'Inactive' && inventory.hasInventoryAssociation(n));
    if (inactive) expect(sim.instanceAssociationsStatus(REGION, { instanceId: inactive.id }).infos.some((a) => a.documentName === 'AWS-GatherSoftwareInventory')).toBe(true);
    // The same association ID on every node of the region.
    expect(new Set(inventoried().map((n) => sim.instanceAssociationsStatus(REGION, { instanceId: n.id }).infos.find((a) => a.associationName === 'Inventory-Association')?.associationId)).size).toBe(1);
  });
});

describe('the data', () => {
  it('is deterministic per seed and consistent with the node record (IP, agent, kernel, platform)', () => {
    const again = createSimulation({ nodes: 240, seed: 11, now: () => NOW });
    const node = inventoried()[5];
    expect(again.inventoryEntries(REGION, { instanceId: node.id, typeName: 'AWS:Application', maxResults: 50 })).toEqual(
      sim.inventoryEntries(REGION, { instanceId: node.id, typeName: 'AWS:Application', maxResults: 50 }));
    for (const n of inventoried()) {
      const info = entries(n, 'AWS:InstanceInformation')[0];
      expect(info).toMatchObject({ InstanceId: n.id, IpAddress: n.ssm?.ipAddress, AgentVersion: n.ssm?.agentVersion, PlatformName: platformSpec(n.platform).platformName, PlatformVersion: n.platformVersion });
      const apps = entries(n, 'AWS:Application');
      const agent = apps.find((r) => r.Name === 'amazon-ssm-agent' || r.Name === 'Amazon SSM Agent');
      expect(agent?.Version).toBe(n.ssm?.agentVersion);
      const windows = platformSpec(n.platform).platformType === 'Windows';
      if (!windows) {
        expect(apps.length).toBeGreaterThanOrEqual(300);
        expect(apps.length).toBeLessThanOrEqual(700);
        const kernel = nodeFacts(n).kernel;
        const k = apps.find((r) => r.Name === 'kernel' || r.Name.startsWith('linux-image-'));
        expect(k?.Name === 'kernel' ? `${k.Version}-${k.Release}` : k?.Name).toBe(k?.Name === 'kernel' ? kernel : `linux-image-${kernel}`);
      } else {
        expect(entries(n, 'AWS:Service').some((s) => s.Name === 'AmazonSSMAgent' && s.Status === 'Running')).toBe(true);
      }
      expect(entries(n, 'AWS:Network')[0]).toMatchObject({ IPV4: nodeFacts(n).ip });
    }
  });

  it('uses each platform\'s own version format for openssl, with several versions in the fleet', () => {
    const big = createSimulation({ nodes: 3000, seed: 5, now: () => NOW });
    const rows = [] as InventoryRow[];
    let nextToken: string | undefined;
    do {
      const page = big.inventory(REGION, { filters: [{ Key: 'AWS:Application.Name', Values: ['openssl'] }], aggregators: nested('Version', 'Release', 'Epoch', 'PackageId'), nextToken });
      rows.push(...page.entities.flatMap((e) => e.Data['AWS:Application'].Content));
      nextToken = page.nextToken;
    } while (nextToken);
    const versions = new Set(rows.map((r) => `${r.Epoch ? `${r.Epoch}:` : ''}${r.Version}${r.Release ? `-${r.Release}` : ''}`));
    for (const v of ['1:3.0.8-1.amzn2023.0.14', '1:3.0.8-1.amzn2023.0.16', '1:3.2.2-1.amzn2023.0.1', '1:3.0.7-25.el9_3', '1:3.2.2-6.el9_5', '3.0.2-0ubuntu1.10', '3.0.2-0ubuntu1.18', '3.0.13-0ubuntu3.1', '3.0.13-0ubuntu3.4']) {
      expect(versions).toContain(v);
    }
    expect(rows.find((r) => r.Release === '1.amzn2023.0.14')?.PackageId).toBe('openssl-3.0.8-1.amzn2023.0.14.src.rpm');
    expect(rows.filter((r) => r.Version.includes('ubuntu')).every((r) => r.Release === undefined && r.Epoch === undefined && /^openssl_.*_(amd64|arm64)\.deb$/.test(r.PackageId))).toBe(true);
  });

  it('gives Java application servers log4j-core 2.14.1, 2.17.1 or 2.23.1, and no one else', () => {
    const big = createSimulation({ nodes: 3000, seed: 5, now: () => NOW });
    const rows = big.inventory(REGION, { filters: [{ Key: 'AWS:Application.Name', Values: ['log4j-core'] }], aggregators: nested('Version') }).entities[0].Data['AWS:Application'].Content;
    expect(new Set(rows.map((r) => r.Version.replace(/-1$/, '')))).toEqual(new Set(['2.14.1', '2.17.1', '2.23.1']));
    const nodes = big.inventory(REGION, { filters: [{ Key: 'AWS:Application.Name', Values: ['log4j-core'] }], maxResults: 50 }).entities;
    expect(nodes.every((e) => ['api', 'worker', 'auth', 'payments', 'etl'].includes(big.store.byId.get(e.Id as string)?.application ?? ''))).toBe(true);
  });
});

describe('GetInventory aggregation', () => {
  it('counts distinct nodes per Name/Version/Release exactly as ListInventoryEntries does', () => {
    const brute = new Map<string, number>();
    for (const n of inventoried()) {
      const seen = new Set(entries(n, 'AWS:Application').map((r) => key(r, ['Name', 'Version', 'Release'])));
      for (const k of seen) brute.set(k, (brute.get(k) ?? 0) + 1);
    }
    const rows = aggregate({ aggregators: nested('Name', 'Version', 'Release') });
    expect(new Map(rows.map((r) => [key(r, ['Name', 'Version', 'Release']), Number(r.Count)]))).toEqual(brute);
    expect(rows.every((r) => r.TypeName === 'AWS:Application' && typeof r.Count === 'string')).toBe(true);
  });

  it('adds each nested attribute to the rows, and restricts same-type rows by the filters first', () => {
    const outer = aggregate({ aggregators: nested('Name') });
    const inner = aggregate({ aggregators: nested('Name', 'Version') });
    const opensslNodes = inventoried().filter((n) => entries(n, 'AWS:Application', [{ Key: 'Name', Values: ['openssl'] }]).length > 0).length;
    expect(Number(outer.find((r) => r.Name === 'openssl')?.Count)).toBe(opensslNodes);
    const versions = inner.filter((r) => r.Name === 'openssl');
    expect(versions.length).toBeGreaterThan(2);
    expect(versions.reduce((s, r) => s + Number(r.Count), 0)).toBe(opensslNodes);
    const filtered = aggregate({ filters: [{ Key: 'AWS:Application.Name', Values: ['openssl'] }], aggregators: nested('Version') });
    expect(filtered.map((r) => [r.Version, r.Count]).sort()).toEqual(
      [...versions.reduce((m, r) => m.set(r.Version, (m.get(r.Version) ?? 0) + Number(r.Count)), new Map<string, number>())].map(([v, c]) => [v, String(c)]).sort());
  });

  it('aggregates AWS:InstanceInformation attributes, restricted by filters on other types', () => {
    const rows = aggregate({ aggregators: [{ Expression: 'AWS:InstanceInformation.PlatformType', Aggregators: [{ Expression: 'AWS:InstanceInformation.PlatformName' }] }] });
    const expected = new Map<string, number>();
    for (const n of inventoried()) {
      const k = `${platformSpec(n.platform).platformType} | ${platformSpec(n.platform).platformName}`;
      expected.set(k, (expected.get(k) ?? 0) + 1);
    }
    expect(new Map(rows.map((r) => [key(r, ['PlatformType', 'PlatformName']), Number(r.Count)]))).toEqual(expected);
    const withCurl = aggregate({ filters: [{ Key: 'AWS:Application.Name', Values: ['curl', 'curl-minimal'] }], aggregators: [{ Expression: 'AWS:InstanceInformation.PlatformType' }] });
    expect(withCurl.map((r) => r.PlatformType)).toEqual(['Linux']);
  });

  it('pages Content rows by MaxResults, one entity a page, and rejects tokens of another query', () => {
    const all = aggregate({ aggregators: nested('Name', 'Version') });
    const first = sim.inventory(REGION, { aggregators: nested('Name', 'Version') });
    expect(first.entities).toHaveLength(1);
    expect(first.entities[0].Id).toBeUndefined();
    expect(first.entities[0].Data['AWS:Application']).toMatchObject({ TypeName: 'AWS:Application', SchemaVersion: '1.1' });
    expect(first.entities[0].Data['AWS:Application'].Content).toHaveLength(50);
    const small = aggregate({ aggregators: nested('Name', 'Version'), maxResults: 7 });
    expect(small).toEqual(all);
    expect(() => sim.inventory(REGION, { aggregators: nested('Name'), nextToken: first.nextToken })).toThrow(expect.objectContaining({ code: 'InvalidNextToken' }));
  });

  it('rejects Groups, malformed expressions, unknown types and cross-type nesting', () => {
    const code = (q: Parameters<typeof sim.inventory>[1]) => {
      try {
        sim.inventory(REGION, q);
      } catch (err) {
        return (err as { code: string }).code;
      }
      return 'ok';
    };
    expect(code({ aggregators: [{ Groups: [{ Name: 'x', Filters: [] }] }] })).toBe('InvalidInventoryGroupException');
    expect(code({ aggregators: [{ Expression: 'Name' }] })).toBe('InvalidAggregatorException');
    expect(code({ aggregators: [{ Expression: 'AWS:Application.Colour' }] })).toBe('InvalidAggregatorException');
    expect(code({ aggregators: [{ Expression: 'AWS:Nothing.Name' }] })).toBe('InvalidTypeNameException');
    expect(code({ aggregators: [{ Expression: 'AWS:Application.Name', Aggregators: [{ Expression: 'AWS:InstanceInformation.PlatformType' }] }] })).toBe('InvalidAggregatorException');
    expect(code({ filters: [{ Key: 'AWS:Application.Colour', Values: ['x'] }] })).toBe('InvalidFilter');
  });
});

describe('GetInventory filters', () => {
  /** Reference operators, written independently of the simulation: strings compare as strings unless both are numbers. */
  function holds(row: InventoryRow, attr: string, f: InventoryFilterInput): boolean {
    const v = row[attr];
    const num = (a: string, b: string) => (/^-?\d+(\.\d+)?$/.test(a) && /^-?\d+(\.\d+)?$/.test(b) ? Number(a) - Number(b) : a < b ? -1 : a > b ? 1 : 0);
    switch (f.Type ?? 'Equal') {
      case 'Equal': return v !== undefined && f.Values.includes(v);
      case 'NotEqual': return v === undefined || !f.Values.includes(v);
      case 'BeginWith': return v !== undefined && f.Values.some((p) => v.startsWith(p));
      case 'LessThan': return !!v && f.Values.some((x) => num(v, x) < 0);
      case 'GreaterThan': return !!v && f.Values.some((x) => num(v, x) > 0);
      default: return !!v;
    }
  }

  /** Reference: a node matches a type's filters when one of its rows (all listed unfiltered) satisfies all of them. */
  function bruteNodes(filters: InventoryFilterInput[]): string[] {
    return inventoried().filter((n) => {
      const byType = new Map<string, Array<[string, InventoryFilterInput]>>();
      for (const f of filters) {
        const t = f.Key.slice(0, f.Key.lastIndexOf('.'));
        byType.set(t, [...(byType.get(t) ?? []), [f.Key.slice(f.Key.lastIndexOf('.') + 1), f]]);
      }
      return [...byType].every(([t, fs]) => entries(n, t).some((row) => fs.every(([attr, f]) => holds(row, attr, f))));
    }).map((n) => n.id);
  }
  const ids = (filters: InventoryFilterInput[]) => allEntities({ filters }).map((e) => e.Id);

  it('needs several filters on one type to hold on the same row', () => {
    // Version of some other package on AL2023 nodes that have openssl at another version.
    const node = inventoried().find((n) => n.platform === 'al2023') as SimNode;
    const openssl = entries(node, 'AWS:Application', [{ Key: 'Name', Values: ['openssl'] }])[0];
    const bash = entries(node, 'AWS:Application', [{ Key: 'Name', Values: ['bash'] }])[0];
    expect(bash.Version).not.toBe(openssl.Version);
    const split = [{ Key: 'AWS:Application.Name', Values: ['openssl'] }, { Key: 'AWS:Application.Version', Values: [bash.Version] }];
    expect(ids(split)).not.toContain(node.id);
    expect(ids(split)).toEqual(bruteNodes(split));
    const together = [{ Key: 'AWS:Application.Name', Values: ['openssl'] }, { Key: 'AWS:Application.Version', Values: [openssl.Version] }, { Key: 'AWS:Application.Release', Values: [openssl.Release] }];
    expect(ids(together)).toContain(node.id);
    expect(ids(together)).toEqual(bruteNodes(together));
  });

  it('implements Equal (values ORed), NotEqual, BeginWith, LessThan, GreaterThan (numeric where numeric) and Exists', () => {
    const cases: InventoryFilterInput[][] = [
      [{ Key: 'AWS:Application.Name', Values: ['nginx', 'httpd'], Type: 'Equal' }],
      [{ Key: 'AWS:Application.Name', Values: ['openssl'] }, { Key: 'AWS:Application.Release', Values: ['1.amzn2023.0.16', '27.el9'], Type: 'NotEqual' }],
      [{ Key: 'AWS:Application.Name', Values: ['linux-image-'], Type: 'BeginWith' }],
      [{ Key: 'AWS:Application.Name', Values: ['openssl'] }, { Key: 'AWS:Application.Version', Values: ['3.0.9'], Type: 'LessThan' }],
      [{ Key: 'AWS:Application.Name', Values: ['log4j-core'] }, { Key: 'AWS:Application.Version', Values: ['2.17.1-1'], Type: 'GreaterThan' }],
      [{ Key: 'AWS:Application.Epoch', Values: ['x'], Type: 'Exists' }],
      [{ Key: 'AWS:InstanceDetailedInformation.CPUs', Values: ['4'], Type: 'GreaterThan' }],
      [{ Key: 'AWS:InstanceInformation.PlatformType', Values: ['Windows'], Type: 'NotEqual' }, { Key: 'AWS:Network.Name', Values: ['docker0'] }],
    ];
    for (const filters of cases) {
      const got = ids(filters);
      expect(got, JSON.stringify(filters)).toEqual(bruteNodes(filters));
      expect(got.length, JSON.stringify(filters)).toBeGreaterThan(0);
    }
    // CPUs is a number: "16" > "4" numerically.
    expect(ids([{ Key: 'AWS:InstanceDetailedInformation.CPUs', Values: ['4'], Type: 'GreaterThan' }]).every((id) => nodeFacts(sim.store.byId.get(id as string) as SimNode).vcpus > 4)).toBe(true);
  });

  it('filters on AWS:InstanceInformation (PlatformType, InstanceId, InstanceStatus) and returns its content', () => {
    const windows = allEntities({ filters: [{ Key: 'AWS:InstanceInformation.PlatformType', Values: ['Windows'] }] });
    expect(windows.length).toBe(inventoried().filter((n) => platformSpec(n.platform).platformType === 'Windows').length);
    for (const e of windows) {
      const item = e.Data['AWS:InstanceInformation'];
      expect(item).toMatchObject({ TypeName: 'AWS:InstanceInformation', SchemaVersion: '1.0' });
      expect(item.CaptureTime).toMatch(/^20\d\d-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(item.Content[0]).toMatchObject({ InstanceId: e.Id, PlatformType: 'Windows', AgentType: 'amazon-ssm-agent' });
    }
    const some = inventoried().slice(3, 6).map((n) => n.id);
    expect(ids([{ Key: 'AWS:InstanceInformation.InstanceId', Values: [...some].reverse() }])).toEqual(some);
    const stopped = ids([{ Key: 'AWS:InstanceInformation.InstanceStatus', Values: ['Stopped'] }]);
    expect(stopped.every((id) => sim.store.byId.get(id as string)?.ec2?.state === 'stopped')).toBe(true);
  });

  it('pages nodes 50 at a time and covers every inventoried node once', () => {
    const first = sim.inventory(REGION, {});
    expect(first.entities).toHaveLength(50);
    expect(first.nextToken).toBeDefined();
    const all = allEntities({});
    expect(all.map((e) => e.Id)).toEqual(inventoried().map((n) => n.id));
    expect(allEntities({ maxResults: 7 }).map((e) => e.Id)).toEqual(all.map((e) => e.Id));
    expect(() => sim.inventory(REGION, { nextToken: 'bm90LWEtdG9rZW4=' })).toThrow(expect.objectContaining({ code: 'InvalidNextToken' }));
  });

  it('accepts ResultAttributes AWS:InstanceInformation and AWS:PatchSummary only', () => {
    expect(() => sim.inventory(REGION, { resultAttributes: ['AWS:Application'] })).toThrow(expect.objectContaining({
      code: 'InvalidResultAttributeException',
      message: 'Result type name AWS:Application is not supported. Supported type names are: AWS:InstanceInformation, AWS:PatchSummary. Default result type name is AWS:InstanceInformation.',
    }));
    const page = sim.inventory(REGION, { resultAttributes: ['AWS:PatchSummary'] });
    const scanned = page.entities.find((e) => sim.store.byId.get(e.Id as string)?.patch) as InventoryEntity;
    expect(Object.keys(scanned.Data)).toEqual(['AWS:PatchSummary']);
    expect(scanned.Data['AWS:PatchSummary'].Content[0]).toMatchObject({ BaselineId: sim.store.byId.get(scanned.Id as string)?.patch?.baselineId });
  });
});

describe('ListInventoryEntries', () => {
  it('pages a node\'s rows (50 by default), filters them, and reports CaptureTime from the last successful association', () => {
    const node = inventoried().find((n) => n.platform === 'ubuntu2204') as SimNode;
    const first = sim.inventoryEntries(REGION, { instanceId: node.id, typeName: 'AWS:Application' });
    expect(first.entries).toHaveLength(50);
    expect(first).toMatchObject({ schemaVersion: '1.1', captureTime: new Date(Math.floor((node.ssm?.lastSuccessfulAssociationTime ?? 0) / 1000) * 1000).toISOString().replace('.000', '') });
    const all = entries(node, 'AWS:Application');
    expect(all.slice(0, 50)).toEqual(first.entries);
    expect(all.every((r) => Object.values(r).every((v) => typeof v === 'string'))).toBe(true);
    expect(entries(node, 'AWS:Application', [{ Key: 'Name', Values: ['lib'], Type: 'BeginWith' }])).toEqual(all.filter((r) => r.Name.startsWith('lib')));
    expect(entries(node, 'AWS:WindowsUpdate')).toEqual([]);
    expect(() => sim.inventoryEntries(REGION, { instanceId: node.id, typeName: 'AWS:Application', filters: [{ Key: 'AWS:Network.Name', Values: ['x'] }] })).toThrow(expect.objectContaining({ code: 'InvalidFilter' }));
  });
});

describe('GetInventorySchema', () => {
  it('lists the AWS types with their attributes, only the aggregatable ones with Aggregator, one with TypeName', () => {
    const all = sim.inventorySchemas(REGION, {}).schemas;
    expect(all.map((s) => s.TypeName)).toEqual(expect.arrayContaining(['AWS:Application', 'AWS:AWSComponent', 'AWS:Network', 'AWS:InstanceInformation', 'AWS:InstanceDetailedInformation', 'AWS:WindowsUpdate', 'AWS:Service', 'AWS:WindowsRole', 'AWS:File', 'AWS:Tag']));
    const app = all.find((s) => s.TypeName === 'AWS:Application');
    expect(app?.Version).toBe('1.1');
    expect(app?.Attributes.map((a) => a.Name)).toEqual(['Name', 'ApplicationType', 'Publisher', 'Version', 'InstalledTime', 'Architecture', 'URL', 'Summary', 'PackageId', 'Release', 'Epoch']);
    expect(all.find((s) => s.TypeName === 'AWS:InstanceDetailedInformation')?.Attributes.find((a) => a.Name === 'CPUs')?.DataType).toBe('number');
    const agg = sim.inventorySchemas(REGION, { aggregator: true }).schemas;
    expect(agg.map((s) => s.TypeName)).not.toContain('AWS:File');
    expect(agg.find((s) => s.TypeName === 'AWS:InstanceInformation')?.Attributes.map((a) => a.Name)).toEqual(expect.arrayContaining(['PlatformName', 'PlatformType', 'PlatformVersion', 'AgentVersion']));
    expect(sim.inventorySchemas(REGION, { typeName: 'AWS:Network' }).schemas.map((s) => s.TypeName)).toEqual(['AWS:Network']);
    expect(() => sim.inventorySchemas(REGION, { typeName: 'Custom:Rack' })).toThrow(expect.objectContaining({ code: 'InvalidTypeNameException' }));
  });
});

describe('live data and caching', () => {
  it('shows an agent update in the rows and in cached aggregations once the command ran', () => {
    const s = createSimulation({ nodes: 120, seed: 4, now: () => NOW });
    const node = [...s.store.byId.values()].find((n) => n.region === REGION && inventory.hasInventory(n) && n.ssm?.pingStatus === 'Online' && n.ssm.agentVersion !== '3.3.1142.0') as SimNode;
    const agentCount = () => s.inventory(REGION, { filters: [{ Key: 'AWS:Application.Name', Values: ['amazon-ssm-agent', 'Amazon SSM Agent'] }], aggregators: [{ Expression: 'AWS:Application.Version' }] })
      .entities[0].Data['AWS:Application'].Content.find((r) => r.Version === '3.3.1142.0')?.Count;
    const before = Number(agentCount());
    s.sendCommand(REGION, { documentName: 'AWS-UpdateSSMAgent', instanceIds: [node.id] });
    s.clock.advance(10 * 60_000);
    expect(Number(agentCount())).toBe(before + 1);
    const row = s.inventoryEntries(REGION, { instanceId: node.id, typeName: 'AWS:Application', filters: [{ Key: 'Name', Values: ['amazon-ssm-agent', 'Amazon SSM Agent'] }] }).entries[0];
    expect(row.Version).toBe('3.3.1142.0');
  });
});

describe('scale', () => {
  it('answers a 10,000-node Name/Version/Release aggregation quickly, and from cache when warm', () => {
    const big = createSimulation({ nodes: 10_000, seed: 42, now: () => NOW });
    const query = { aggregators: nested('Name', 'Version', 'Release') };
    let t = performance.now();
    const cold = big.inventory(REGION, query);
    const coldMs = performance.now() - t;
    t = performance.now();
    const warm = big.inventory(REGION, query);
    const warmMs = performance.now() - t;
    expect(warm).toEqual(cold);
    expect(coldMs).toBeLessThan(8000);
    expect(warmMs).toBeLessThan(50);
    const node = inventory.regionInventory(big.store, REGION).nodes[100].node;
    t = performance.now();
    big.inventoryEntries(REGION, { instanceId: node.id, typeName: 'AWS:Application' });
    expect(performance.now() - t).toBeLessThan(50);
  });
});
