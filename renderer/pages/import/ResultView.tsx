// Step 4: what the import did — counts, the changes made to members already in the ledger, the
// branches it created — and 导出错误行 for the rows left out.
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Result, Space, Statistic, Table } from 'antd';
import type { ImportResult } from '../../../shared/api/import';

type Props = { result: ImportResult; onRejects: () => void; onAgain: () => void; onMembers: () => void; exporting: boolean };

export function ResultView({ result, onRejects, onAgain, onMembers, exporting }: Props) {
  const { counts } = result;
  return (
    <Space orientation="vertical" size={12} className="imp-block">
      <Result
        status={counts.rejected > 0 ? 'warning' : 'success'}
        title={counts.rejected > 0 ? `已导入 ${counts.valid} 行，另有 ${counts.rejected} 行有错误未导入` : `导入完成：${counts.valid} 行全部导入`}
        subTitle={`文件：${result.file}`}
        extra={[
          counts.rejected > 0 && (
            <Button key="rejects" type="primary" icon={<DownloadOutlined />} loading={exporting} onClick={onRejects}>
              导出错误行
            </Button>
          ),
          <Button key="members" onClick={onMembers}>查看党员名单</Button>,
          <Button key="again" onClick={onAgain}>再导入一个文件</Button>,
        ].filter(Boolean)}
      />
      <Card size="small" data-testid="import-result">
        <div className="imp-result-stats">
          <Statistic title="新增党员" value={counts.created} suffix="人" />
          <Statistic title="更新信息" value={counts.updated} suffix="人" />
          <Statistic title="信息无变化" value={counts.unchanged} suffix="人" />
          <Statistic title="有错误未导入" value={counts.rejected} suffix="行" valueStyle={counts.rejected ? { color: '#cf1322' } : undefined} />
        </div>
        {result.orgsCreated.length > 0 && <p className="imp-result-note">新建党支部：{result.orgsCreated.join('、')}</p>}
        {counts.rejected > 0 && (
          <p className="imp-result-note">
            “导出错误行”会生成一个表格，列与原文件相同，最后一列写明错误原因。在 Excel 或 WPS 中改正后，可直接再导入这个表格。
          </p>
        )}
      </Card>
      {result.changes.length > 0 && (
        <Card size="small" title={`已修改 ${result.changes.length} 名党员的信息（每项修改都已记入党员的变更记录）`}>
          <Table
            size="small"
            rowKey={(r) => r.idNumber + r.name}
            pagination={result.changes.length > 20 ? { pageSize: 20 } : false}
            dataSource={result.changes}
            columns={[
              { title: '姓名', dataIndex: 'name', width: 100 },
              { title: '身份证号', dataIndex: 'idNumber', width: 190 },
              { title: '所在党支部', dataIndex: 'branch', width: 200 },
              {
                title: '修改内容',
                render: (_, r) =>
                  r.changes.map((c, k) => (
                    <span key={k} className="imp-change">
                      {c.label} <del>{c.before ?? '（空）'}</del> → <ins>{c.after ?? '（空）'}</ins>
                    </span>
                  )),
              },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}
