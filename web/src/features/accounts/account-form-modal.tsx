import { Button, Center, Group, Loader, Modal, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isStaleVersion } from '../../api/problem';
import { createAccountInput, updateAccountInput } from '../../api/shared';
import { currentLanguage } from '../../i18n';
import { ConflictAlert } from '../../shared/conflict-alert';
import { schemaErrors, showErrorOnForm } from '../../shared/forms';
import { notifySuccess } from '../../shared/notify';
import { useMe } from '../auth/session';
import { type CustomField, customFieldsQuery } from '../custom-fields/custom-fields-api';
import { missingRequiredFields } from '../custom-fields/custom-values';
import { membersQuery } from '../members/members-api';
import { AccountFormFields } from './account-form-fields';
import { toAccountFormValues, toAccountInput } from './account-form-values';
import { type Account, accountQuery, useCreateAccount, useUpdateAccount } from './accounts-api';

type AccountFormModalProps = {
  opened: boolean;
  onClose: () => void;
  /** The account to edit; without it the form creates one. */
  account?: Account;
  onSaved?: (account: Account) => void;
};

/** Create or edit an account in a modal: Enter saves, Esc closes, the first field has the focus. */
export function AccountFormModal({ opened, onClose, account, onSaved }: AccountFormModalProps) {
  const { t } = useTranslation();
  const definitions = useQuery(customFieldsQuery('account'));
  const members = useQuery(membersQuery);
  const ready = definitions.isSuccess && members.isSuccess;
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="xl"
      title={account ? t('account.form.editTitle', { name: account.name }) : t('account.form.newTitle')}
    >
      {ready ? (
        <AccountForm
          account={account}
          definitions={definitions.data}
          members={members.data.map((member) => ({ value: member.userId, label: member.name }))}
          onClose={onClose}
          onSaved={onSaved}
        />
      ) : (
        <Center h={200}>
          <Loader aria-label={t('table.loading')} />
        </Center>
      )}
    </Modal>
  );
}

type AccountFormProps = Omit<AccountFormModalProps, 'opened'> & {
  definitions: CustomField[];
  members: { value: string; label: string }[];
};

function AccountForm({ account, definitions, members, onClose, onSaved }: AccountFormProps) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  // NOTE: the version this form was opened with, not the latest one fetched meanwhile: saving
  // over someone else's newer change must fail with 412 instead of silently overwriting it.
  const [version, setVersion] = useState(account?.version);
  const [conflict, setConflict] = useState(false);
  const create = useCreateAccount();
  const update = useUpdateAccount(account?.id ?? '');
  const schema = account ? updateAccountInput : createAccountInput;
  const defaults = { ownerId: me.user.id, currency: me.workspace.defaultCurrency };
  const form = useForm({
    initialValues: toAccountFormValues(account, defaults, definitions),
    validate: (values) => {
      const input = toAccountInput(values, definitions);
      const requiredMessage = (label: string) => t('customFields.requiredMessage', { label });
      const custom = (input.custom ?? {}) as Record<string, unknown>;
      return {
        ...schemaErrors(schema, input),
        ...missingRequiredFields(definitions, custom, requiredMessage, currentLanguage()),
      };
    },
  });
  const ownerOptions =
    account && !members.some((member) => member.value === account.ownerId)
      ? [{ value: account.owner.id, label: account.owner.name }, ...members]
      : members;

  const saved = (result: Account) => {
    notifySuccess(t('account.form.saved', { name: result.name }));
    onClose();
    onSaved?.(result);
  };

  const submit = form.onSubmit((values) => {
    const change = toAccountInput(values, definitions);
    const onError = (error: unknown) => (isStaleVersion(error) ? setConflict(true) : showErrorOnForm(form, error));
    if (account && version !== undefined) update.mutate({ change, version }, { onSuccess: saved, onError });
    else create.mutate(change, { onSuccess: saved, onError });
  });

  const reload = async () => {
    if (!account) return;
    const fresh = await queryClient.fetchQuery({ ...accountQuery(account.id), staleTime: 0 });
    form.setValues(toAccountFormValues(fresh, defaults, definitions));
    form.resetDirty();
    setVersion(fresh.version);
    setConflict(false);
  };

  const submitWithCtrlEnter = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit();
  };

  return (
    <form onSubmit={submit} onKeyDown={submitWithCtrlEnter} noValidate>
      <Stack>
        {conflict && <ConflictAlert onReload={reload} />}
        <AccountFormFields form={form} account={account} members={ownerOptions} definitions={definitions} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {account ? t('actions.save') : t('actions.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
