import { Alert, Button, Code, CopyButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCalendarEvent } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../shared/notify';
import { useFormat } from '../../shared/use-format';
import { calendarFeedQuery, useRotateCalendarFeed, useTurnOffCalendarFeed } from './relationships-api';

/** The member's secret calendar address for planned meetings and next steps: made, replaced or turned off here. */
export function CalendarFeedPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const status = useQuery(calendarFeedQuery).data;
  const rotate = useRotateCalendarFeed();
  const turnOff = useTurnOffCalendarFeed();
  const [address, setAddress] = useState<string | null>(null);
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={4}>{t('calendarFeed.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('calendarFeed.hint')}
        </Text>
        {status && (
          <Text size="sm">
            {status.active && status.createdAt
              ? t('calendarFeed.on', { date: format.dateTime(status.createdAt) })
              : t('calendarFeed.off')}
            {status.lastReadAt ? ` ${t('calendarFeed.lastRead', { date: format.dateTime(status.lastReadAt) })}` : ''}
          </Text>
        )}
        {address && (
          <Alert
            icon={<IconCalendarEvent />}
            color="yellow"
            title={t('calendarFeed.addressTitle')}
            withCloseButton
            onClose={() => setAddress(null)}
          >
            <Stack gap="xs">
              <Text size="sm">{t('calendarFeed.addressOnce')}</Text>
              <Group gap="xs" wrap="nowrap">
                <Code fz="sm" p="xs" flex={1} style={{ wordBreak: 'break-all' }} data-testid="calendar-feed-address">
                  {address}
                </Code>
                <CopyButton value={address}>
                  {({ copied, copy }) => (
                    <Button variant="light" color={copied ? 'teal' : undefined} onClick={copy}>
                      {copied ? t('actions.copied') : t('actions.copy')}
                    </Button>
                  )}
                </CopyButton>
              </Group>
            </Stack>
          </Alert>
        )}
        <Group>
          <Button
            leftSection={<IconCalendarEvent size={16} />}
            loading={rotate.isPending}
            onClick={() =>
              rotate.mutate(undefined, {
                // NOTE: the address as this browser reaches the server, not as the server guesses it behind a proxy.
                onSuccess: (feed) => setAddress(new URL(feed.path, window.location.origin).toString()),
              })
            }
          >
            {status?.active ? t('calendarFeed.rotate') : t('calendarFeed.create')}
          </Button>
          {status?.active && (
            <Button
              variant="light"
              color="red"
              loading={turnOff.isPending}
              onClick={() =>
                turnOff.mutate(undefined, {
                  onSuccess: () => {
                    setAddress(null);
                    notifySuccess(t('calendarFeed.turnedOff'));
                  },
                })
              }
            >
              {t('calendarFeed.turnOff')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
