import { ThemeIcon } from '@mantine/core';
import { IconPlug } from '@tabler/icons-react';
import { useMemo } from 'react';
import { svgDataUrl } from '../lib/svg';

/** Stored SVG shown only as an <img> (scripts in it cannot run); a placeholder when empty. */
export function IntegrationIcon({ svg, size = 32 }: { svg: string; size?: number }) {
  const src = useMemo(() => svgDataUrl(svg), [svg]);
  if (!src) {
    return (
      <ThemeIcon size={size} variant="light" color="gray" radius="md" aria-hidden="true" data-testid="icon-placeholder">
        <IconPlug size={size * 0.6} stroke={1.6} />
      </ThemeIcon>
    );
  }
  return (
    <img
      src={src}
      alt=""
      width={size}
      height={size}
      style={{ display: 'block', objectFit: 'contain', borderRadius: 6, flex: 'none' }}
    />
  );
}
