// The main window once unlocked: pages across the top, the organisation tree on the left.
import { LeftOutlined, LockOutlined, RightOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Result, Space, Spin, Tooltip, Typography } from 'antd';
import { type PointerEvent as ReactPointerEvent, type ReactNode, Suspense, useState } from 'react';
import { OrgTree } from './components/OrgTree';
import { OrgProvider } from './org-context';
import { MENU_GROUP_ICONS, type MenuGroup, ROUTES } from './routes';
import { matchPrefix, navigate, useLocation } from './router';
import { useSession } from './session';
import { confirmLeave } from './unsaved';

type SiderState = { width: number; collapsed: boolean };
const SIDER_KEY = 'shell-sider';
const SIDER_MIN = 180;
const SIDER_MAX = 560;

function readSider(): SiderState {
  try {
    const v = JSON.parse(localStorage.getItem(SIDER_KEY) ?? '') as Partial<SiderState>;
    return { width: Math.min(SIDER_MAX, Math.max(SIDER_MIN, Number(v.width) || 248)), collapsed: v.collapsed === true };
  } catch {
    return { width: 248, collapsed: false };
  }
}

/** The org tree's right edge: drag to widen it for long names, click the arrow to fold it away. */
function SiderEdge({ sider, onChange }: { sider: SiderState; onChange: (s: SiderState) => void }) {
  const drag = (e: ReactPointerEvent) => {
    if (sider.collapsed || (e.target as HTMLElement).closest('button')) return;
    const startX = e.clientX;
    const startW = sider.width;
    const move = (ev: PointerEvent) => onChange({ collapsed: false, width: Math.min(SIDER_MAX, Math.max(SIDER_MIN, startW + ev.clientX - startX)) });
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };
  return (
    <div className="shell-sider-edge" onPointerDown={drag} title={sider.collapsed ? undefined : '拖动可调整组织树宽度'}>
      <Tooltip title={sider.collapsed ? '展开组织树' : '收起组织树'} placement="right">
        <Button size="small" className="shell-sider-toggle" aria-label={sider.collapsed ? '展开组织树' : '收起组织树'}
          icon={sider.collapsed ? <RightOutlined /> : <LeftOutlined />} onClick={() => onChange({ ...sider, collapsed: !sider.collapsed })} />
      </Tooltip>
    </div>
  );
}

type MenuItem = { key: string; icon: ReactNode; label: ReactNode; children?: MenuItem[] };

/** One item per page; the pages of a group under one drop-down, where the group's first page stands. */
function menuItems(): MenuItem[] {
  const items: MenuItem[] = [];
  const groups = new Map<MenuGroup, MenuItem>();
  for (const r of ROUTES) {
    const item = { key: r.path, icon: r.icon, label: <a href={`#${r.path}`}>{r.label}</a> };
    if (!r.group) {
      items.push(item);
      continue;
    }
    let group = groups.get(r.group);
    if (!group) {
      group = { key: `group:${r.group}`, icon: MENU_GROUP_ICONS[r.group], label: r.group, children: [] };
      groups.set(r.group, group);
      items.push(group);
    }
    group.children!.push(item);
  }
  return items;
}

const MENU_ITEMS = menuItems();

export function Shell() {
  const { status, lock } = useSession();
  const [sider, setSiderState] = useState(readSider);
  const setSider = (s: SiderState) => {
    setSiderState(s);
    localStorage.setItem(SIDER_KEY, JSON.stringify(s));
  };
  const { path } = useLocation();
  const route = ROUTES.find((r) => r.path !== '/' && matchPrefix(path, r.path)) ?? (path === '/' ? ROUTES[0] : undefined);
  const Page = route?.element;

  return (
    <OrgProvider>
      <Layout className="shell">
        <Layout.Header className="shell-header">
          <div className="shell-brand" onClick={() => navigate('/')}>
            <span className="shell-logo" aria-hidden>
              党
            </span>
            党建台帐
          </div>
          <Menu
            mode="horizontal"
            className="shell-menu"
            selectedKeys={route ? [route.path] : []}
            items={MENU_ITEMS}
          />
          <Space size={4} className="shell-user">
            <Typography.Text className="shell-user-name">
              <UserOutlined /> {status?.user?.name}
            </Typography.Text>
            <Tooltip title="锁定台帐（离开座位时使用）">
              <Button icon={<LockOutlined />} onClick={() => void confirmLeave().then((ok) => (ok ? lock() : undefined))}>
                锁定
              </Button>
            </Tooltip>
          </Space>
        </Layout.Header>
        <Layout>
          <Layout.Sider width={sider.collapsed ? 0 : sider.width} theme="light" className={sider.collapsed ? 'shell-sider shell-sider-collapsed' : 'shell-sider'}>
            {!sider.collapsed && <OrgTree />}
          </Layout.Sider>
          <SiderEdge sider={sider} onChange={setSider} />
          <Layout.Content className="shell-content">
            <Suspense fallback={<Spin size="large" className="page-spin" />}>
              {Page ? <Page /> : <Result status="404" title="没有这个页面" extra={<Button onClick={() => navigate('/')}>回到首页</Button>} />}
            </Suspense>
          </Layout.Content>
        </Layout>
      </Layout>
    </OrgProvider>
  );
}
