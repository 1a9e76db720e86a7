import { useTranslation } from 'react-i18next';
import { PipelineBoard } from './pipeline-board';

/** The workspace's pipeline: open opportunities of every account the reader sees, by stage. */
export function PipelinePage() {
  const { t } = useTranslation();
  return <PipelineBoard title={t('opportunities.workspaceBoard')} />;
}
