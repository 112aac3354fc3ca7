import { Badge, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconDatabase } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { health } from '../api/endpoints.ts';
import { useSession } from '../auth/session-context.ts';
import { PageHeader } from '../components/PageHeader.tsx';
import { mainNav, type NavItem } from '../navigation.ts';

function ModuleCard({ item }: { item: NavItem }) {
  const { t } = useTranslation();
  return (
    <Card component={Link} to={item.path} withBorder radius="md" padding="md" style={{ textDecoration: 'none' }}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon variant="light" size={40} radius="md">
            <item.icon size={22} stroke={1.6} />
          </ThemeIcon>
          <Text fw={600}>{t(`nav.${item.key}`)}</Text>
        </Group>
        {item.planned && (
          <Badge size="sm" variant="light" color="gray" tt="none">
            {t('placeholder.badgeShort')}
          </Badge>
        )}
      </Group>
      <Text size="sm" c="dimmed" mt="sm" lineClamp={2}>
        {t(`dashboard.moduleBlurbs.${item.key}`)}
      </Text>
    </Card>
  );
}

export function DashboardPage() {
  const { t } = useTranslation();
  const { user, can } = useSession();
  const status = useQuery({ queryKey: ['health'], queryFn: health });
  const modules = mainNav.filter((item) => item.key !== 'dashboard' && (!item.module || can(item.module, item.action)));

  return (
    <Stack gap="lg">
      <PageHeader title={t('dashboard.welcome', { name: user.name })} description={t('dashboard.subtitle')} />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        {modules.map((item) => (
          <ModuleCard key={item.key} item={item} />
        ))}
      </SimpleGrid>
      {status.data && (
        <Card withBorder radius="md" padding="md">
          <Group gap="sm">
            <IconDatabase size={18} />
            <Title order={5}>{t('dashboard.system')}</Title>
          </Group>
          <Group gap="md" mt="xs">
            <Badge color={status.data.status === 'ok' ? 'teal' : 'red'} variant="light">
              {status.data.status === 'ok' ? t('dashboard.statusOk') : status.data.status}
            </Badge>
            <Text size="sm" c="dimmed">
              {t('dashboard.database', { database: status.data.database === 'pglite' ? 'PGlite' : 'PostgreSQL' })}
            </Text>
            <Text size="sm" c="dimmed">
              {t('dashboard.version', { version: status.data.version })}
            </Text>
          </Group>
        </Card>
      )}
    </Stack>
  );
}
