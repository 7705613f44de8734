/** An error the simulated AWS answers with (code as AWS sends it, HTTP status). */
export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    /** Members of the error shape besides the message (e.g. Organizations' Reason), sent in a JSON error body. */
    readonly fields?: Record<string, unknown>,
  ) {
    super(message);
    this.name = code;
  }
}

export function isAwsError(err: unknown): err is AwsError {
  return err instanceof AwsError;
}
