import { Button, Group, Select, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

const PAGE_SIZES = ['25', '50', '100'];

export function CursorPager({
  pageIndex,
  hasNext,
  pageSize,
  loading,
  onPrevious,
  onNext,
  onPageSize,
}: {
  pageIndex: number;
  hasNext: boolean;
  pageSize: number;
  loading?: boolean;
  onPrevious: () => void;
  onNext: () => void;
  onPageSize: (size: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" mt="md" wrap="wrap">
      <Group gap="xs">
        <Text size="sm" c="dimmed">
          {t('common.pageSize')}
        </Text>
        <Select
          size="xs"
          w={80}
          data={PAGE_SIZES}
          value={String(pageSize)}
          onChange={(value) => value && onPageSize(Number(value))}
          allowDeselect={false}
          aria-label={t('common.pageSize')}
        />
      </Group>
      <Group gap="xs">
        <Button
          size="xs"
          variant="default"
          leftSection={<IconChevronLeft size={14} />}
          disabled={pageIndex === 0 || loading}
          onClick={onPrevious}
        >
          {t('common.previous')}
        </Button>
        <Text size="sm" c="dimmed" miw={60} ta="center">
          {t('common.pageNumber', { page: pageIndex + 1 })}
        </Text>
        <Button
          size="xs"
          variant="default"
          rightSection={<IconChevronRight size={14} />}
          disabled={!hasNext || loading}
          onClick={onNext}
        >
          {t('common.next')}
        </Button>
      </Group>
    </Group>
  );
}
