/** IPv4 addresses and CIDR blocks as 32-bit numbers. */

/** The address as a number (NaN unless four dot-separated decimal octets). Hand-rolled: evaluations call it per rule. */
export function ipToInt(ip: string): number {
  let n = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < ip.length; i++) {
    const c = ip.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || octet > 255) return NaN;
      n = n * 256 + octet;
      octet = 0;
      digits = 0;
      dots++;
    } else if (c >= 48 && c <= 57 && digits < 3) {
      octet = octet * 10 + (c - 48);
      digits++;
    } else return NaN;
  }
  if (dots !== 3 || digits === 0 || octet > 255) return NaN;
  return n * 256 + octet;
}

export function intToIp(n: number): string {
  return `${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

export interface Cidr {
  base: number;
  prefix: number;
  size: number;
}

export function parseCidr(cidr: string): Cidr | null {
  const slash = cidr.indexOf('/');
  if (slash < 0) return null;
  const prefix = Number(cidr.slice(slash + 1));
  const ip = ipToInt(cidr.slice(0, slash));
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > 32 || Number.isNaN(ip)) return null;
  const size = 2 ** (32 - prefix);
  return { base: ip - (ip % size), prefix, size };
}

const cidrCache = new Map<string, Cidr | null>();

/** Whether `ip` lies in `cidr` (parsed CIDRs are cached: rule sets are small and shared). */
export function cidrContains(cidr: string, ip: string): boolean {
  let c = cidrCache.get(cidr);
  if (c === undefined) {
    c = parseCidr(cidr);
    if (cidrCache.size > 10_000) cidrCache.clear();
    cidrCache.set(cidr, c);
  }
  const n = ipToInt(ip);
  return c !== null && !Number.isNaN(n) && n >= c.base && n < c.base + c.size;
}

export function formatCidr(base: number, prefix: number): string {
  return `${intToIp(base)}/${prefix}`;
}

/** The smallest prefix (at most /16, at least /28) whose block holds `hosts` addresses plus the 5 AWS reserves. */
export function prefixFor(hosts: number, minPrefixLength = 24): number {
  let prefix = minPrefixLength;
  while (prefix > 16 && 2 ** (32 - prefix) - 5 < hosts) prefix--;
  if (2 ** (32 - prefix) - 5 < hosts) throw new RangeError(`a subnet cannot hold ${hosts} addresses (AWS allows at most a /16)`);
  return prefix;
}
