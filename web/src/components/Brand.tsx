import { Box, Group, Text, ThemeIcon } from '@mantine/core';

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
        <Group gap={6} wrap="nowrap" align="baseline">
          <Text fw={700} size="lg" lh={1.2}>
            Sampan
          </Text>
          {/* Phones keep the header to one line: the Thai name and the company wait for wider screens. */}
          <Text c="dimmed" fw={500} size="sm" lh={1.2} visibleFrom="sm">
            สัมพันธ์
          </Text>
        </Group>
        {subtitle && (
          <Box visibleFrom="sm">
            <Text size="xs" c="dimmed" lh={1.2} truncate maw={220}>
              {subtitle}
            </Text>
          </Box>
        )}
      </div>
    </Group>
  );
}
