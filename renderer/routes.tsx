// The page registry: adding a page is one line here. A page is a default-exported component in
// renderer/pages/<area>/index.tsx; it reads the chosen org with useOrgs() (renderer/org-context),
// the address with useLocation() (renderer/router: '#/members/12' → segments ['members','12']),
// and calls the API with `ledger` from renderer/api.
import {
  AccountBookOutlined, AuditOutlined, ContactsOutlined, FlagOutlined, HeartOutlined, ScheduleOutlined, SolutionOutlined, UserAddOutlined, CalendarOutlined, HomeOutlined, ImportOutlined, PartitionOutlined, PrinterOutlined, SettingOutlined, TeamOutlined,
} from '@ant-design/icons';
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';

export type PageRoute = {
  /** '#/members' and everything under it ('#/members/12') goes to this page. */
  path: string;
  label: string;
  icon: ReactNode;
  element: LazyExoticComponent<ComponentType>;
  /** Pages of one kind share a drop-down in the menu, so fifteen pages fit a 1366-px window. */
  group?: MenuGroup;
};

export type MenuGroup = '服务群众' | '党建工作';

export const MENU_GROUP_ICONS: Record<MenuGroup, ReactNode> = { 服务群众: <HeartOutlined />, 党建工作: <FlagOutlined /> };

export const ROUTES: PageRoute[] = [
  { path: '/', label: '首页', icon: <HomeOutlined />, element: lazy(() => import('./pages/dashboard')) },
  { path: '/orgs', label: '组织', icon: <PartitionOutlined />, element: lazy(() => import('./pages/orgs')) },
  { path: '/members', label: '党员', icon: <TeamOutlined />, element: lazy(() => import('./pages/members')) },
  { path: '/activities', label: '活动', icon: <CalendarOutlined />, element: lazy(() => import('./pages/activities')) },
  { path: '/dues', label: '党费', icon: <AccountBookOutlined />, element: lazy(() => import('./pages/dues')) },
  { path: '/admission', label: '发展党员', icon: <UserAddOutlined />, element: lazy(() => import('./pages/admission')) },
  { path: '/households', label: '民情', icon: <ContactsOutlined />, element: lazy(() => import('./pages/households')), group: '服务群众' },
  { path: '/help', label: '帮扶', icon: <HeartOutlined />, element: lazy(() => import('./pages/help')), group: '服务群众' },
  { path: '/residents', label: '双报到', icon: <SolutionOutlined />, element: lazy(() => import('./pages/residents')), group: '服务群众' },
  { path: '/plans', label: '计划与总结', icon: <ScheduleOutlined />, element: lazy(() => import('./pages/plans')), group: '党建工作' },
  { path: '/posts', label: '设岗定责', icon: <FlagOutlined />, element: lazy(() => import('./pages/posts')), group: '党建工作' },
  { path: '/assessment', label: '责任书与考核', icon: <AuditOutlined />, element: lazy(() => import('./pages/assessment')), group: '党建工作' },
  { path: '/print', label: '台帐打印', icon: <PrinterOutlined />, element: lazy(() => import('./pages/print')) },
  { path: '/import', label: '导入', icon: <ImportOutlined />, element: lazy(() => import('./pages/import')) },
  { path: '/settings', label: '设置', icon: <SettingOutlined />, element: lazy(() => import('./pages/settings')) },
];

export type DashboardPanel = {
  key: string;
  title: string;
  element: LazyExoticComponent<ComponentType>;
};

/**
 * Panels other areas add to 首页 (one line each), shown after the member figures, e.g.
 * { key: 'activities-due', title: '本月应开展的活动', element: lazy(() => import('./pages/activities/DuePanel')) }.
 * The panel renders its own content (it is placed inside a titled card) and scopes itself with useOrgs().
 */
export const DASHBOARD_PANELS: DashboardPanel[] = [
  { key: 'activities-due', title: '三会一课：逾期与本期待开展', element: lazy(() => import('./pages/activities/DuePanel')) },
  { key: 'households-followups', title: '走千家：民情卡与未办结转办', element: lazy(() => import('./pages/households/FollowUpsPanel')) },
];
