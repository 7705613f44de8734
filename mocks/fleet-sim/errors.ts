/** A query the simulated fleet rejects, with the AWS error code the service answers with. */
export class SimError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** Members of the error shape besides the message (e.g. ParameterNames, OpsItemId), sent in the error body. */
    readonly fields?: Record<string, unknown>,
  ) {
    super(message);
    this.name = code;
  }
}
