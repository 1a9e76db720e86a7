import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../auth/session';
import { ContactDrawer } from './contact-drawer';
import { ContactFormModal } from './contact-form-modal';
import { ContactRows } from './contact-rows';
import { contactListQuery } from './contacts-api';

/** The contacts of one account on its page: search, add, open one over the page. */
export function AccountContacts({ account }: { account: { id: string; name: string } }) {
  const { t } = useTranslation();
  const canWrite = useCan('contacts:write');
  const { contact: openContactId } = useSearch({ from: '/app/accounts/$accountId' });
  const navigate = useNavigate({ from: '/accounts/$accountId' });
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 300);
  const [adding, setAdding] = useState(false);
  const list = useInfiniteQuery({
    ...contactListQuery({ accountId: account.id, q: q || undefined }),
    placeholderData: keepPreviousData,
  });
  const contacts = list.data?.pages.flatMap((page) => page.items) ?? [];
  const openContact = (id: string | undefined) =>
    void navigate({ search: (previous) => ({ ...previous, contact: id }), replace: !id });

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3}>{t('contacts.title')}</Title>
          <Group gap="xs">
            <TextInput
              type="search"
              size="sm"
              aria-label={t('contacts.search')}
              placeholder={t('contacts.search')}
              leftSection={<IconSearch size={16} />}
              value={text}
              onChange={(event) => setText(event.currentTarget.value)}
            />
            {canWrite && (
              <Button size="sm" leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
                {t('contacts.add')}
              </Button>
            )}
          </Group>
        </Group>
        {list.isSuccess && contacts.length === 0 ? (
          <Text c="dimmed" size="sm">
            {q ? t('contacts.noResults') : t('contacts.emptyForAccount')}
          </Text>
        ) : (
          <ContactRows
            contacts={contacts}
            onOpen={openContact}
            hasMore={Boolean(list.hasNextPage)}
            loadingMore={list.isFetchingNextPage}
            onLoadMore={() => void list.fetchNextPage()}
          />
        )}
      </Stack>
      <ContactFormModal opened={adding} onClose={() => setAdding(false)} accountId={account.id} />
      <ContactDrawer contactId={openContactId} onClose={() => openContact(undefined)} onOpenContact={openContact} />
    </Paper>
  );
}
