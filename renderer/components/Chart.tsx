// An ECharts host with only the pie and bar charts bundled.
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export const CHART_COLORS = ['#c8161d', '#f59e0b', '#2563eb', '#059669', '#7c3aed', '#db2777', '#0891b2', '#65a30d', '#9ca3af', '#ea580c'];
export const CHART_FONT = "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', sans-serif";

/**
 * Tooltips drawn as text on the canvas, not as HTML: a name or an education value typed into the
 * ledger is shown, never parsed (an HTML tooltip would run `<img onerror=…>` from a member's data).
 */
export function textTooltips(option: echarts.EChartsCoreOption): echarts.EChartsCoreOption {
  const tooltip = option.tooltip;
  if (!tooltip || typeof tooltip !== 'object' || Array.isArray(tooltip)) return option;
  return { ...option, tooltip: { ...tooltip, renderMode: 'richText' } };
}

export function Chart({ option, height, label, onClick }: { option: echarts.EChartsCoreOption; height: number; label: string; onClick?: (name: string) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!ref.current) return;
    const c = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(ref.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption({ color: CHART_COLORS, textStyle: { fontFamily: CHART_FONT }, animationDuration: 300, ...textTooltips(option) }, true);
  }, [option]);
  useEffect(() => {
    const c = chart.current;
    if (!c || !onClick) return;
    const h = (p: { name: string }) => onClick(p.name);
    c.on('click', h);
    return () => {
      c.off('click', h);
    };
  }, [onClick]);
  return <div ref={ref} style={{ height, width: '100%' }} role="img" aria-label={label} />;
}
