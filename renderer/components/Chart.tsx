// An ECharts host with only the pie and bar charts bundled.
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useEffect, useRef } from 'react';
import { saveUrl } from '../download';

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
    chart.current?.setOption({ color: CHART_COLORS, textStyle: { fontFamily: CHART_FONT }, animationDuration: 300, ...withSparseLabels(textTooltips(option)) }, true);
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
  // Saved as a PNG for a report: twice the screen's resolution on a white ground.
  const save = () => {
    const url = chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    if (url) saveUrl(url, `${label}.png`);
  };
  return (
    <div className="chart-host">
      <div ref={ref} style={{ height, width: '100%' }} role="img" aria-label={label} />
      <Tooltip title="保存为图片">
        <Button size="small" type="text" className="chart-save" icon={<DownloadOutlined />} aria-label={`把${label}保存为图片`} onClick={save} />
      </Tooltip>
    </div>
  );
}

/** Axis labels that would run into each other (narrow cards, 125 % zoom) are thinned out, never overlapped. */
function withSparseLabels(option: echarts.EChartsCoreOption): echarts.EChartsCoreOption {
  type Axis = { axisLabel?: object };
  const fix = (a: unknown) => {
    if (Array.isArray(a)) return a.map((x: Axis) => ({ ...x, axisLabel: { hideOverlap: true, ...x.axisLabel } }));
    if (a && typeof a === 'object') return { ...a, axisLabel: { hideOverlap: true, ...(a as Axis).axisLabel } };
    return a;
  };
  const o = option as { xAxis?: unknown; yAxis?: unknown };
  return { ...option, ...(o.xAxis ? { xAxis: fix(o.xAxis) } : {}), ...(o.yAxis ? { yAxis: fix(o.yAxis) } : {}) };
}
