import { Anchor, Button, Center, Drawer, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconEdit, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../shared/anchor-link';
import { confirmDanger } from '../../shared/confirm';
import { DetailsList } from '../../shared/details-list';
import { notifySuccess } from '../../shared/notify';
import { useCan } from '../auth/session';
import { useCustomFieldValues } from '../custom-fields/custom-field-values';
import { customFieldsQuery } from '../custom-fields/custom-fields-api';
import { ContactFormModal } from './contact-form-modal';
import { type Contact, contactQuery, useDeleteContact } from './contacts-api';

type ContactDrawerProps = {
  contactId: string | undefined;
  onClose: () => void;
  /** Opens another contact in the drawer (manager, direct report). */
  onOpenContact: (id: string) => void;
};

/** A contact over the page: read it, edit it, delete it. */
export function ContactDrawer({ contactId, onClose, onOpenContact }: ContactDrawerProps) {
  const { t } = useTranslation();
  const query = useQuery({ ...contactQuery(contactId ?? ''), enabled: Boolean(contactId) });
  return (
    <Drawer opened={Boolean(contactId)} onClose={onClose} position="right" size="lg" title={t('contact.title')}>
      {query.isError ? (
        <Text c="red">{query.error.message}</Text>
      ) : query.data ? (
        <ContactView contact={query.data} onDeleted={onClose} onOpenContact={onOpenContact} />
      ) : (
        <Center h={200}>
          <Loader aria-label={t('table.loading')} />
        </Center>
      )}
    </Drawer>
  );
}

function ContactView(props: { contact: Contact; onDeleted: () => void; onOpenContact: (id: string) => void }) {
  const { contact, onOpenContact } = props;
  const { t } = useTranslation();
  const canWrite = useCan('contacts:write');
  const canDelete = useCan('contacts:delete');
  const [editing, setEditing] = useState(false);
  const deleteContact = useDeleteContact();
  const definitions = useQuery(customFieldsQuery('contact')).data ?? [];
  const customValues = useCustomFieldValues(definitions, contact.custom);

  const askToDelete = () =>
    confirmDanger({
      title: t('contact.delete.title'),
      message: t('contact.delete.text', { name: contact.fullName }),
      confirmLabel: t('contact.delete.confirm'),
      onConfirm: () =>
        deleteContact.mutate(contact, {
          onSuccess: () => {
            notifySuccess(t('contact.delete.done', { name: contact.fullName }));
            props.onDeleted();
          },
        }),
    });

  const contactLink = (person: { id: string; fullName: string }) => (
    <Anchor key={person.id} component="button" type="button" size="sm" onClick={() => onOpenContact(person.id)}>
      {person.fullName}
    </Anchor>
  );

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={3}>{contact.fullName}</Title>
          <Text c="dimmed" size="sm">
            {[contact.title, contact.department].filter(Boolean).join(' · ')}
          </Text>
        </div>
        <Group gap="xs">
          {canWrite && (
            <Button size="xs" variant="light" leftSection={<IconEdit size={14} />} onClick={() => setEditing(true)}>
              {t('actions.edit')}
            </Button>
          )}
          {canDelete && (
            <Button size="xs" variant="light" color="red" leftSection={<IconTrash size={14} />} onClick={askToDelete}>
              {t('actions.delete')}
            </Button>
          )}
        </Group>
      </Group>
      <DetailsList
        entries={[
          {
            label: t('contact.fields.account'),
            value: (
              <AnchorLink to="/accounts/$accountId" params={{ accountId: contact.account.id }} size="sm">
                {contact.account.name}
              </AnchorLink>
            ),
          },
          {
            label: t('contact.fields.emails'),
            value: contact.emails.length > 0 && (
              <Stack gap={2}>
                {contact.emails.map((email) => (
                  <Anchor key={email} href={`mailto:${email}`} size="sm">
                    {email}
                  </Anchor>
                ))}
              </Stack>
            ),
          },
          {
            label: t('contact.fields.phones'),
            value: contact.phones.length > 0 && (
              <Stack gap={2}>
                {contact.phones.map((phone) => (
                  <Anchor key={phone} href={`tel:${phone.replace(/[^\d+]/g, '')}`} size="sm">
                    {phone}
                  </Anchor>
                ))}
              </Stack>
            ),
          },
          {
            label: t('contact.fields.messengers'),
            value: contact.messengers
              .map((messenger) => `${t(`messenger.${messenger.kind}`)}: ${messenger.handle}`)
              .join(', '),
          },
          { label: t('contact.fields.reportsTo'), value: contact.reportsTo && contactLink(contact.reportsTo) },
          {
            label: t('contact.fields.directReports'),
            value: contact.directReports.length > 0 && <Stack gap={2}>{contact.directReports.map(contactLink)}</Stack>,
          },
          ...customValues,
        ]}
      />
      {contact.notes && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {contact.notes}
        </Text>
      )}
      <ContactFormModal
        opened={editing}
        onClose={() => setEditing(false)}
        accountId={contact.accountId}
        contact={contact}
      />
    </Stack>
  );
}
