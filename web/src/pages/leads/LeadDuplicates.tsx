import { Alert, Anchor, Group, Text } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { LeadDuplicate } from './leads-api.ts';

/** Where a possible duplicate opens: a lead in the leads drawer, a customer on their profile. */
export const duplicateHref = (d: LeadDuplicate) =>
  d.kind === 'customer' ? `/customers/${d.id}` : `/sales/leads?lead=${encodeURIComponent(d.id)}`;

/** "Possible duplicate of …" with a link to each lead or customer sharing the email or phone. */
export function LeadDuplicates({ duplicates }: { duplicates: LeadDuplicate[] }) {
  const { t } = useTranslation('leads');
  if (duplicates.length === 0) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconCopy size={18} />}
      title={t('duplicates.title')}
      data-testid="lead-duplicates"
    >
      {duplicates.map((d) => (
        <Group key={`${d.kind}-${d.id}`} gap={6}>
          <Text size="sm">{t(`duplicates.${d.kind}`)}</Text>
          <Anchor component={Link} to={duplicateHref(d)} size="sm" data-testid="lead-duplicate-link">
            {d.name}
          </Anchor>
          <Text size="xs" c="dimmed">
            ({d.matchedBy.map((m) => t(`duplicates.by.${m}`)).join(', ')})
          </Text>
        </Group>
      ))}
    </Alert>
  );
}
