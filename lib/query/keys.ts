/** Query keys: every input of a fetcher appears in its key. */
export const fleetKeys = {
  all: ['fleet'] as const,
  nodes: () => [...fleetKeys.all, 'nodes'] as const,
  node: (id: string) => [...fleetKeys.all, 'node', id] as const,
  overview: () => [...fleetKeys.all, 'overview'] as const,
};
