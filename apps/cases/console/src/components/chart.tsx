import { useEffect, useRef } from 'preact/hooks';
import { createChart, type ChartOption, type ECharts } from '../dashboard/echarts';
import { useI18n } from '../i18n';

/**
 * An ECharts chart drawn on canvas. For assistive technology it is one image with a summary
 * (`summary`); the figures themselves are in the data table each chart comes with.
 */
export function Chart({ option, summary, size = 'normal' }: { option: ChartOption; summary: string; size?: 'normal' | 'tall' }) {
  const { lang } = useI18n();
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);

  useEffect(() => {
    const instance = createChart(element.current!, lang === 'zh' ? 'ZH' : 'EN');
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current!);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [lang]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option, lang]);

  return <div ref={element} class={`chart chart-${size}`} role="img" aria-label={summary} />;
}
