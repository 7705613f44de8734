/** An error the simulated AWS answers with (code as AWS sends it, HTTP status). */
export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = code;
  }
}

export function isAwsError(err: unknown): err is AwsError {
  return err instanceof AwsError;
}
