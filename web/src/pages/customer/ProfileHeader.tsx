import { Avatar, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconBuilding, IconPencil, IconUser } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPhone } from '../../format/phone.ts';
import { useFormatters } from '../../format/use-formatters.ts';
import { useReferrals, useUserOptions } from '../../queries/customers.ts';
import type { CustomerProfile } from '../../queries/customers-types.ts';
import { CustomerFormModal } from '../customers/CustomerFormModal.tsx';
import { ProfileLadderBadge } from '../ladder/ProfileLadderBadge.tsx';
import { ProfileValueFact } from './ProfileValueFact.tsx';

function Fact({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Stack gap={0} miw={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      {/* A long email breaks inside its column instead of running over the next one. */}
      <Text size="sm" fw={500} data-testid={testId} style={{ overflowWrap: 'anywhere' }}>
        {value}
      </Text>
    </Stack>
  );
}

export function ProfileHeader({ customer, editable }: { customer: CustomerProfile; editable: boolean }) {
  const { t } = useTranslation('profile');
  const format = useFormatters();
  const users = useUserOptions();
  const [editing, setEditing] = useState(false);
  const referrals = useReferrals(customer.id);
  const isCompany = customer.kind === 'company';
  const english = [customer.firstNameEn, customer.lastNameEn].filter(Boolean).join(' ');

  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <Group align="flex-start" gap="md" wrap="nowrap" style={{ minWidth: 0 }}>
          <Avatar size="lg" radius="xl" color={isCompany ? 'indigo' : 'teal'}>
            {isCompany ? <IconBuilding size={26} /> : <IconUser size={26} />}
          </Avatar>
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Title order={2} data-testid="profile-name" style={{ overflowWrap: 'anywhere' }}>
              {customer.displayName}
              {customer.nickname && (
                <Text span c="dimmed" fz="lg">
                  {' '}
                  ({customer.nickname})
                </Text>
              )}
            </Title>
            {english && english !== customer.displayName && (
              <Text c="dimmed" size="sm">
                {english}
              </Text>
            )}
            <Group gap={6}>
              <ProfileLadderBadge customerId={customer.id} editable={editable} />
              <Badge variant="light" color={isCompany ? 'indigo' : 'teal'}>
                {isCompany ? t('kinds.company') : t('kinds.person')}
              </Badge>
              {customer.customerType && (
                <Badge variant="outline" color="gray">
                  {t(`customerTypes.${customer.customerType}` as 'customerTypes.consumer')}
                </Badge>
              )}
              {customer.tags.map((tag) => (
                <Badge key={tag} variant="light" color="grape">
                  {tag}
                </Badge>
              ))}
            </Group>
          </Stack>
        </Group>
        {editable && (
          <Button variant="light" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
            {t('profile.edit')}
          </Button>
        )}
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} mt="md" spacing="md">
        <Fact label={t('form.phone')} value={formatPhone(customer.phone)} />
        <Fact label={t('form.email')} value={customer.email ?? '—'} />
        <Fact label={t('form.lineId')} value={customer.lineId ?? '—'} />
        <Fact
          label={t('profile.owner')}
          value={users.nameOf(customer.ownerId) ?? (customer.ownerId ? '…' : t('profile.noOwner'))}
          testId="profile-owner"
        />
        <Fact label={t('profile.since', { date: '' }).trim()} value={format.date(customer.createdAt)} />
        <ProfileValueFact customerId={customer.id} />
      </SimpleGrid>
      <CustomerFormModal
        opened={editing}
        onClose={() => setEditing(false)}
        customer={customer}
        referredByLabel={referrals.data?.referredBy?.displayName ?? null}
      />
    </Paper>
  );
}
