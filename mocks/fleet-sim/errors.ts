/** A query the simulated fleet rejects, with the AWS error code the service answers with. */
export class SimError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = code;
  }
}
