import { Anchor, Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useFormatters } from '../../../format/use-formatters.ts';
import type { CompletenessField } from '../../../queries/dataops-types.ts';
import { checkHref } from './quality-links.ts';

function barColor(percent: number): string {
  if (percent >= 80) return 'teal';
  if (percent >= 50) return 'yellow';
  return 'red';
}

/** One bar per field: how many profiles have it, with a link to those that do not. */
export function CompletenessBars({ fields }: { fields: CompletenessField[] }) {
  const { t } = useTranslation('dataops');
  const format = useFormatters();
  return (
    <Stack gap="sm" data-testid="quality-completeness">
      {fields.map((field) => {
        const percent = field.total > 0 ? Math.round((field.filled / field.total) * 100) : 0;
        const missing = field.total - field.filled;
        const label = t(`quality.fields.${field.field}`);
        return (
          <Stack key={field.field} gap={4} data-field={field.field}>
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm" fw={500}>
                {label}
              </Text>
              <Group gap="md" wrap="nowrap">
                <Text size="sm" c="dimmed">
                  {t('quality.completeness.filled', {
                    percent,
                    filled: format.number(field.filled),
                    total: format.number(field.total),
                  })}
                </Text>
                {missing > 0 && (
                  <Anchor component={Link} to={checkHref(field, `missing-${field.field}`)} size="sm">
                    {t('quality.completeness.missing', { count: missing, formatted: format.number(missing) })}
                  </Anchor>
                )}
              </Group>
            </Group>
            <Progress value={percent} color={barColor(percent)} size="lg" radius="sm" aria-label={label} />
          </Stack>
        );
      })}
    </Stack>
  );
}
