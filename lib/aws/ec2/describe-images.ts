import 'server-only';
import { DescribeImagesCommand, type DescribeImagesCommandInput, type Image } from '@aws-sdk/client-ec2';
import { ec2Client } from '../clients';
import { toAwsError } from '../errors';
import type { AwsScope } from '../scope';

export type { Image };

/** Image IDs per DescribeImages call. The API documents no maximum; 100 keeps each request small. */
export const DESCRIBE_IMAGES_BATCH = 100;

/**
 * The named AMIs, a batch of IDs per call (no paging: a call answers at most its own IDs). Deprecated and disabled
 * images are included: instances still run them. EC2 leaves out images it no longer shows (recently deregistered, or
 * no longer shared); an ID it has forgotten fails a whole ImageIds call with InvalidAMIID.NotFound, so that batch is
 * asked again with the `image-id` filter, which simply leaves unknown IDs out.
 */
export async function describeImages(scope: AwsScope, imageIds: string[]): Promise<Image[]> {
  const ctx = { service: 'ec2', operation: 'DescribeImages', region: scope.region, account: scope.account };
  const client = ec2Client(scope);
  const send = async (input: DescribeImagesCommandInput) => (await client.send(new DescribeImagesCommand(input))).Images ?? [];
  const out: Image[] = [];
  try {
    for (let i = 0; i < imageIds.length; i += DESCRIBE_IMAGES_BATCH) {
      const ids = imageIds.slice(i, i + DESCRIBE_IMAGES_BATCH);
      const common = { IncludeDeprecated: true, IncludeDisabled: true };
      try {
        out.push(...(await send({ ...common, ImageIds: ids })));
      } catch (err) {
        if ((err as { name?: string }).name !== 'InvalidAMIID.NotFound') throw err;
        out.push(...(await send({ ...common, Filters: [{ Name: 'image-id', Values: ids }] })));
      }
    }
  } catch (err) {
    throw toAwsError(err, ctx);
  }
  return out;
}
