import { App as AntApp, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { FeedbackBridge } from './feedback';
import { FirstRunScreen } from './screens/FirstRun';
import { UnlockScreen } from './screens/Unlock';
import { SessionProvider, useSession } from './session';
import { Shell } from './Shell';

dayjs.locale('zh-cn');

/** antd's injected <style> tags carry the per-response nonce that the host put in the page. */
function cspNonce(): string | undefined {
  return document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce || undefined;
}

const FOCUS = { activeBorderColor: '#1677ff', hoverBorderColor: '#4096ff', activeShadow: '0 0 0 2px rgba(5, 145, 255, 0.15)', activeOutlineColor: 'rgba(5, 145, 255, 0.15)' };

const theme = {
  token: {
    colorPrimary: '#c8161d',
    colorLink: '#b0141a',
    borderRadius: 4,
    fontFamily:
      "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'LXGW WenKai', sans-serif",
    fontSize: 14,
  },
  // Focus is blue, as in every Windows form: the app's red around a field reads as an error.
  components: Object.fromEntries(['Input', 'InputNumber', 'Select', 'TreeSelect', 'DatePicker', 'Mentions', 'Cascader'].map((c) => [c, FOCUS])),
};

function Gate() {
  const { status } = useSession();
  if (!status) return <Spin size="large" className="page-spin" />;
  if (!status.hasLedger) return <FirstRunScreen />;
  if (!status.unlocked) return <UnlockScreen />;
  return <Shell key={status.user?.id ?? 0} />;
}

export function App() {
  return (
    <ConfigProvider locale={zhCN} theme={theme} csp={{ nonce: cspNonce() }}>
      <AntApp>
        <FeedbackBridge />
        <SessionProvider>
          <Gate />
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}
