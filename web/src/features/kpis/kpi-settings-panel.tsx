import { Stack } from '@mantine/core';
import { HealthWeights } from './health-weights';
import { MetricCatalogue } from './metric-catalogue';

/** The KPI tab of the settings: the metric catalogue and the health weights. */
export function KpiSettingsPanel() {
  return (
    <Stack>
      <MetricCatalogue />
      <HealthWeights />
    </Stack>
  );
}
