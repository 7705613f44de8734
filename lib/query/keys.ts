/** Query keys: every input of a fetcher appears in its key. */
export const fleetKeys = {
  all: ['fleet'] as const,
  nodes: () => [...fleetKeys.all, 'nodes'] as const,
  node: (id: string) => [...fleetKeys.all, 'node', id] as const,
  overview: () => [...fleetKeys.all, 'overview'] as const,
  nodePatches: (id: string) => [...fleetKeys.all, 'node', id, 'patches'] as const,
  nodeCommands: (id: string) => [...fleetKeys.all, 'node', id, 'commands'] as const,
  /** The dashboard's recorded history: under 'fleet', so invalidating the fleet refetches it too. */
  history: (days: number) => [...fleetKeys.all, 'history', days] as const,
  nodeHistory: (id: string) => [...fleetKeys.all, 'node', id, 'history'] as const,
};

export const patchingKeys = {
  summary: () => ['patching', 'summary'] as const,
  config: () => ['patching', 'config'] as const,
};

export const runKeys = {
  list: () => ['runs'] as const,
  run: (id: string) => ['runs', id] as const,
  output: (id: string, node: string) => ['runs', id, 'output', node] as const,
};

export const documentKeys = {
  list: (query: string) => ['documents', query] as const,
  detail: (name: string, version: string) => ['documents', name, version] as const,
};

export const commandKeys = { list: (query: string) => ['commands', query] as const };

export const auditKeys = { list: (query: string) => ['audit', query] as const };
export const meKey = ['me'] as const;
