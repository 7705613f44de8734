/**
 * An IAM/STS ARN as a person reads it: "alice (role OpsRole)", "bob (IAM user)", "root (account 123456789012)".
 * Anything that is not an ARN is returned as is. The full ARN belongs in a title attribute.
 */
export function shortArn(arn: string | null): string {
  if (!arn) return '—';
  const m = /^arn:aws[\w-]*:(iam|sts)::(\d+):(.+)$/.exec(arn);
  if (!m) return arn;
  const [, , account, resource] = m;
  const parts = resource.split('/');
  const kind = parts[0];
  const last = parts[parts.length - 1];
  if (kind === 'root') return `root (account ${account})`;
  if (kind === 'assumed-role' && parts.length >= 3) return `${parts.slice(2).join('/')} (role ${parts[1]})`;
  if (kind === 'role') return `role ${last}`;
  if (kind === 'user') return `${last} (IAM user)`;
  if (kind === 'federated-user') return `${last} (federated)`;
  return last;
}

/** Text that is a JSON object or array, pretty-printed; null for anything else (plain text, numbers, broken JSON). */
export function prettyJson(text: string): string | null {
  const t = text.trim();
  if (!(t.startsWith('{') || t.startsWith('['))) return null;
  try {
    return JSON.stringify(JSON.parse(t), null, 2);
  } catch {
    return null;
  }
}
