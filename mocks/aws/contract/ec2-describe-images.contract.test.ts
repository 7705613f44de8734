import { DescribeImagesCommand, EC2Client, type DescribeImagesCommandInput } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimNode } from '../../fleet-sim';
import { regionImages } from '../../fleet-sim/images';
import { FAKE_CREDENTIALS, startContractMock, checkEveryExchange, errorOf } from './harness';

let mock: ReturnType<typeof startContractMock>;
const client = new EC2Client({ region: 'us-east-1', credentials: FAKE_CREDENTIALS, maxAttempts: 1 });
const send = (input: DescribeImagesCommandInput) => client.send(new DescribeImagesCommand(input));
const ec2Nodes = () => [...mock.sim.store.byId.values()].filter((n): n is SimNode & { ec2: NonNullable<SimNode['ec2']> } => n.region === 'us-east-1' && !!n.ec2);

beforeAll(() => {
  mock = startContractMock({ nodes: 1500, seed: 23 });
});
afterAll(() => mock.close());
checkEveryExchange(() => mock);

describe('ec2 DescribeImages', () => {
  it('describes the images instances were launched from, created before their first launch; deregistered ones are left out', async () => {
    const images = regionImages(mock.sim.store, 'us-east-1');
    const ids = [...new Set(ec2Nodes().map((n) => n.ec2.imageId))];
    expect(ids.length).toBeGreaterThan(5);
    const { Images = [] } = await send({ ImageIds: ids, IncludeDeprecated: true, IncludeDisabled: true });
    const gone = ids.filter((id) => images.get(id)?.deregistered);
    expect(gone.length).toBeGreaterThan(0);
    expect(Images.map((i) => i.ImageId).sort()).toEqual(ids.filter((id) => !gone.includes(id)).sort());
    for (const img of Images) {
      const users = ec2Nodes().filter((n) => n.ec2.imageId === img.ImageId);
      expect(img).toMatchObject({ State: 'available', ImageType: 'machine', RootDeviceType: 'ebs', Architecture: users[0].ec2.architecture });
      expect(img.Name).toMatch(/\S/);
      expect(img.CreationDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(Date.parse(img.CreationDate as string)).toBeLessThan(Math.min(...users.map((n) => n.ec2.launchTime)));
    }
  });

  it('fails on an ID EC2 never knew (ImageIds) but leaves it out with the image-id filter; rejects malformed IDs', async () => {
    const [known] = [...regionImages(mock.sim.store, 'us-east-1').values()].filter((i) => !i.deregistered);
    const err = await errorOf(send({ ImageIds: [known.id, 'ami-0123456789abcdef0'] }));
    expect(err.name).toBe('InvalidAMIID.NotFound');
    expect(err.message).toBe("The image id '[ami-0123456789abcdef0]' does not exist");
    const filtered = await send({ Filters: [{ Name: 'image-id', Values: [known.id, 'ami-0123456789abcdef0'] }] });
    expect(filtered.Images?.map((i) => i.ImageId)).toEqual([known.id]);
    expect((await errorOf(send({ ImageIds: ['ami-xyz'] }))).name).toBe('InvalidAMIID.Malformed');
    expect((await errorOf(send({}))).name).toBe('InvalidParameterCombination');
  });
});
