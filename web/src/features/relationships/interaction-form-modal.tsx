import {
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isStaleVersion } from '../../api/problem';
import {
  createInteractionInput,
  interactionKinds,
  interactionStatuses,
  updateInteractionInput,
} from '../../api/shared';
import { ConflictAlert } from '../../shared/conflict-alert';
import { schemaErrors, showErrorOnForm } from '../../shared/forms';
import { notifySuccess } from '../../shared/notify';
import { useMe } from '../auth/session';
import { accountContactsQuery } from '../contacts/contacts-api';
import { membersQuery } from '../members/members-api';
import { type InteractionFormValues, toInteractionFormValues, toInteractionInput } from './interaction-form-values';
import { type Interaction, interactionQuery, useSaveInteraction } from './relationships-api';

type InteractionFormModalProps = {
  opened: boolean;
  onClose: () => void;
  accountId: string;
  /** The interaction to edit; without it the form logs a new one. */
  interaction?: Interaction;
};

export function InteractionFormModal(props: InteractionFormModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      size="xl"
      title={props.interaction ? t('interactions.form.editTitle') : t('interactions.form.newTitle')}
    >
      {props.opened && <InteractionForm {...props} />}
    </Modal>
  );
}

function InteractionForm({ onClose, accountId, interaction }: InteractionFormModalProps) {
  const { t } = useTranslation();
  const me = useMe();
  const contacts = useQuery(accountContactsQuery(accountId)).data ?? [];
  const members = useQuery(membersQuery).data ?? [];
  const queryClient = useQueryClient();
  const save = useSaveInteraction();
  // NOTE: the version the form was opened with, as in the other forms.
  const [version, setVersion] = useState(interaction?.version);
  const [conflict, setConflict] = useState(false);
  const form = useForm<InteractionFormValues>({
    initialValues: toInteractionFormValues(interaction, { now: new Date(), userId: me.user.id }),
    validate: (values) => {
      const input = toInteractionInput(values);
      return interaction
        ? schemaErrors(updateInteractionInput, input)
        : schemaErrors(createInteractionInput, { ...input, accountId });
    },
  });
  const memberOptions = members.map((member) => ({ value: member.userId, label: member.name }));
  const submit = form.onSubmit((values) => {
    const input = toInteractionInput(values);
    save.mutate(interaction ? { id: interaction.id, version, change: input } : { change: { ...input, accountId } }, {
      onSuccess: () => {
        notifySuccess(t('interactions.form.saved'));
        onClose();
      },
      onError: (error) => (isStaleVersion(error) ? setConflict(true) : showErrorOnForm(form, error)),
    });
  });
  const reload = async () => {
    if (!interaction) return;
    const fresh = await queryClient.fetchQuery({ ...interactionQuery(interaction.id), staleTime: 0 });
    form.setValues(toInteractionFormValues(fresh, { now: new Date(), userId: me.user.id }));
    form.resetDirty();
    setVersion(fresh.version);
    setConflict(false);
  };
  const hasNextStep = form.values.nextStep.trim() !== '';
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {conflict && <ConflictAlert onReload={reload} />}
        <Group grow align="flex-end">
          <Select
            label={t('interactions.form.kind')}
            data={interactionKinds.map((kind) => ({ value: kind, label: t(`interactionKind.${kind}`) }))}
            allowDeselect={false}
            {...form.getInputProps('kind')}
          />
          <SegmentedControl
            aria-label={t('interactions.form.status')}
            data={interactionStatuses.map((status) => ({ value: status, label: t(`interactionStatus.${status}`) }))}
            {...form.getInputProps('status')}
          />
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            type="datetime-local"
            label={t('interactions.form.occurredAt')}
            required
            {...form.getInputProps('occurredAt')}
          />
          <NumberInput
            label={t('interactions.form.durationMinutes')}
            min={1}
            max={1440}
            allowDecimal={false}
            {...form.getInputProps('durationMinutes')}
          />
          <TextInput label={t('interactions.form.location')} {...form.getInputProps('location')} />
        </SimpleGrid>
        <TextInput label={t('interactions.form.subject')} required data-autofocus {...form.getInputProps('subject')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <MultiSelect
            label={t('interactions.form.contacts')}
            data={contacts.map((contact) => ({ value: contact.id, label: contact.fullName }))}
            searchable
            {...form.getInputProps('contactIds')}
          />
          <MultiSelect
            label={t('interactions.form.users')}
            data={memberOptions}
            searchable
            {...form.getInputProps('userIds')}
          />
        </SimpleGrid>
        <Textarea
          label={t('interactions.form.summary')}
          autosize
          minRows={2}
          maxRows={6}
          {...form.getInputProps('summary')}
        />
        <Textarea
          label={t('interactions.form.outcome')}
          autosize
          minRows={1}
          maxRows={4}
          {...form.getInputProps('outcome')}
        />
        <TextInput label={t('interactions.form.nextStep')} {...form.getInputProps('nextStep')} />
        {hasNextStep && (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('interactions.form.nextStepOwner')}
              data={memberOptions}
              searchable
              clearable
              {...form.getInputProps('nextStepOwnerId')}
            />
            <TextInput
              type="date"
              label={t('interactions.form.nextStepDueOn')}
              {...form.getInputProps('nextStepDueOn')}
            />
            <Checkbox
              mt="xl"
              label={t('interactions.form.nextStepDone')}
              {...form.getInputProps('nextStepDone', { type: 'checkbox' })}
            />
          </SimpleGrid>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {interaction ? t('actions.save') : t('actions.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
