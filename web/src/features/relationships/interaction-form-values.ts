import type { InteractionKind, InteractionStatus } from '../../api/shared';
import { localDay } from '../../shared/local-day';
import type { Interaction } from './relationships-api';

export type InteractionFormValues = {
  kind: InteractionKind;
  status: InteractionStatus;
  /** `YYYY-MM-DDTHH:mm` in the browser's time zone, as a datetime-local input holds it. */
  occurredAt: string;
  durationMinutes: number | '';
  location: string;
  subject: string;
  summary: string;
  outcome: string;
  contactIds: string[];
  userIds: string[];
  nextStep: string;
  nextStepOwnerId: string | null;
  nextStepDueOn: string;
  nextStepDone: boolean;
};

const pad = (value: number) => String(value).padStart(2, '0');

/** A moment as a datetime-local input shows it, in the browser's time zone. */
export function toLocalInput(date: Date): string {
  return `${localDay(0, date)}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A datetime-local value back to an ISO instant; the text as it is when it is not a date (the schema then names it). */
export function fromLocalInput(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

export function toInteractionFormValues(
  interaction: Interaction | undefined,
  defaults: { now: Date; userId: string; contactIds?: string[] },
): InteractionFormValues {
  if (!interaction) {
    const now = new Date(defaults.now);
    now.setSeconds(0, 0);
    return {
      kind: 'meeting',
      status: 'held',
      occurredAt: toLocalInput(now),
      durationMinutes: 60,
      location: '',
      subject: '',
      summary: '',
      outcome: '',
      contactIds: defaults.contactIds ?? [],
      userIds: [defaults.userId],
      nextStep: '',
      nextStepOwnerId: null,
      nextStepDueOn: '',
      nextStepDone: false,
    };
  }
  return {
    kind: interaction.kind,
    status: interaction.status,
    occurredAt: toLocalInput(new Date(interaction.occurredAt)),
    durationMinutes: interaction.durationMinutes ?? '',
    location: interaction.location ?? '',
    subject: interaction.subject,
    summary: interaction.summary ?? '',
    outcome: interaction.outcome ?? '',
    contactIds: interaction.contacts.map((contact) => contact.id),
    userIds: interaction.users.map((user) => user.id),
    nextStep: interaction.nextStep ?? '',
    nextStepOwnerId: interaction.nextStepOwnerId,
    nextStepDueOn: interaction.nextStepDueOn ?? '',
    nextStepDone: interaction.nextStepDone,
  };
}

/** What the form sends: the API's own field names, blanks as null. */
export function toInteractionInput(values: InteractionFormValues): Record<string, unknown> {
  const hasNextStep = values.nextStep.trim() !== '';
  return {
    kind: values.kind,
    status: values.status,
    occurredAt: fromLocalInput(values.occurredAt),
    durationMinutes: values.durationMinutes === '' ? null : values.durationMinutes,
    location: values.location,
    subject: values.subject,
    summary: values.summary,
    outcome: values.outcome,
    contactIds: values.contactIds,
    userIds: values.userIds,
    nextStep: values.nextStep,
    nextStepOwnerId: hasNextStep ? values.nextStepOwnerId : null,
    nextStepDueOn: hasNextStep && values.nextStepDueOn ? values.nextStepDueOn : null,
    nextStepDone: hasNextStep && values.nextStepDone,
  };
}
