// Chart tooltips show text, never HTML; the system browser opens only allow-listed https pages.
import { describe, expect, it } from 'vitest';
import { textTooltips } from '../../renderer/components/Chart';
import { externalAllowed } from '../../electron/window/external-links';

describe('what leaves the page', () => {
  it('chart tooltips are drawn as text, whatever the formatter returns', () => {
    const option = { tooltip: { trigger: 'axis', formatter: (p: { name: string }[]) => `${p[0]!.name}：1 人` }, series: [] };
    expect(textTooltips(option)).toMatchObject({ tooltip: { trigger: 'axis', renderMode: 'richText' } });
    expect(textTooltips({ series: [] })).toEqual({ series: [] });
  });
  it('opens only https pages on the allow-list', () => {
    expect(externalAllowed('https://www.12371.cn/special/dnfg/')).toBe(true);
    for (const url of ['https://evil.example/', 'http://www.12371.cn/', 'https://www.12371.cn.evil.example/', 'https://user@www.12371.cn/', 'file:///etc/passwd', 'javascript:alert(1)', 'not a url']) {
      expect({ url, ok: externalAllowed(url) }).toEqual({ url, ok: false });
    }
  });
});
