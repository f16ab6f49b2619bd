// 设置 → 数据整理: 统一学历写法, the one-off clean-up of 学历, 民族 and 工作岗位 typed before the
// importer knew the code lists (大学本科 and 大学 were two bars on 首页).
import { Alert, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { IMPORT_FIELD_LABELS, type UnifyResult } from '../../../shared/api/import';
import { ledger } from '../../api';
import { attempt, confirmAction } from '../../feedback';

export default function UnifySpellings() {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<UnifyResult | null>(null);

  async function run() {
    const ok = await confirmAction({
      title: '统一学历写法？',
      content: '把每名党员的学历、民族、工作岗位改成代码表中的写法（如“大学本科”改为“大学”、“汉”改为“汉族”）。每项修改都记入党员的变更记录和操作日志；代码表中找不到的写法不会改动，会列出来请您核对。',
      okText: '统一写法',
    });
    if (!ok) return;
    setBusy(true);
    const r = await attempt(() => ledger['import.unifySpellings']({}));
    setBusy(false);
    if (r) setResult(r);
  }

  return (
    <Space orientation="vertical" size={12} data-testid="unify-spellings">
      <Typography.Paragraph>
        早先导入的花名册中，学历、民族、工作岗位可能写法不一（如“大学本科”和“大学”、“高中”和“普通高中”），首页统计会把它们分成两类。
        统一后按《党员基本信息采集表》的代码表记录。
      </Typography.Paragraph>
      <Button type="primary" loading={busy} onClick={() => void run()}>统一学历写法</Button>
      {result && (
        <Alert
          type={result.unknown.length > 0 || result.skipped > 0 ? 'warning' : 'success'}
          showIcon
          title={result.members > 0 ? `已统一 ${result.members} 名党员的写法。` : '没有需要统一的写法。'}
          description={
            <ul className="imp-change-list">
              {result.changes.map((c) => <li key={`${c.field}-${c.from}`}>{IMPORT_FIELD_LABELS[c.field]}“{c.from}” → “{c.to}”：{c.members} 人</li>)}
              {result.unknown.map((u) => <li key={`u-${u.field}-${u.value}`}>{IMPORT_FIELD_LABELS[u.field]}“{u.value}”不在代码表中（{u.members} 人），未改动，请在党员档案中核对。</li>)}
              {result.skipped > 0 && <li>{result.skipped} 名党员的档案有其他待核对的信息，未改动。</li>}
            </ul>
          }
        />
      )}
    </Space>
  );
}
