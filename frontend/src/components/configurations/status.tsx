import { Badge, Tooltip } from '@mantine/core';
import type { AuthStatus } from '../../api';

/** "52 min", "3 h 10 min", "2 days": how long until `at`, rounded down; null once it is past. */
export function formatExpiresIn(at: Date, now: Date): string | null {
  const ms = at.getTime() - now.getTime();
  if (Number.isNaN(ms) || ms <= 0) return null;
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'under a minute';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) {
    const rest = minutes % 60;
    return rest ? `${hours} h ${rest} min` : `${hours} h`;
  }
  return `${Math.floor(hours / 24)} days`;
}

/** What a configuration's badge says, and in which colour. */
export function statusLook(status: AuthStatus, now: Date): { label: string; color: string } {
  switch (status.state) {
    case 'signed_in': {
      if (!status.expiresAt) return { label: 'Signed in', color: 'teal' };
      const left = formatExpiresIn(status.expiresAt, now);
      return left ? { label: `Signed in · expires in ${left}`, color: 'teal' } : { label: 'Signed in · token expired', color: 'yellow' };
    }
    case 'needs_sign_in':
      return { label: 'Needs sign-in', color: 'red' };
    case 'signed_out':
      return { label: 'Signed out', color: 'gray' };
    case 'missing_secret':
      return { label: 'Secret missing', color: 'orange' };
    case 'ready':
      return { label: 'Ready', color: 'teal' };
  }
}

export function AuthStatusBadge({ status, now }: { status: AuthStatus; now: Date }) {
  const look = statusLook(status, now);
  const badge = (
    <Badge color={look.color} variant="light" radius="sm" data-state={status.state} data-testid="configuration-status" style={{ textTransform: 'none' }}>
      {look.label}
    </Badge>
  );
  if (!status.expiresAt || status.state !== 'signed_in') return badge;
  return (
    <Tooltip label={`Token expires ${status.expiresAt.toLocaleString()}; it is renewed before then.`} withArrow openDelay={300}>
      {badge}
    </Tooltip>
  );
}

export const SECRET_LABELS: Record<string, string> = {
  api_key: 'API key',
  password: 'Password',
  client_secret: 'Client secret',
};

export function secretLabel(field: string): string {
  return SECRET_LABELS[field] ?? field;
}
