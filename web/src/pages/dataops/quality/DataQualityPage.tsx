import {
  Anchor,
  Badge,
  Group,
  Paper,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { IconAddressBook, IconArrowsJoin, IconClockPause, IconPhoneOff, IconShieldQuestion } from '@tabler/icons-react';
import type { ComponentType, ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useFormatters } from '../../../format/use-formatters.ts';
import { useDataQualityQuery } from '../../../queries/dataops.ts';
import { CompletenessBars } from './CompletenessBars.tsx';
import { checkHref } from './quality-links.ts';

const STALE_MONTHS = ['3', '6', '12', '24'];

function CheckCard({
  icon: Icon,
  color,
  title,
  hint,
  count,
  href,
  testId,
  extra,
}: {
  icon: ComponentType<{ size?: number }>;
  color: string;
  title: string;
  hint: string;
  count: number | undefined;
  href: string;
  testId: string;
  extra?: ReactNode;
}) {
  const { t } = useTranslation('dataops');
  const format = useFormatters();
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId}>
      <Stack gap="xs" h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <ThemeIcon variant="light" color={color} size={36} radius="md">
              <Icon size={20} />
            </ThemeIcon>
            <Text fw={600}>{title}</Text>
          </Group>
          <Text size="xl" fw={700} c={count ? color : 'dimmed'} data-testid={`${testId}-count`}>
            {count === undefined ? '…' : format.number(count)}
          </Text>
        </Group>
        <Text size="sm" c="dimmed">
          {hint}
        </Text>
        {extra}
        {count !== undefined && count > 0 && (
          <Anchor component={Link} to={href} size="sm" fw={500}>
            {t('quality.showList')}
          </Anchor>
        )}
      </Stack>
    </Paper>
  );
}

/** Completeness per field, unreachable contacts, stale profiles, suspected duplicates and consent gaps. */
export function DataQualityPage() {
  const { t } = useTranslation('dataops');
  const format = useFormatters();
  const [months, setMonths] = useState(12);
  const report = useDataQualityQuery(months);
  const data = report.data;

  return (
    <>
      <PageHeader
        title={t('quality.title')}
        description={t('quality.subtitle')}
        actions={
          data && (
            <Badge size="lg" variant="light" leftSection={<IconAddressBook size={14} />} tt="none">
              {t('quality.total', { count: data.total, formatted: format.number(data.total) })}
            </Badge>
          )
        }
      />
      <ProblemAlert error={report.error} />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} mb="lg">
        <CheckCard
          icon={IconPhoneOff}
          color="red"
          title={t('quality.unreachable.title')}
          hint={t('quality.unreachable.hint')}
          count={data?.unreachable.count}
          href={checkHref(data?.unreachable, 'unreachable')}
          testId="quality-unreachable"
        />
        <CheckCard
          icon={IconClockPause}
          color="orange"
          title={t('quality.stale.title')}
          hint={t('quality.stale.hint', { count: months })}
          count={data?.stale.count}
          href={checkHref(data?.stale, `stale?staleMonths=${months}`)}
          testId="quality-stale"
          extra={
            <Select
              size="xs"
              w={160}
              aria-label={t('quality.stale.months')}
              value={String(months)}
              onChange={(value) => setMonths(Number(value ?? 12))}
              allowDeselect={false}
              data={STALE_MONTHS.map((value) => ({
                value,
                label: t('quality.stale.option', { count: Number(value) }),
              }))}
            />
          }
        />
        <CheckCard
          icon={IconArrowsJoin}
          color="grape"
          title={t('quality.duplicates.title')}
          hint={t('quality.duplicates.hint')}
          count={data?.duplicates.count}
          href={checkHref(data?.duplicates, 'duplicates')}
          testId="quality-duplicates"
        />
        <CheckCard
          icon={IconShieldQuestion}
          color="yellow"
          title={t('quality.consentGaps.title')}
          hint={t('quality.consentGaps.hint')}
          count={data?.consentGaps.count}
          href={checkHref(data?.consentGaps, 'consent-gaps')}
          testId="quality-consent-gaps"
        />
      </SimpleGrid>
      <Paper withBorder radius="md" p="md">
        <Title order={4}>{t('quality.completeness.title')}</Title>
        <Text size="sm" c="dimmed" mb="md">
          {t('quality.completeness.hint')}
        </Text>
        {data ? <CompletenessBars fields={data.completeness} /> : <Progress value={0} />}
      </Paper>
    </>
  );
}
