'use client';
import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { nodeQuery } from '@/lib/query/fleet';
import type { NodeRow } from '@/lib/contracts/node';
import { platformLabel } from '@/lib/contracts/columns';
import { ec2InstanceUrl, fleetManagerUrl, portForwardCommand, sessionManagerUrl, startSessionCommand } from '@/lib/contracts/links';
import { formatAge, formatDateTime } from '@/lib/format';
import { useNow } from '@/components/use-now';
import { Banner } from '@/components/ui/banner';
import { Badge } from '@/components/ui/badge';
import { CommandLine } from '@/components/ui/copy-button';
import { PingBadge } from '@/components/fleet/ping-badge';
import { PatchBadge } from '@/components/fleet/patch-badge';
import { NodePatchesTable } from './node-patches';
import { LaunchButton } from '@/components/runs/launch-button';
import { commandSpec, patchSpec, updateAgentSpec } from '@/components/runs/presets';
import { NodeCommands } from './node-commands';
import { NodeInventory } from './node-inventory';
import { NodeOpsItems } from './node-ops-items';
import { NodeDiagnosis } from './node-diagnosis';
import { ComplianceTimeline } from '@/components/history/compliance-timeline';
import { Breadcrumb } from '@/components/ui/breadcrumb';

const ACTION = 'rounded border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-700 hover:bg-slate-50';

export function NodeDetailView({ id }: { id: string }) {
  const q = useQuery(nodeQuery(id));
  const now = useNow(10_000);
  if (q.isPending) return <p className="text-sm text-slate-500">Loading…</p>;
  if (q.isError) return <Banner kind="error" title={`Could not load ${id}`}>{q.error.message}</Banner>;
  const d = q.data;
  const n = d.node;
  return (
    <div className="mx-auto max-w-6xl space-y-4">
      <Breadcrumb href="/nodes" label="Nodes" current={n.id} />
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="flex items-center gap-2 text-xl font-semibold">
            {n.name ?? <span className="italic text-slate-500">(no name)</span>} <PingBadge ping={n.ping} />
          </h1>
          <p className="mt-0.5 font-mono text-sm text-slate-600">
            {n.id} · {n.account && <span data-testid="node-account">{n.accountName || n.account} ({n.account}) · </span>}{n.region} {n.az && `· ${n.az}`}
          </p>
          {n.account && (
            <p className="text-xs text-slate-600" data-testid="node-account-signin">
              Console links open in the account you are signed in to: sign in to account <span className="font-mono">{n.account}</span> ({n.accountName || n.account}) first.
            </p>
          )}
          <p className="text-xs text-slate-500">Data from {formatAge(d.fetchedAt, now)}</p>
        </div>
        <div className="flex flex-wrap gap-2 text-sm">
          {n.managed && (
            <>
              <LaunchButton className={ACTION} testId="node-run-command" spec={() => commandSpec(`Run a command on ${n.name ?? n.id}`, { mode: 'nodes', nodeIds: [n.id] })}>Run command…</LaunchButton>
              <LaunchButton className={ACTION} spec={() => patchSpec(`Patch ${n.name ?? n.id}`, { mode: 'nodes', nodeIds: [n.id] })}>Patch…</LaunchButton>
              {n.agentLatest === false && <LaunchButton className={ACTION} spec={() => updateAgentSpec(`Update the SSM Agent on ${n.name ?? n.id}`, { mode: 'nodes', nodeIds: [n.id] })}>Update SSM Agent…</LaunchButton>}
            </>
          )}
          {n.managed && <ExternalButton href={sessionManagerUrl(n.region, n.id)} primary>Start session (console)</ExternalButton>}
          {n.managed && <ExternalButton href={fleetManagerUrl(n.region, n.id)}>Fleet Manager</ExternalButton>}
          {n.id.startsWith('i-') && <ExternalButton href={ec2InstanceUrl(n.region, n.id)}>EC2 console</ExternalButton>}
        </div>
      </header>
      {!n.managed && <NotManagedHelp node={n} />}
      {n.managed && n.ping !== 'Online' && (
        <Banner kind="warning" title={`The SSM Agent has not answered since ${formatDateTime(n.lastPingAt)} (${formatAge(n.lastPingAt, now)})`}>
          Sessions and commands will not reach this node until it is Online again.
        </Banner>
      )}
      {n.ping !== 'Online' && <NodeDiagnosis key={n.id} node={n} />}
      {n.managed && <SessionCard node={n} />}
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="Systems Manager">
          <Facts
            rows={[
              ['Status', <PingBadge key="p" ping={n.ping} />],
              ['Last ping', n.lastPingAt ? `${formatDateTime(n.lastPingAt)} (${formatAge(n.lastPingAt, now)})` : null],
              ['Platform', platformLabel(n) && `${platformLabel(n)}${n.platformType ? ` (${n.platformType})` : ''}`],
              ['Agent', n.agentVersion && (
                <span key="a">
                  {n.agentVersion} {n.agentLatest === false ? <Badge tone="amber">update available</Badge> : n.agentLatest ? <Badge tone="green">latest</Badge> : null}
                </span>
              )],
              ['IP address', n.ip],
              ['Computer name', n.computerName],
              ['Resource type', n.resourceType],
              ['Association status', d.ssm?.associationStatus],
              ['Registered', d.ssm?.registrationDate && formatDateTime(d.ssm.registrationDate)],
              ['IAM role (hybrid)', d.ssm?.iamRole],
              ['Activation', d.ssm?.activationId],
            ]}
          />
        </Card>
        <Card title="EC2">
          {n.id.startsWith('mi-') ? (
            <p className="text-sm text-slate-600">Hybrid (on-premises or other cloud) node: no EC2 record.</p>
          ) : (
            <Facts
              rows={[
                ['State', n.ec2State],
                ['Instance type', n.instanceType],
                ['Availability Zone', n.az],
                ['AMI', n.imageId && <span key="ami" className="font-mono text-xs">{n.imageId}</span>],
                ['Instance profile', n.instanceProfile ?? <span key="np" className="text-amber-700">none attached</span>],
                ['Launched', n.launchTime && `${formatDateTime(n.launchTime)} (${formatAge(n.launchTime, now)})`],
                ['VPC', n.vpcId],
                ['Public IP', n.publicIp],
                ['Auto Scaling group', n.asg],
              ]}
            />
          )}
        </Card>
        <PatchCard node={n} now={now} />
        <NodeOpsItems detail={d} />
        {n.managed && (
          <div className="lg:col-span-2">
            <NodeCommands nodeId={n.id} />
          </div>
        )}
        {n.managed && (
          <div className="lg:col-span-2">
            <NodePatchesTable nodeId={n.id} />
          </div>
        )}
        {n.managed && (
          <div className="lg:col-span-2">
            <ComplianceTimeline nodeId={n.id} />
          </div>
        )}
        <div className="lg:col-span-2">
          <NodeInventory node={n} />
        </div>
        {n.ping === 'Online' && (
          <div className="lg:col-span-2">
            <NodeDiagnosis key={n.id} node={n} />
          </div>
        )}
        <Card title={`Tags (${Object.keys(n.tags).length})`}>
          <table className="w-full text-sm">
            <tbody>
              {Object.entries(n.tags)
                .sort(([a], [b]) => a.localeCompare(b))
                .map(([k, v]) => (
                  <tr key={k} className="border-t border-slate-100 first:border-0">
                    <td className="py-1 pr-3 font-medium text-slate-600">{k}</td>
                    <td className="py-1">
                      <Link className="text-sky-700 hover:underline" href={`/nodes?tag=${encodeURIComponent(`${k}=${v}`)}`}>{v || <i>(empty)</i>}</Link>
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </Card>
      </div>
    </div>
  );
}

function ExternalButton({ href, children, primary }: { href: string; children: React.ReactNode; primary?: boolean }) {
  return (
    <a
      href={href}
      target="_blank"
      rel="noreferrer"
      className={`rounded px-3 py-1.5 font-medium ${primary ? 'bg-sky-700 text-white hover:bg-sky-800' : 'border border-slate-300 bg-white text-slate-700 hover:bg-slate-50'}`}
    >
      {children} ↗
    </a>
  );
}

function Card({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 className="mb-2 text-sm font-semibold text-slate-700">{title}</h2>
      {children}
    </section>
  );
}

function Facts({ rows }: { rows: [string, React.ReactNode][] }) {
  return (
    <dl className="grid grid-cols-[10rem_1fr] gap-x-3 gap-y-1 text-sm">
      {rows.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-slate-500">{k}</dt>
          <dd className="min-w-0 break-words">{v === null || v === undefined || v === '' ? <span className="text-slate-300">—</span> : v}</dd>
        </div>
      ))}
    </dl>
  );
}

function SessionCard({ node }: { node: NodeRow }) {
  return (
    <Card title="Session Manager">
      <div className="space-y-2 text-sm">
        <p className="text-slate-600">
          Open a shell with your own AWS identity (needs the{' '}
          <a className="text-sky-700 underline underline-offset-2 hover:decoration-2" href="https://docs.aws.amazon.com/systems-manager/latest/userguide/session-manager-working-with-install-plugin.html" target="_blank" rel="noreferrer">
            Session Manager plugin
          </a>
          ):
        </p>
        {node.account && <p className="text-slate-600">With the AWS CLI profile for account {node.account} ({node.accountName || node.account}):</p>}
        <CommandLine label="start-session" command={startSessionCommand(node.region, node.id, node.account ? node.accountName || node.account : undefined)} />
        <p className="text-slate-600">Forward local port 8443 to port 443 on the node:</p>
        <CommandLine label="port-forward" command={portForwardCommand(node.region, node.id, { profile: node.account ? node.accountName || node.account : undefined })} />
      </div>
    </Card>
  );
}

function PatchCard({ node: n, now }: { node: NodeRow; now: number }) {
  const counts: [string, number | null, string][] = [
    ['Missing', n.patchMissing, 'text-amber-700'],
    ['Failed', n.patchFailed, 'text-red-700'],
    ['Installed, pending reboot', n.patchPendingReboot, 'text-amber-700'],
    ['Installed (rejected)', n.patchRejected, 'text-slate-700'],
    ['Installed', n.patchInstalled, 'text-slate-700'],
    ['Critical noncompliant', n.patchCritical, 'text-red-700'],
    ['Security noncompliant', n.patchSecurity, 'text-amber-700'],
    ['Other noncompliant', n.patchOther, 'text-slate-700'],
  ];
  return (
    <Card title="Patches">
      <div className="mb-2 flex items-center gap-2 text-sm">
        <PatchBadge row={n} />
        {n.patchScannedAt && (
          <span className="text-slate-600">
            last {n.patchOperation?.toLowerCase() ?? 'scan'} {formatAge(n.patchScannedAt, now)} ({formatDateTime(n.patchScannedAt)})
          </span>
        )}
      </div>
      {n.patchStatus === 'notScanned' && <p className="text-sm text-slate-600">This node has never reported a patch scan. Run AWS-RunPatchBaseline with Operation=Scan.</p>}
      {n.patchStatus !== 'notScanned' && n.patchStatus !== null && (
        <>
          <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
            {counts.map(([label, v, color]) => (
              <div key={label}>
                <dt className="text-xs text-slate-500">{label}</dt>
                <dd className={`text-lg font-semibold tabular-nums ${v ? color : 'text-slate-500'}`}>{v ?? '—'}</dd>
              </div>
            ))}
          </dl>
          <p className="mt-2 text-xs text-slate-500">
            Patch group <b>{n.patchGroup ?? '—'}</b> · baseline <span className="font-mono">{n.baselineId ?? '—'}</span>
          </p>
        </>
      )}
    </Card>
  );
}

function NotManagedHelp({ node }: { node: NodeRow }) {
  if (node.ping === 'NotRunning') {
    return (
      <Banner kind="info" title={`This EC2 instance is ${node.ec2State ?? 'not running'}`}>
        Systems Manager does not list instances that are not running, and no command can run on it. A command that targets one of its tags still
        reaches it if it is registered, and ends Delivery Timed Out. Start the instance to manage it again.
      </Banner>
    );
  }
  if (node.ping === 'Unknown') {
    return (
      <Banner kind="warning" title="Systems Manager could not be read in this region">
        EC2 lists this instance as {node.ec2State ?? 'running'}, but the region&apos;s SSM node list failed, so whether it is managed, online or patched is
        not known. The region&apos;s error is shown above; its nodes come back with the next refresh that reaches SSM.
      </Banner>
    );
  }
  // A running instance not in SSM: the diagnosis card below says why, with the fix.
  return null;
}
