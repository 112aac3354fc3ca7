import { Card, Group, Progress, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../format/use-formatters.ts';
import type { Forecast } from './forecasts-api.ts';

/** Per salesperson: won, committed, weighted, forecast, quota and attainment, last year. */
export function OwnersTable({ data }: { data?: Forecast }) {
  const { t } = useTranslation('forecasts');
  const fmt = useFormatters();
  const money = (v: number | null) => (v === null ? '—' : fmt.money(v, data?.currency));
  const owners = data?.owners ?? [];
  return (
    <Card withBorder padding="md" data-testid="owners-table">
      <Title order={4} mb="sm">
        {t('owners.title')}
      </Title>
      {owners.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('owners.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('owners.owner')}</Table.Th>
                <Table.Th ta="right">{t('owners.won')}</Table.Th>
                <Table.Th ta="right">{t('owners.committed')}</Table.Th>
                <Table.Th ta="right">{t('owners.weighted')}</Table.Th>
                <Table.Th ta="right">{t('owners.forecast')}</Table.Th>
                <Table.Th ta="right">{t('owners.quota')}</Table.Th>
                <Table.Th w={180}>{t('owners.attainment')}</Table.Th>
                <Table.Th ta="right">{t('owners.lastYear')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {owners.map((o) => (
                <Table.Tr key={o.ownerId ?? 'none'}>
                  <Table.Td>{o.ownerName ?? t('forecast.unassigned')}</Table.Td>
                  <Table.Td ta="right">{money(o.wonSatang)}</Table.Td>
                  <Table.Td ta="right">{money(o.committedSatang)}</Table.Td>
                  <Table.Td ta="right">{money(o.weightedSatang)}</Table.Td>
                  <Table.Td ta="right" fw={600}>
                    {money(o.forecastSatang)}
                  </Table.Td>
                  <Table.Td ta="right">{money(o.quotaSatang)}</Table.Td>
                  <Table.Td>
                    {o.attainmentPct === null ? (
                      '—'
                    ) : (
                      <Group gap={6} wrap="nowrap">
                        <Progress
                          value={Math.min(100, o.attainmentPct)}
                          color={o.attainmentPct >= 100 ? 'teal' : 'blue'}
                          w={90}
                        />
                        <Text size="sm">{fmt.number(o.attainmentPct)}%</Text>
                      </Group>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{money(o.lastYearWonSatang)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
