import type { RegionStatus } from '@/lib/contracts/node';

const AUTH_CODES = new Set([
  'CredentialsMissing', 'AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation', 'AuthFailure', 'UnrecognizedClientException',
  'InvalidClientTokenId', 'ExpiredToken', 'ExpiredTokenException', 'SignatureDoesNotMatch', 'MissingAuthenticationTokenException',
]);

/**
 * The reason to show the setup page instead of an empty fleet: every region refused us and there is nothing to show.
 * With earlier data (say an SSO session expired during the day) the data stays and each region's banner says why.
 */
export function setupProblem(regions: RegionStatus[]): { code: string; message: string } | null {
  if (!regions.length || regions.some((r) => r.ok || r.nodes > 0)) return null;
  const e = regions.flatMap((r) => r.errors).find((x) => x.source === 'ssm:DescribeInstanceInformation' && AUTH_CODES.has(x.code));
  return e ? { code: e.code, message: e.message } : null;
}

const POLICY = `{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Action": [
      "ssm:DescribeInstanceInformation", "ssm:DescribeInstancePatchStates",
      "ssm:DescribeOpsItems", "ssm:ListTagsForResource", "ec2:DescribeInstances"
    ],
    "Resource": "*"
  }]
}`;

/** Shown instead of a crash or an empty table when the dashboard cannot read AWS at all. */
export function SetupHelp({ code, message }: { code: string; message: string }) {
  const noCreds = code === 'CredentialsMissing';
  const noRegion = code === 'RegionMissing' || code === 'InvalidRegion';
  return (
    <section data-testid="setup-help" className="mx-auto max-w-3xl space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-xl font-semibold text-slate-900">
        {noCreds ? 'No AWS credentials found' : noRegion ? 'No AWS region configured' : 'AWS refused access'}
      </h1>
      <p className="text-sm text-slate-700">
        <span className="font-mono text-xs">{code}</span>: {message}
      </p>
      {noRegion && (
        <p className="text-sm text-slate-700">
          Set <code className="font-mono">AWS_REGIONS=us-east-1,eu-west-1</code> (or <code className="font-mono">AWS_REGION</code>) in the dashboard&apos;s environment and restart it.
        </p>
      )}
      {noCreds && (
        <div className="space-y-2 text-sm text-slate-700">
          <p>The dashboard uses the AWS SDK&apos;s default credential chain. Any one of these works:</p>
          <ul className="list-disc space-y-1 pl-5">
            <li>an instance role / ECS task role where the dashboard runs;</li>
            <li><code className="font-mono">AWS_PROFILE=name</code> with a profile in <code className="font-mono">~/.aws/config</code> (for SSO run <code className="font-mono">aws sso login --profile name</code> first);</li>
            <li><code className="font-mono">AWS_ACCESS_KEY_ID</code> and <code className="font-mono">AWS_SECRET_ACCESS_KEY</code> (and <code className="font-mono">AWS_SESSION_TOKEN</code>).</li>
          </ul>
          <p>Or try it without an account: <code className="font-mono">npm run demo</code>.</p>
        </div>
      )}
      {!noCreds && !noRegion && (
        <div className="space-y-2 text-sm text-slate-700">
          <p>The credentials work, but their identity may not read Systems Manager. It needs at least:</p>
          <pre className="fixed-palette overflow-x-auto rounded bg-slate-900 p-3 text-xs text-slate-100">{POLICY}</pre>
        </div>
      )}
    </section>
  );
}
