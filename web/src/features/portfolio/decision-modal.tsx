import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/problem';
import { notifyError, notifySuccess } from '../../shared/notify';
import { type Designation, useDecide } from './portfolio-api';

type DecisionModalProps = {
  designation: Designation | null;
  decision: 'approve' | 'reject';
  onClose: () => void;
};

/** Approve (comment optional) or reject (comment required) a nomination. */
export function DecisionModal({ designation, decision, onClose }: DecisionModalProps) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const decide = useDecide();
  const name = designation?.account.name ?? '';
  const close = () => {
    setComment('');
    setError(null);
    onClose();
  };
  const submit = () => {
    if (!designation) return;
    if (decision === 'reject' && comment.trim() === '') {
      setError(t('portfolio.decision.commentRequired'));
      return;
    }
    decide.mutate(
      { designation, decision, comment },
      {
        onSuccess: () => {
          notifySuccess(
            t(decision === 'approve' ? 'portfolio.decision.approved' : 'portfolio.decision.rejected', { name }),
          );
          close();
        },
        onError: (failure) => {
          const onComment = isApiError(failure)
            ? failure.problem.errors.find((item) => item.path === 'comment')
            : undefined;
          if (onComment) setError(onComment.message);
          else notifyError(failure);
        },
      },
    );
  };
  return (
    <Modal
      opened={designation !== null}
      onClose={close}
      title={t(decision === 'approve' ? 'portfolio.decision.approveTitle' : 'portfolio.decision.rejectTitle', { name })}
    >
      <Stack>
        <Textarea
          label={t('portfolio.decision.comment')}
          required={decision === 'reject'}
          autosize
          minRows={3}
          value={comment}
          error={error}
          onChange={(event) => setComment(event.currentTarget.value)}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('actions.cancel')}
          </Button>
          <Button color={decision === 'approve' ? 'teal' : 'red'} loading={decide.isPending} onClick={submit}>
            {t(decision === 'approve' ? 'portfolio.decision.approve' : 'portfolio.decision.reject')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
