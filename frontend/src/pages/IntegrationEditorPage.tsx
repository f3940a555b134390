import { Text } from '@mantine/core';
import { useRouteId } from '../lib/router';

// Placeholder while the editor is being built (replaced in the next commit).
export function IntegrationEditorPage() {
  const id = useRouteId();
  return <Text>Integration {id}</Text>;
}
