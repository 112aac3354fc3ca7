import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Brand } from './Brand.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

/** The frame of the pages before sign-in: setup and login. */
export function PublicLayout({
  title,
  subtitle,
  width = 440,
  children,
}: {
  title: string;
  subtitle?: string;
  width?: number;
  children: ReactNode;
}) {
  return (
    <Box mih="100vh" bg="gray.0">
      <Group justify="space-between" px="lg" py="md">
        <Brand />
        <LanguageSwitch />
      </Group>
      <Center px="md" pb="xl" pt="md">
        <Paper withBorder shadow="sm" radius="lg" p="xl" w="100%" maw={width}>
          <Stack gap={4} mb="lg">
            <Title order={2}>{title}</Title>
            {subtitle && (
              <Text c="dimmed" size="sm">
                {subtitle}
              </Text>
            )}
          </Stack>
          {children}
        </Paper>
      </Center>
    </Box>
  );
}
