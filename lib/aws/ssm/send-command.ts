import 'server-only';
import { SendCommandCommand, type Target } from '@aws-sdk/client-ssm';
import { ssmClient } from '../clients';
import type { ActingScope } from '../scope';
import { toAwsError } from '../errors';

export interface SendCommandInput {
  scope: ActingScope;
  documentName: string;
  documentVersion?: string;
  parameters: Record<string, string[]>;
  instanceIds?: string[];
  targets?: Target[];
  maxConcurrency: string;
  maxErrors: string;
  timeoutSeconds: number;
  comment?: string;
  s3?: { bucket: string; prefix?: string; region?: string };
  cloudWatch?: { logGroup?: string };
}

/**
 * SendCommand, exactly once: the "mutate" client makes a single attempt (SSM has no idempotency token for
 * SendCommand, so an SDK retry after a timeout could run the command twice). Returns the CommandId.
 */
export async function sendCommand(i: SendCommandInput): Promise<string> {
  try {
    const out = await ssmClient(i.scope, 'mutate', i.scope.actor).send(
      new SendCommandCommand({
        DocumentName: i.documentName,
        DocumentVersion: i.documentVersion,
        Parameters: i.parameters,
        InstanceIds: i.instanceIds,
        Targets: i.targets,
        MaxConcurrency: i.maxConcurrency,
        MaxErrors: i.maxErrors,
        TimeoutSeconds: i.timeoutSeconds,
        Comment: i.comment,
        OutputS3BucketName: i.s3?.bucket,
        OutputS3KeyPrefix: i.s3?.prefix || undefined,
        OutputS3Region: i.s3 ? (i.s3.region ?? i.scope.region) : undefined,
        CloudWatchOutputConfig: i.cloudWatch ? { CloudWatchOutputEnabled: true, CloudWatchLogGroupName: i.cloudWatch.logGroup || undefined } : undefined,
      }),
    );
    const id = out.Command?.CommandId;
    if (!id) throw new Error('SendCommand returned no CommandId');
    return id;
  } catch (err) {
    throw toAwsError(err, { service: 'ssm', operation: 'SendCommand', region: i.scope.region, account: i.scope.account });
  }
}
