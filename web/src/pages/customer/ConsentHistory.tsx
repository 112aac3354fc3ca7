import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../format/use-formatters.ts';
import { useUserOptions } from '../../queries/customers.ts';
import type { ConsentRecord } from '../../queries/customers-types.ts';

export const CONSENT_COLOURS: Record<string, string> = { granted: 'teal', withdrawn: 'orange', denied: 'red' };

/** Every consent decision ever recorded for the customer, newest first. */
export function ConsentHistory({
  history,
  purposeName,
}: {
  history: ConsentRecord[];
  purposeName: (code: string) => string;
}) {
  const { t } = useTranslation('profile');
  const format = useFormatters();
  const users = useUserOptions();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped data-testid="consent-history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('consent.when')}</Table.Th>
            <Table.Th>{t('consent.purpose')}</Table.Th>
            <Table.Th>{t('consent.channel')}</Table.Th>
            <Table.Th>{t('consent.status')}</Table.Th>
            <Table.Th>{t('consent.lawfulBasis')}</Table.Th>
            <Table.Th>{t('consent.source')}</Table.Th>
            <Table.Th>{t('consent.by')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {history.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={7}>
                <Text size="sm" c="dimmed">
                  {t('consent.noHistory')}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {history.map((record) => (
            <Table.Tr key={record.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(record.recordedAt)}</Table.Td>
              <Table.Td>
                {purposeName(record.purpose)}
                {record.textVersion ? (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    · {t('consent.textVersion', { version: record.textVersion })}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                {t(`consent.channels.${record.channel}` as 'consent.channels.any', { defaultValue: record.channel })}
              </Table.Td>
              <Table.Td>
                <Badge size="sm" variant="light" color={CONSENT_COLOURS[record.status] ?? 'gray'}>
                  {t(`consent.statuses.${record.status}` as 'consent.statuses.granted', {
                    defaultValue: record.status,
                  })}
                </Badge>
              </Table.Td>
              <Table.Td>
                {t(`consent.bases.${record.lawfulBasis}` as 'consent.bases.consent', {
                  defaultValue: record.lawfulBasis,
                })}
              </Table.Td>
              <Table.Td>
                {t(`consent.sources.${record.source}` as 'consent.sources.api', { defaultValue: record.source })}
                {record.note && (
                  <Text size="xs" c="dimmed">
                    {record.note}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{users.nameOf(record.actorUserId) ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
