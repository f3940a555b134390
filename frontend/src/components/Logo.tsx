import { Group, Text, useMantineTheme } from '@mantine/core';

/** Two linked nodes: the app's mark. Drawn as JSX, no external asset. */
export function LogoMark({ size = 28 }: { size?: number }) {
  const theme = useMantineTheme();
  const c = theme.colors[theme.primaryColor] ?? theme.colors.indigo;
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill={c[6]} />
      <path d="M11 16h10" stroke="#fff" strokeWidth="2.5" strokeLinecap="round" />
      <circle cx="10" cy="16" r="4" fill="none" stroke="#fff" strokeWidth="2.5" />
      <circle cx="22" cy="16" r="4" fill={c[2]} stroke="#fff" strokeWidth="2.5" />
    </svg>
  );
}

export function Logo() {
  return (
    <Group gap="xs" wrap="nowrap">
      <LogoMark />
      <Text fw={700} size="sm" lh={1.2} style={{ whiteSpace: "nowrap" }}>
        Integration Studio
      </Text>
    </Group>
  );
}
