import { Anchor, Button, Center, Table, Text } from '@mantine/core';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactListItem } from './contacts-api';

type ContactRowsProps = {
  contacts: ContactListItem[];
  onOpen: (id: string) => void;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
};

/** A short list of contacts (an account's): a plain table, more on request. */
export function ContactRows({ contacts, onOpen, hasMore, loadingMore, onLoadMore }: ContactRowsProps) {
  const { t } = useTranslation();
  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, id: string) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen(id);
    }
  };
  return (
    <>
      <Table highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('contact.fields.fullName')}</Table.Th>
            <Table.Th>{t('contact.fields.title')}</Table.Th>
            <Table.Th>{t('contact.fields.emails')}</Table.Th>
            <Table.Th>{t('contact.fields.phones')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {contacts.map((contact) => (
            <Table.Tr
              key={contact.id}
              tabIndex={0}
              style={{ cursor: 'pointer' }}
              onClick={() => onOpen(contact.id)}
              onKeyDown={(event) => onKeyDown(event, contact.id)}
            >
              <Table.Td>
                <Anchor component="span" size="sm" fw={500}>
                  {contact.fullName}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{contact.title}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{contact.emails[0]}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{contact.phones[0]}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {hasMore && (
        <Center mt="xs">
          <Button variant="subtle" size="xs" loading={loadingMore} onClick={onLoadMore}>
            {t('table.loadMore')}
          </Button>
        </Center>
      )}
    </>
  );
}
