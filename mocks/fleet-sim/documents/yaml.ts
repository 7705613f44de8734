/**
 * JSON-shaped data as YAML, for GetDocument with DocumentFormat YAML (AWS converts the
 * stored JSON). Block style; strings quoted when YAML would read them as something else.
 */
const PLAIN = /^[A-Za-z_/$][\w ./:$-]*$/;
const RESERVED = /^(true|false|yes|no|on|off|null|~)$/i;

function scalar(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return 'null';
  const s = String(value);
  if (s !== '' && PLAIN.test(s) && !RESERVED.test(s) && !/[:#]\s|\s$/.test(s)) return s;
  return `'${s.replace(/'/g, "''")}'`;
}

const isEmpty = (v: unknown) => (Array.isArray(v) ? v.length === 0 : typeof v === 'object' && v !== null && Object.keys(v).length === 0);

function block(value: unknown, indent: string): string[] {
  if (Array.isArray(value)) {
    return value.flatMap((item) => {
      if (typeof item !== 'object' || item === null || isEmpty(item)) return [`${indent}- ${isEmpty(item) ? (Array.isArray(item) ? '[]' : '{}') : scalar(item)}`];
      const [first, ...rest] = block(item, `${indent}  `);
      return [`${indent}- ${first.trimStart()}`, ...rest];
    });
  }
  return Object.entries(value as Record<string, unknown>).flatMap(([key, v]) => {
    const k = scalar(key);
    if (typeof v !== 'object' || v === null) return [`${indent}${k}: ${scalar(v)}`];
    if (isEmpty(v)) return [`${indent}${k}: ${Array.isArray(v) ? '[]' : '{}'}`];
    return [`${indent}${k}:`, ...block(v, Array.isArray(v) ? indent : `${indent}  `)];
  });
}

export function toYaml(value: unknown): string {
  return `---\n${block(value, '').join('\n')}\n`;
}
