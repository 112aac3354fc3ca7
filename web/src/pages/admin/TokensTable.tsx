import { ActionIcon, Badge, Code, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconBan } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ApiToken } from '../../api/types.ts';
import { TableState } from '../../components/TableState.tsx';
import { useFormatters } from '../../format/use-formatters.ts';

function isExpired(token: ApiToken): boolean {
  return token.expiresAt !== null && new Date(token.expiresAt).getTime() < Date.now();
}

export function TokensTable({
  tokens,
  loading,
  failed,
  canRevoke,
  onRevoke,
}: {
  tokens: ApiToken[];
  loading: boolean;
  failed: boolean;
  canRevoke: boolean;
  onRevoke: (token: ApiToken) => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const columns = canRevoke ? 9 : 8;
  const nowrap = { whiteSpace: 'nowrap' } as const;

  return (
    <Table.ScrollContainer minWidth={960}>
      <Table striped highlightOnHover verticalSpacing="sm" data-testid="tokens-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('tokens.fields.name')}</Table.Th>
            <Table.Th>{t('tokens.fields.prefix')}</Table.Th>
            <Table.Th>{t('tokens.fields.role')}</Table.Th>
            <Table.Th>{t('tokens.fields.owner')}</Table.Th>
            <Table.Th>{t('tokens.fields.createdAt')}</Table.Th>
            <Table.Th>{t('tokens.fields.lastUsedAt')}</Table.Th>
            <Table.Th>{t('tokens.fields.expiresAt')}</Table.Th>
            <Table.Th>{t('tokens.fields.status')}</Table.Th>
            {canRevoke && <Table.Th w={60}>{t('common.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.length === 0 && (
            <TableState columns={columns} loading={loading} failed={failed} empty={t('tokens.empty')} />
          )}
          {tokens.map((token) => (
            <Table.Tr key={token.id} opacity={token.revokedAt ? 0.6 : 1}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {token.name}
                </Text>
              </Table.Td>
              <Table.Td>
                <Code>{token.prefix}…</Code>
              </Table.Td>
              <Table.Td>
                <Badge variant="light">{t(`roleNames.${token.role}`)}</Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{token.ownerName}</Text>
              </Table.Td>
              <Table.Td style={nowrap}>{format.date(token.createdAt)}</Table.Td>
              <Table.Td style={nowrap}>
                {token.lastUsedAt ? format.dateTime(token.lastUsedAt) : t('common.never')}
              </Table.Td>
              <Table.Td style={nowrap}>
                {token.expiresAt ? format.date(token.expiresAt) : t('tokens.noExpiry')}
              </Table.Td>
              <Table.Td>
                {token.revokedAt ? (
                  <Stack gap={0}>
                    <Badge color="red" variant="light">
                      {t('tokens.status.revoked')}
                    </Badge>
                    <Text size="xs" c="dimmed" style={nowrap}>
                      {format.date(token.revokedAt)}
                    </Text>
                  </Stack>
                ) : isExpired(token) ? (
                  <Badge color="gray" variant="light">
                    {t('tokens.status.expired')}
                  </Badge>
                ) : (
                  <Badge color="teal" variant="light">
                    {t('tokens.status.active')}
                  </Badge>
                )}
              </Table.Td>
              {canRevoke && (
                <Table.Td>
                  {!token.revokedAt && (
                    <Tooltip label={t('tokens.revoke')}>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('tokens.revoke')}
                        onClick={() => onRevoke(token)}
                      >
                        <IconBan size={16} />
                      </ActionIcon>
                    </Tooltip>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
