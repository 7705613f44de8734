/** Page sizes and batch limits from the SSM and EC2 service models (see README, "AWS calls"). */
export const LIMITS = {
  describeInstanceInformationPage: 50,
  describeInstancesPage: 1000,
  patchStatesBatch: 50,
  opsItemsPage: 50,
  /** Hard caps on paging, so a misbehaving endpoint cannot loop forever: 50 x 4000 = 200,000 nodes. */
  maxPages: 4000,
} as const;

export class PageCapError extends Error {
  constructor(operation: string) {
    super(`${operation} returned more than ${LIMITS.maxPages} pages; stopped paging`);
    this.name = 'PageCapExceeded';
  }
}
