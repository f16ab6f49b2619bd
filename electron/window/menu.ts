// The application menu, in Chinese.
import { Menu, type MenuItemConstructorOptions } from 'electron';

export type MenuActions = { openExisting: () => void; openDemo: () => void; lock: () => void; print: () => void; about: () => void };

export function buildMenu(actions: MenuActions): Menu {
  const template: MenuItemConstructorOptions[] = [
    {
      label: '文件',
      submenu: [
        { label: '打开台帐文件…', accelerator: 'CmdOrCtrl+O', click: actions.openExisting },
        { label: '打开演示街道', click: actions.openDemo },
        { type: 'separator' },
        { label: '锁定台帐', accelerator: 'CmdOrCtrl+L', click: actions.lock },
        { type: 'separator' },
        { label: '打印当前页…', accelerator: 'CmdOrCtrl+P', click: actions.print },
        { type: 'separator' },
        { label: '退出', accelerator: 'Alt+F4', role: 'quit' },
      ],
    },
    {
      label: '编辑',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { label: '放大', role: 'zoomIn', accelerator: 'CmdOrCtrl+=' },
        { label: '缩小', role: 'zoomOut' },
        { label: '实际大小', role: 'resetZoom' },
        { type: 'separator' },
        { label: '全屏', role: 'togglefullscreen' },
      ],
    },
    { label: '帮助', submenu: [{ label: '关于党建台帐', click: actions.about }] },
  ];
  return Menu.buildFromTemplate(template);
}
