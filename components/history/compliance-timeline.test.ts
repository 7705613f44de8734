/** The timeline rendered on the server from a filled query cache: the states a user sees. */
import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ComplianceChange, NodeHistoryResponse } from '@/lib/contracts/history';
import { fleetKeys } from '@/lib/query/keys';
import { ComplianceTimeline } from './compliance-timeline';

const ID = 'i-0123456789abcdef0';

function render(data: NodeHistoryResponse): string {
  const client = new QueryClient();
  client.setQueryData(fleetKeys.nodeHistory(ID), data);
  return renderToStaticMarkup(createElement(QueryClientProvider, { client }, createElement(ComplianceTimeline, { nodeId: ID })));
}

const change = (over: Partial<ComplianceChange>): ComplianceChange => ({
  nodeId: ID, at: '2025-06-01T00:00:00.000Z', from: 'compliant', to: 'noncompliant', missing: 2, failed: 0, critical: 0, pendingReboot: 0,
  operation: 'Install', baselineId: 'pb-0aaaaaaaaaaaaaaaa', scannedAt: null, overwritten: true, previousOperation: 'Scan',
  previousBaselineId: 'pb-0aaaaaaaaaaaaaaaa', simulated: true, ...over,
});

describe('ComplianceTimeline', () => {
  it('says since when nothing changed, honestly', () => {
    const html = render({ nodeId: ID, changes: [], recordedSince: '2025-05-01T10:00:00.000Z' });
    expect(html).toContain('No compliance changes recorded since 01 May 2025, 10:00 UTC.');
    expect(render({ nodeId: ID, changes: [], recordedSince: null })).toContain('No history recorded yet');
  });

  it('lists the changes with their counts and marks', () => {
    const html = render({
      nodeId: ID,
      recordedSince: '2025-06-02T00:00:00.000Z',
      changes: [change({}), change({ at: '2025-05-20T00:00:00.000Z', from: null, to: 'compliant', missing: 0, overwritten: false, simulated: false })],
    });
    expect(html).toContain('Became noncompliant');
    expect(html).toContain('2 missing');
    expect(html).toContain('Install (was Scan)');
    expect(html.match(/>simulated</g)).toHaveLength(1);
    expect(html).toContain('First seen compliant');
    expect(html).toContain('Entries marked simulated were generated for the demo.');
  });
});
