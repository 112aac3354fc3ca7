import { Badge, Card, Center, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconRocket } from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlannedModule } from '../navigation.ts';

/** Stands in for a module that is planned but not built yet, and says so plainly. */
export function PlaceholderPage({
  module,
  icon: Icon = IconRocket,
}: {
  module: PlannedModule;
  icon?: ComponentType<{ size?: number; stroke?: number }>;
}) {
  const { t } = useTranslation();
  return (
    <Center py="xl">
      <Card withBorder radius="lg" p="xl" maw={560} w="100%" data-testid="placeholder">
        <Stack align="center" gap="sm" ta="center">
          <ThemeIcon size={64} radius="xl" variant="light">
            <Icon size={34} stroke={1.5} />
          </ThemeIcon>
          <Badge variant="light" color="orange" size="lg">
            {t('placeholder.badge')}
          </Badge>
          <Title order={2}>{t(`nav.${module}`)}</Title>
          <Text fw={500}>{t('placeholder.title')}</Text>
          <Text c="dimmed">{t(`placeholder.descriptions.${module}`)}</Text>
        </Stack>
      </Card>
    </Center>
  );
}
