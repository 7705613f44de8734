/** URL search params (a server page's record or URLSearchParams) as [key, value] pairs, repeated keys kept. */
export type SearchParamsLike = URLSearchParams | Record<string, string | string[] | undefined>;

export function searchParamEntries(params: SearchParamsLike): [string, string][] {
  const entries: [string, string][] = [];
  if (params instanceof URLSearchParams) params.forEach((v, k) => entries.push([k, v]));
  else for (const [k, v] of Object.entries(params)) for (const x of [v ?? []].flat()) entries.push([k, x]);
  return entries;
}
