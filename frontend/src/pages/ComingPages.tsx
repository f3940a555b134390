import { IconWebhook } from '@tabler/icons-react';
import { ComingSoon } from '../components/ComingSoon';

export function WebhooksPage() {
  return (
    <ComingSoon
      title="Webhooks"
      icon={<IconWebhook size={28} />}
      summary="Define the events a vendor can push to your workflows, and inspect recent deliveries."
    />
  );
}
