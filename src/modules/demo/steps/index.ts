import type { DemoStep } from '../demo-context';
import { accountTeamsStep } from './account-teams';
import { accountsStep } from './accounts';
import { clientCareStep } from './client-care';
import { clientWorkStep } from './client-work';
import { contactsStep } from './contacts';
import { customFieldsStep } from './custom-fields';
import { deliveryStep } from './delivery';
import { financeStep } from './finance';
import { kpisStep } from './kpis';
import { opportunitiesStep } from './opportunities';
import { plansStep } from './plans';
import { portfolioStep } from './portfolio';
import { relationshipsStep } from './relationships';
import { usersStep } from './users';

/**
 * The demo data, step by step, in order: a step may use what the earlier ones created. A new
 * capability adds its own step file and puts it here after the steps whose records it needs.
 */
export const demoSteps: readonly DemoStep[] = [
  usersStep,
  customFieldsStep,
  accountsStep,
  accountTeamsStep,
  contactsStep,
  relationshipsStep,
  portfolioStep,
  kpisStep,
  financeStep,
  deliveryStep,
  clientWorkStep,
  clientCareStep,
  plansStep,
  opportunitiesStep,
];
