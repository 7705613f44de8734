/**
 * Reads the caller's credential scope from a SigV4-signed request: the access key ID names the caller (see
 * mocks/accounts/identity.ts), the region and service route the request. Signatures are not verified (the simulated
 * AWS does not know secrets of long-term keys), but a request must be signed.
 *
 *   Authorization: AWS4-HMAC-SHA256 Credential=AKID/20250101/us-east-1/ssm/aws4_request, ...
 */
export interface CredentialScope {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
}

const SCOPE = /^([^/\s]+)\/(\d{8})\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request$/;

export function parseCredential(credential: string): CredentialScope | null {
  const m = SCOPE.exec(credential.trim());
  if (!m) return null;
  return { accessKeyId: m[1], date: m[2], region: m[3], service: m[4] };
}

/** The scope from the Authorization header (or a presigned URL), or null if unsigned or malformed. */
export function readCredentialScope(headers: Headers, url?: URL): CredentialScope | null {
  const auth = headers.get('authorization');
  if (auth) {
    if (!auth.startsWith('AWS4-HMAC-SHA256 ')) return null;
    const m = /Credential=([^,\s]+)/.exec(auth);
    if (!m || !/Signature=[0-9a-f]+/.test(auth)) return null;
    return parseCredential(m[1]);
  }
  const presigned = url?.searchParams.get('X-Amz-Credential');
  return presigned ? parseCredential(presigned) : null;
}

/** The session token that must accompany temporary credentials (header, or a presigned URL's parameter). */
export function readSecurityToken(headers: Headers, url?: URL): string | null {
  return headers.get('x-amz-security-token') ?? url?.searchParams.get('X-Amz-Security-Token') ?? null;
}

/** Which AWS service an (possibly unsigned) request is meant for, from the signature or its shape. */
export function guessService(headers: Headers, url: URL, scope: CredentialScope | null): string | null {
  if (scope) return scope.service;
  const target = headers.get('x-amz-target');
  if (target?.startsWith('AmazonSSM.')) return 'ssm';
  if (target?.startsWith('AWSOrganizationsV20161128.')) return 'organizations';
  const host = url.hostname;
  const m = /^(ssm|ec2|sts|organizations)\.[a-z0-9-]+\.amazonaws\.com$/.exec(host);
  if (m) return m[1];
  if (host === 'iam.amazonaws.com') return 'iam';
  if (host === 'sts.amazonaws.com') return 'sts';
  return null;
}
