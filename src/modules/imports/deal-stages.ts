import type { UseCaseContext } from '../../platform/use-case';
import { getPipeline, type PipelineStage } from '../opportunities';
import type { ValueMappings } from './formats/fields';
import { normalizeHeader } from './formats/suggest';

// NOTE: the standard stage names of Salesforce, HubSpot (internal ids and labels), Bitrix24 and
// amoCRM, compared after `normalizeHeader`, pointing at the keys of Accord's default pipeline.
const crmStages: Record<string, string[]> = {
  qualify: [
    'prospecting',
    'qualification',
    'new',
    'appointmentscheduled',
    'qualifiedtobuy',
    'новая',
    'новаясделка',
    'первичныйконтакт',
    'неразобранное',
  ],
  discover: [
    'needsanalysis',
    'valueproposition',
    'iddecisionmakers',
    'perceptionanalysis',
    'presentationscheduled',
    'decisionmakerboughtin',
    'подготовкадокументов',
    'вработе',
  ],
  propose: ['proposalpricequote', 'proposal', 'contractsent', 'счетнапредоплату', 'предложение'],
  negotiate: ['negotiationreview', 'negotiation', 'принимаютрешение', 'согласованиедоговора', 'финальныйсчет'],
  won: ['closedwon', 'won', 'сделкауспешна', 'успешнореализовано', 'выиграна', 'выиграно'],
  lost: ['closedlost', 'lost', 'сделкапровалена', 'закрытоинереализовано', 'проиграна', 'проиграно'],
};

export type StageMatch = { stage: PipelineStage } | { unknown: string; chosen: boolean };

/**
 * Matches a stage written in a file to the workspace's pipeline: the user's choice for that value
 * first, then a stage's own title or key (either language), then a CRM's standard name of a default
 * stage. An empty stage is the pipeline's first, as for a deal opened by hand.
 */
export async function stageMatcher(
  ctx: UseCaseContext,
  valueMappings: ValueMappings,
): Promise<(value: string | null) => StageMatch> {
  const stages = await getPipeline(ctx);
  const byId = new Map(stages.map((stage) => [stage.id, stage]));
  const byName = new Map<string, PipelineStage>();
  for (const stage of stages) {
    for (const name of [stage.titleEn, stage.titleRu, stage.key ?? '']) {
      const normalized = normalizeHeader(name);
      if (normalized && !byName.has(normalized)) byName.set(normalized, stage);
    }
  }
  for (const [key, names] of Object.entries(crmStages)) {
    const stage = stages.find((candidate) => candidate.key === key);
    if (!stage) continue;
    for (const name of names) if (!byName.has(name)) byName.set(name, stage);
  }
  const chosen = valueMappings.stage ?? {};
  const first = stages[0] as PipelineStage;
  return (value) => {
    if (!value) return { stage: first };
    const choice = chosen[value];
    if (choice) {
      const stage = byId.get(choice);
      return stage ? { stage } : { unknown: value, chosen: true };
    }
    const stage = byName.get(normalizeHeader(value));
    return stage ? { stage } : { unknown: value, chosen: false };
  };
}
