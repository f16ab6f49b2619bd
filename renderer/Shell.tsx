// The main window once unlocked: pages across the top, the organisation tree on the left.
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Result, Space, Spin, Tooltip, Typography } from 'antd';
import { Suspense } from 'react';
import { OrgTree } from './components/OrgTree';
import { OrgProvider } from './org-context';
import { ROUTES } from './routes';
import { matchPrefix, navigate, useLocation } from './router';
import { useSession } from './session';
import { confirmLeave } from './unsaved';

export function Shell() {
  const { status, lock } = useSession();
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
            items={ROUTES.map((r) => ({ key: r.path, icon: r.icon, label: <a href={`#${r.path}`}>{r.label}</a> }))}
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
          <Layout.Sider width={248} theme="light" className="shell-sider">
            <OrgTree />
          </Layout.Sider>
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
