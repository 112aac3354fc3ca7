import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconBuilding, IconUsersGroup } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatPhone } from '../../format/phone.ts';
import { customerKeys } from '../../queries/customers.ts';
import { customerApi } from '../../queries/customers-api.ts';
import { CONTACT_ROLES, type CompanyContact, type CustomerProfile } from '../../queries/customers-types.ts';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  if (children === null || children === undefined || children === '') return null;
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </Stack>
  );
}

function roleLabel(t: (key: string, options?: { defaultValue: string }) => string, role: string): string {
  return t(`contacts.roles.${role}`, { defaultValue: role });
}

/**
 * The head of a company's page: who the company is (tax id, industry, size, website,
 * contact) and its buying centre by role, each person one click away. For a person, the
 * companies they work with, so the way back to the company is as short.
 */
export function CompanyOverview({ customer }: { customer: CustomerProfile }) {
  const { t } = useTranslation('profile');
  const { t: tl } = useTranslation('lists');
  const isCompany = customer.kind === 'company';
  const contacts = useQuery({
    queryKey: customerKeys.part(customer.id, 'contacts'),
    queryFn: () => customerApi.contacts(customer.id),
  });
  const items = contacts.data?.items ?? [];
  const hidden = contacts.data?.hidden ?? 0;
  const tr = t as unknown as (key: string, options?: { defaultValue: string }) => string;

  if (!isCompany) {
    if (items.length === 0) return null;
    return (
      <Paper withBorder radius="md" p="sm" mt="md" data-testid="person-companies">
        <Group gap="xs" wrap="wrap">
          <IconBuilding size={16} />
          <Text size="sm" fw={600}>
            {tl('company.worksWith')}
          </Text>
          {items.map((c) => (
            <Badge
              key={c.customer.id}
              variant="light"
              size="lg"
              radius="sm"
              style={{ textTransform: 'none' }}
              component={Link}
              to={`/customers/${c.customer.id}`}
            >
              {c.customer.displayName} · {roleLabel(tr, c.role)}
              {c.jobTitle ? ` (${c.jobTitle})` : ''}
            </Badge>
          ))}
        </Group>
      </Paper>
    );
  }

  const byRole = new Map<string, CompanyContact[]>();
  for (const c of items) byRole.set(c.role, [...(byRole.get(c.role) ?? []), c]);
  const roles = [
    ...CONTACT_ROLES.filter((r) => byRole.has(r)),
    ...[...byRole.keys()].filter((r) => !CONTACT_ROLES.includes(r as never)),
  ];

  return (
    <Paper withBorder radius="md" p="md" mt="md" data-testid="company-overview">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap="xs">
          <Group gap="xs">
            <IconBuilding size={18} />
            <Text fw={600}>{tl('company.details')}</Text>
          </Group>
          <SimpleGrid cols={2} spacing="xs">
            <Fact label={t('form.taxId')}>{customer.taxId}</Fact>
            <Fact label={t('form.industry')}>{customer.industry}</Fact>
            <Fact label={t('form.companySize')}>
              {customer.companySize
                ? tr(`companySizes.${customer.companySize}`, { defaultValue: customer.companySize })
                : null}
            </Fact>
            <Fact label={t('form.website')}>
              {customer.website ? (
                <Anchor
                  href={/^https?:/i.test(customer.website) ? customer.website : `https://${customer.website}`}
                  target="_blank"
                  rel="noreferrer"
                >
                  {customer.website}
                </Anchor>
              ) : null}
            </Fact>
            <Fact label={tl('company.phone')}>{customer.phone ? formatPhone(customer.phone) : null}</Fact>
            <Fact label={tl('company.email')}>{customer.email}</Fact>
            <Fact label={tl('company.province')}>{customer.province}</Fact>
          </SimpleGrid>
        </Stack>
        <Stack gap="xs" data-testid="buying-centre">
          <Group gap="xs">
            <IconUsersGroup size={18} />
            <Text fw={600}>{tl('company.buyingCentre', { count: items.length })}</Text>
          </Group>
          {items.length === 0 && (
            <Text size="sm" c="dimmed">
              {tl('company.noPeople')}
            </Text>
          )}
          {roles.map((role) => (
            <Group key={role} gap="xs" align="flex-start" wrap="nowrap" data-role={role}>
              <Text size="sm" c="dimmed" w={130} style={{ flexShrink: 0 }}>
                {roleLabel(tr, role)}
              </Text>
              <Group gap={6} wrap="wrap">
                {(byRole.get(role) ?? []).map((c) => (
                  <Anchor key={c.customer.id} component={Link} to={`/customers/${c.customer.id}`} size="sm">
                    {c.customer.displayName}
                    {c.jobTitle ? (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        ({c.jobTitle})
                      </Text>
                    ) : null}
                  </Anchor>
                ))}
              </Group>
            </Group>
          ))}
          {hidden > 0 && (
            <Text size="xs" c="dimmed">
              {tl('company.hidden', { count: hidden })}
            </Text>
          )}
        </Stack>
      </SimpleGrid>
    </Paper>
  );
}
