declare module 'deb-version-compare' {
  /** dpkg's ordering: negative, zero or positive. */
  export default function compare(a: string, b: string): number;
}
