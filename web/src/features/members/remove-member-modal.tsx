import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/problem';
import { notifyError, notifySuccess } from '../../shared/notify';
import { accountFacetsQuery } from '../accounts/accounts-api';
import { type Member, useRemoveMember } from './members-api';

type RemoveMemberModalProps = { member: Member | null; members: Member[]; onClose: () => void };

/** Removes a member; whoever owns accounts hands them to someone chosen here. */
export function RemoveMemberModal({ member, members, onClose }: RemoveMemberModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={member !== null} onClose={onClose} title={t('members.removeTitle')}>
      {member && <RemoveMemberForm key={member.userId} member={member} members={members} onClose={onClose} />}
    </Modal>
  );
}

function RemoveMemberForm({ member, members, onClose }: { member: Member; members: Member[]; onClose: () => void }) {
  const { t } = useTranslation();
  const remove = useRemoveMember();
  const facets = useQuery(accountFacetsQuery()).data;
  const ownedAccounts = facets?.owners.find((owner) => owner.id === member.userId)?.count ?? 0;
  const [reassignTo, setReassignTo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const others = members
    .filter((candidate) => candidate.userId !== member.userId)
    .map((candidate) => ({ value: candidate.userId, label: candidate.name }));

  const confirm = () => {
    if (ownedAccounts > 0 && !reassignTo) {
      setError(t('members.reassignRequired'));
      return;
    }
    remove.mutate(
      { userId: member.userId, reassignTo: reassignTo ?? undefined },
      {
        onSuccess: () => {
          notifySuccess(t('members.removed', { name: member.name }));
          onClose();
        },
        onError: (failure) => {
          if (isApiError(failure) && failure.status === 422) setError(failure.problem.detail);
          else notifyError(failure);
        },
      },
    );
  };

  return (
    <Stack>
      <Text size="sm">{t('members.removeText', { name: member.name, email: member.email })}</Text>
      {ownedAccounts > 0 && (
        <Text size="sm">{t('members.ownsAccounts', { name: member.name, count: ownedAccounts })}</Text>
      )}
      <Select
        label={t('members.reassignTo')}
        data={others}
        value={reassignTo}
        onChange={(value) => {
          setReassignTo(value);
          setError(null);
        }}
        searchable
        clearable
        error={error}
        data-autofocus
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('actions.cancel')}
        </Button>
        <Button color="red" loading={remove.isPending} onClick={confirm}>
          {t('members.removeConfirm')}
        </Button>
      </Group>
    </Stack>
  );
}
