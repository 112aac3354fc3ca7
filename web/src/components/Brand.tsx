import { Group, Text, ThemeIcon } from '@mantine/core';

/** The product name is the same in both languages: Sampan, with its Thai spelling beside it. */
export function Brand({ subtitle }: { subtitle?: string }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <ThemeIcon size={34} radius="md" variant="filled" aria-hidden>
        <Text fw={700} size="lg" c="white" lh={1}>
          S
        </Text>
      </ThemeIcon>
      <div>
        <Text fw={700} size="lg" lh={1.2}>
          Sampan <Text span c="dimmed" fw={500} size="sm">สัมพันธ์</Text>
        </Text>
        {subtitle && (
          <Text size="xs" c="dimmed" lh={1.2} truncate maw={220}>
            {subtitle}
          </Text>
        )}
      </div>
    </Group>
  );
}
