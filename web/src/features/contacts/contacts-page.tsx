import { Center, EmptyState, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAddressBook, IconSearch, IconSearchOff } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportMenu } from '../../shared/export-menu';
import { type VirtualColumn, VirtualTable } from '../../shared/virtual-table';
import { ContactDrawer } from './contact-drawer';
import { type ContactListItem, contactListQuery } from './contacts-api';

/** Every contact of the workspace, searched by name, e-mail, phone or title. */
export function ContactsPage() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/app/contacts' });
  const navigate = useNavigate({ from: '/contacts' });
  const [text, setText] = useState(search.q ?? '');
  const [debouncedText] = useDebouncedValue(text.trim(), 300);

  // biome-ignore lint/correctness/useExhaustiveDependencies: only settled typing searches
  useEffect(() => {
    if ((debouncedText || undefined) !== search.q) {
      void navigate({ search: (previous) => ({ ...previous, q: debouncedText || undefined }), replace: true });
    }
  }, [debouncedText]);

  const list = useInfiniteQuery({ ...contactListQuery({ q: search.q }), placeholderData: keepPreviousData });
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  const { fetchNextPage } = list;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const openContact = (id: string | undefined) =>
    void navigate({ search: (previous) => ({ ...previous, contact: id }), replace: !id });

  const columns = useMemo<VirtualColumn<ContactListItem>[]>(
    () => [
      {
        key: 'fullName',
        header: t('contact.fields.fullName'),
        width: 'minmax(180px, 2fr)',
        cell: (contact) => (
          <Text size="sm" fw={500} truncate>
            {contact.fullName}
          </Text>
        ),
      },
      {
        key: 'account',
        header: t('contact.fields.account'),
        width: 'minmax(140px, 2fr)',
        cell: (contact) => contact.account.name,
      },
      {
        key: 'title',
        header: t('contact.fields.title'),
        width: 'minmax(120px, 2fr)',
        cell: (contact) => contact.title ?? '',
      },
      {
        key: 'email',
        header: t('contact.fields.emails'),
        width: 'minmax(160px, 2fr)',
        cell: (contact) => contact.emails[0] ?? '',
      },
      { key: 'phone', header: t('contact.fields.phones'), width: '160px', cell: (contact) => contact.phones[0] ?? '' },
    ],
    [t],
  );

  return (
    <Stack h="calc(100dvh - var(--app-shell-header-offset, 56px) - 2 * var(--mantine-spacing-md))" gap="sm">
      <Group justify="space-between">
        <Title order={2}>{t('contacts.title')}</Title>
        <ExportMenu path="/exports/contacts" name="contacts" query={{ q: search.q }} />
      </Group>
      <TextInput
        type="search"
        w={360}
        aria-label={t('contacts.search')}
        placeholder={t('contacts.searchPlaceholder')}
        leftSection={<IconSearch size={16} />}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
      />
      {list.isPending ? (
        <Center flex={1}>
          <Loader aria-label={t('table.loading')} />
        </Center>
      ) : rows.length === 0 && !list.isFetching ? (
        <EmptyState
          icon={search.q ? <IconSearchOff /> : <IconAddressBook />}
          title={search.q ? t('contacts.noResults') : t('contacts.empty')}
          description={search.q ? t('contacts.noResultsHint') : t('contacts.emptyHint')}
        />
      ) : (
        <VirtualTable
          label={t('contacts.title')}
          tableId="contacts"
          rows={rows}
          columns={columns}
          rowKey={(contact) => contact.id}
          onOpen={(contact) => openContact(contact.id)}
          hasMore={Boolean(list.hasNextPage)}
          loadingMore={list.isFetchingNextPage}
          onLoadMore={loadMore}
        />
      )}
      <ContactDrawer contactId={search.contact} onClose={() => openContact(undefined)} onOpenContact={openContact} />
    </Stack>
  );
}
