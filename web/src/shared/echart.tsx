import { LineChart, LinesChart, ScatterChart } from 'echarts/charts';
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import { type ECharts, type EChartsCoreOption, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { type CSSProperties, useEffect, useRef } from 'react';

// NOTE: only the parts of ECharts the app draws, so the bundle carries no more; a capability that
// needs another chart type registers it here.
use([
  ScatterChart,
  LineChart,
  DataZoomComponent,
  LinesChart,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export type EChartClick = { data: unknown; seriesType: string };

type EChartProps = {
  option: EChartsCoreOption;
  /** Names the chart for assistive technology (a canvas says nothing by itself). */
  label: string;
  onClick?: (event: EChartClick) => void;
  /** Called once the chart has drawn the current option. */
  onRendered?: () => void;
  style?: CSSProperties;
};

/** An ECharts canvas that follows its option and its container's size, and reports clicks. */
export function EChart({ option, label, onClick, onRendered, style }: EChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const handlers = useRef({ onClick, onRendered });
  handlers.current = { onClick, onRendered };

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (event) => handlers.current.onClick?.(event as unknown as EChartClick));
    let drawn = 0;
    instance.on('finished', () => {
      // NOTE: how many times the chart finished drawing, for journeys and benchmarks to wait on.
      drawn += 1;
      element.dataset.drawn = String(drawn);
      handlers.current.onRendered?.();
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={container} role="img" aria-label={label} style={{ width: '100%', height: 480, ...style }} />;
}
