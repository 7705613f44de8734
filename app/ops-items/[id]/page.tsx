import type { Metadata } from 'next';
import { decodeSegment } from '@/lib/contracts/segment';
import { OpsItemIdSchema } from '@/lib/contracts/ops-items';
import { Banner } from '@/components/ui/banner';
import { OpsItemView } from './ops-item-view';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await params).id };
}

export default async function OpsItemPage({ params }: Props) {
  const raw = decodeSegment((await params).id);
  const id = OpsItemIdSchema.safeParse(raw);
  if (!id.success) {
    return (
      <div className="mx-auto max-w-3xl" data-testid="not-ops-item-id">
        <Banner kind="error" title={`“${raw}” is not an OpsItem ID`}>
          OpsItem IDs are <code>oi-</code> followed by 12 hexadecimal characters, such as <code>oi-0123456789ab</code>.
        </Banner>
      </div>
    );
  }
  return <OpsItemView id={id.data} />;
}
