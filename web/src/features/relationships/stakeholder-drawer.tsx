import {
  ActionIcon,
  Button,
  Center,
  Divider,
  Drawer,
  Group,
  Loader,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconTrash } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isStaleVersion } from '../../api/problem';
import {
  buyingRoles,
  decisionOrientations,
  influenceLevels,
  linkKinds,
  type RelationshipLevel,
  relationshipLevels,
  supportLevels,
  updateStakeholderInput,
} from '../../api/shared';
import { AnchorLink } from '../../shared/anchor-link';
import { ConflictAlert } from '../../shared/conflict-alert';
import { schemaErrors, showErrorOnForm } from '../../shared/forms';
import { notifySuccess } from '../../shared/notify';
import { useCan } from '../auth/session';
import { membersQuery } from '../members/members-api';
import {
  type Stakeholder,
  stakeholderQuery,
  useAddCoverage,
  useAddLink,
  useChangeCoverage,
  useRemoveCoverage,
  useRemoveLink,
  useSaveStakeholder,
} from './relationships-api';

/** The stakeholder's four choice attributes, each with its values (labels under the same key). */
const attributeChoices = [
  ['buyingRole', buyingRoles],
  ['support', supportLevels],
  ['influence', influenceLevels],
  ['decisionOrientation', decisionOrientations],
] as const;

type StakeholderDrawerProps = {
  contactId: string | undefined;
  onClose: () => void;
  /** The account's people, for drawing dotted lines to them. */
  colleagues: readonly { id: string; fullName: string }[];
};

/** A person's stakeholder attributes, our owners of the relationship and their dotted lines, over the chart. */
export function StakeholderDrawer({ contactId, onClose, colleagues }: StakeholderDrawerProps) {
  const { t } = useTranslation();
  const query = useQuery({ ...stakeholderQuery(contactId ?? ''), enabled: Boolean(contactId) });
  return (
    <Drawer opened={Boolean(contactId)} onClose={onClose} position="right" size="lg" title={t('stakeholder.title')}>
      {query.data && query.data.contactId === contactId ? (
        <StakeholderView key={query.data.contactId} stakeholder={query.data} colleagues={colleagues} />
      ) : (
        <Center h={200}>
          <Loader aria-label={t('table.loading')} />
        </Center>
      )}
    </Drawer>
  );
}

function StakeholderView({
  stakeholder,
  colleagues,
}: {
  stakeholder: Stakeholder;
  colleagues: StakeholderDrawerProps['colleagues'];
}) {
  const { t } = useTranslation();
  const canEdit = useCan('relationships:write');
  return (
    <Stack>
      <div>
        <Title order={3}>{stakeholder.fullName}</Title>
        <Text size="sm" c={stakeholder.stale ? 'orange.8' : 'dimmed'}>
          {t('stakeholder.lastContact')}:{' '}
          {stakeholder.freshnessDays === null
            ? t('stakeholder.never')
            : t('stakeholder.daysAgo', { count: stakeholder.freshnessDays })}
        </Text>
        <AnchorLink
          to="/accounts/$accountId"
          params={{ accountId: stakeholder.accountId }}
          search={{ contact: stakeholder.contactId }}
          size="sm"
        >
          {t('stakeholder.openContact')}
        </AnchorLink>
      </div>
      <AttributesForm stakeholder={stakeholder} canEdit={canEdit} />
      <Divider label={t('stakeholder.coverage')} labelPosition="left" />
      <CoverageSection stakeholder={stakeholder} canEdit={canEdit} />
      <Divider label={t('stakeholder.links')} labelPosition="left" />
      <LinksSection stakeholder={stakeholder} canEdit={canEdit} colleagues={colleagues} />
    </Stack>
  );
}

type AttributeValues = {
  buyingRole: string | null;
  support: string | null;
  influence: string | null;
  decisionOrientation: string | null;
  keyPlayer: boolean;
  notes: string;
};

const valuesOf = (stakeholder: Stakeholder): AttributeValues => ({
  buyingRole: stakeholder.buyingRole,
  support: stakeholder.support,
  influence: stakeholder.influence,
  decisionOrientation: stakeholder.decisionOrientation,
  keyPlayer: stakeholder.keyPlayer,
  notes: stakeholder.notes ?? '',
});

function AttributesForm({ stakeholder, canEdit }: { stakeholder: Stakeholder; canEdit: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const save = useSaveStakeholder();
  const [version, setVersion] = useState(stakeholder.version);
  const [conflict, setConflict] = useState(false);
  const form = useForm<AttributeValues>({
    initialValues: valuesOf(stakeholder),
    validate: (values) => schemaErrors(updateStakeholderInput, values),
  });
  const options = <T extends string>(
    values: readonly T[],
    prefix: 'buyingRole' | 'support' | 'influence' | 'decisionOrientation',
  ) => values.map((value) => ({ value, label: t(`${prefix}.${value}` as never) as string }));
  const submit = form.onSubmit((values) =>
    save.mutate(
      { contactId: stakeholder.contactId, version, change: values },
      {
        onSuccess: (saved) => {
          setVersion(saved.version);
          form.resetDirty(valuesOf(saved));
          notifySuccess(t('stakeholder.saved'));
        },
        onError: (error) => (isStaleVersion(error) ? setConflict(true) : showErrorOnForm(form, error)),
      },
    ),
  );
  const reload = async () => {
    const fresh = await queryClient.fetchQuery({ ...stakeholderQuery(stakeholder.contactId), staleTime: 0 });
    form.setValues(valuesOf(fresh));
    form.resetDirty();
    setVersion(fresh.version);
    setConflict(false);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {conflict && <ConflictAlert onReload={reload} />}
        <SimpleGrid cols={2}>
          {attributeChoices.map(([field, values]) => (
            <Select
              key={field}
              label={t(`stakeholder.${field}`)}
              data={options(values, field)}
              clearable
              disabled={!canEdit}
              {...form.getInputProps(field)}
            />
          ))}
        </SimpleGrid>
        <Switch
          label={t('stakeholder.keyPlayer')}
          disabled={!canEdit}
          {...form.getInputProps('keyPlayer', { type: 'checkbox' })}
        />
        <Textarea
          label={t('stakeholder.notes')}
          autosize
          minRows={2}
          maxRows={6}
          disabled={!canEdit}
          {...form.getInputProps('notes')}
        />
        {canEdit && (
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
              {t('actions.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

function CoverageSection({ stakeholder, canEdit }: { stakeholder: Stakeholder; canEdit: boolean }) {
  const { t } = useTranslation();
  const members = useQuery(membersQuery).data ?? [];
  const change = useChangeCoverage();
  const remove = useRemoveCoverage();
  const add = useAddCoverage();
  const [newOwner, setNewOwner] = useState<string | null>(null);
  const [newLevel, setNewLevel] = useState<RelationshipLevel>('vendor');
  const [newTarget, setNewTarget] = useState<RelationshipLevel>('credible_source');
  const levels = relationshipLevels.map((level) => ({ value: level, label: t(`relationshipLevel.${level}`) }));
  const taken = new Set(stakeholder.coverage.map((coverage) => coverage.userId));
  const available = members
    .filter((member) => !taken.has(member.userId))
    .map((member) => ({ value: member.userId, label: member.name }));
  return (
    <Stack gap="xs">
      {stakeholder.coverage.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('stakeholder.noCoverage')}
        </Text>
      )}
      {stakeholder.coverage.map((coverage) => {
        const name = coverage.userName ?? t('relationships.formerMember');
        return (
          <Group key={coverage.id} gap="xs" wrap="nowrap" align="flex-end">
            <Text size="sm" fw={500} w={150} truncate>
              {name}
            </Text>
            <Select
              size="xs"
              label={t('stakeholder.currentLevel')}
              data={levels}
              value={coverage.currentLevel}
              allowDeselect={false}
              disabled={!canEdit}
              onChange={(value) => value && change.mutate({ coverage, change: { currentLevel: value } })}
            />
            <Select
              size="xs"
              label={t('stakeholder.targetLevel')}
              data={levels}
              value={coverage.targetLevel}
              allowDeselect={false}
              disabled={!canEdit}
              onChange={(value) => value && change.mutate({ coverage, change: { targetLevel: value } })}
            />
            {canEdit && (
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('stakeholder.removeOwner', { name })}
                onClick={() => remove.mutate(coverage)}
              >
                <IconTrash size={16} />
              </ActionIcon>
            )}
          </Group>
        );
      })}
      {canEdit && (
        <Stack gap={6}>
          <SimpleGrid cols={3} spacing="xs">
            <Select
              size="xs"
              label={t('stakeholder.owner')}
              data={available}
              value={newOwner}
              onChange={setNewOwner}
              searchable
            />
            <Select
              size="xs"
              label={t('stakeholder.currentLevel')}
              data={levels}
              value={newLevel}
              allowDeselect={false}
              onChange={(value) => value && setNewLevel(value as RelationshipLevel)}
            />
            <Select
              size="xs"
              label={t('stakeholder.targetLevel')}
              data={levels}
              value={newTarget}
              allowDeselect={false}
              onChange={(value) => value && setNewTarget(value as RelationshipLevel)}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button
              size="xs"
              disabled={!newOwner}
              loading={add.isPending}
              onClick={() =>
                newOwner &&
                add.mutate(
                  {
                    contactId: stakeholder.contactId,
                    change: { userId: newOwner, currentLevel: newLevel, targetLevel: newTarget },
                  },
                  {
                    onSuccess: (added) => {
                      setNewOwner(null);
                      notifySuccess(t('stakeholder.ownerAdded', { name: added.userName ?? '' }));
                    },
                  },
                )
              }
            >
              {t('stakeholder.addOwner')}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}

function LinksSection(props: {
  stakeholder: Stakeholder;
  canEdit: boolean;
  colleagues: StakeholderDrawerProps['colleagues'];
}) {
  const { stakeholder, canEdit, colleagues } = props;
  const { t } = useTranslation();
  const add = useAddLink();
  const remove = useRemoveLink();
  const [other, setOther] = useState<string | null>(null);
  const [kind, setKind] = useState<string>('influences');
  const [note, setNote] = useState('');
  const lineOf = (link: Stakeholder['links'][number]) => {
    const name = link.other.fullName;
    if (link.kind === 'in_conflict_with') return t('stakeholder.inConflictWith', { name });
    return link.fromContactId === stakeholder.contactId
      ? t('stakeholder.influences', { name })
      : t('stakeholder.influencedBy', { name });
  };
  return (
    <Stack gap="xs">
      {stakeholder.links.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('stakeholder.noLinks')}
        </Text>
      )}
      {stakeholder.links.map((link) => (
        <Group key={link.id} gap="xs" justify="space-between" wrap="nowrap">
          <div>
            <Text size="sm">{lineOf(link)}</Text>
            {link.note && (
              <Text size="xs" c="dimmed">
                {link.note}
              </Text>
            )}
          </div>
          {canEdit && (
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('stakeholder.removeLink')}
              onClick={() => remove.mutate(link)}
            >
              <IconTrash size={16} />
            </ActionIcon>
          )}
        </Group>
      ))}
      {canEdit && (
        <Stack gap={6}>
          <SimpleGrid cols={3} spacing="xs">
            <Select
              size="xs"
              label={t('stakeholder.linkKind')}
              data={linkKinds.map((value) => ({ value, label: t(`linkKind.${value}`) }))}
              value={kind}
              allowDeselect={false}
              onChange={(value) => value && setKind(value)}
            />
            <Select
              size="xs"
              label={t('stakeholder.linkWith')}
              data={colleagues
                .filter((colleague) => colleague.id !== stakeholder.contactId)
                .map((colleague) => ({ value: colleague.id, label: colleague.fullName }))}
              value={other}
              onChange={setOther}
              searchable
            />
            <TextInput
              size="xs"
              label={t('stakeholder.linkNote')}
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button
              size="xs"
              disabled={!other}
              loading={add.isPending}
              onClick={() =>
                other &&
                add.mutate(
                  { fromContactId: stakeholder.contactId, toContactId: other, kind, note },
                  {
                    onSuccess: () => {
                      setOther(null);
                      setNote('');
                    },
                  },
                )
              }
            >
              {t('stakeholder.addLink')}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
