import { Group, Paper, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { type DragEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A drop zone for one CSV file that also opens the file picker when clicked or on Enter. */
export function FileDrop({ disabled, onFile }: { disabled?: boolean; onFile: (file: File) => void }) {
  const { t } = useTranslation('dataops');
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  const take = (files: FileList | null) => {
    const file = files?.[0];
    if (file && !disabled) onFile(file);
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    take(event.dataTransfer.files);
  };

  return (
    <Paper
      withBorder
      radius="md"
      p="xl"
      role="button"
      tabIndex={0}
      aria-disabled={disabled}
      aria-label={t('import.drop.title')}
      data-testid="import-drop"
      onClick={() => input.current?.click()}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') input.current?.click();
      }}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      style={{
        borderStyle: 'dashed',
        borderWidth: 2,
        cursor: disabled ? 'wait' : 'pointer',
        background: over ? 'var(--mantine-color-blue-0)' : undefined,
      }}
    >
      <Group justify="center" gap="xl" wrap="nowrap">
        {over ? <IconUpload size={48} stroke={1.4} /> : <IconFileSpreadsheet size={48} stroke={1.4} />}
        <Stack gap={4}>
          <Text size="lg" fw={500}>
            {t('import.drop.title')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('import.drop.hint')}
          </Text>
        </Stack>
      </Group>
      <input
        ref={input}
        type="file"
        accept=".csv,.txt,.tsv,text/csv,text/plain"
        hidden
        data-testid="import-file-input"
        onChange={(event) => {
          take(event.currentTarget.files);
          event.currentTarget.value = '';
        }}
      />
    </Paper>
  );
}
