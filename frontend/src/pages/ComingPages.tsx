import { IconKey, IconWebhook } from '@tabler/icons-react';
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

export function ApiTokensPage() {
  return (
    <ComingSoon
      title="API tokens"
      icon={<IconKey size={28} />}
      summary="Manage the tokens that let your workflow builders fetch published integrations from Integration Studio."
    />
  );
}
