// Step 1: the file. Any roster as clerks keep it: .xlsx from Excel or WPS, old .xls, CSV in GBK
// or UTF-8. Nothing is written until the clerk has seen the preview.
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Typography, Upload } from 'antd';
import { useState } from 'react';
import { attempt, showSuccess } from '../../feedback';
import { downloadTemplate } from './job';

export function ChooseFile({ onFile, disabled }: { onFile: (file: File) => void; disabled: boolean }) {
  const [saving, setSaving] = useState(false);
  async function onTemplate() {
    setSaving(true);
    const name = await attempt(downloadTemplate);
    setSaving(false);
    if (name) showSuccess(`已下载“${name}”：第 2 行是示例，请从第 3 行起填写`);
  }
  return (
    <Card className="imp-choose">
      <Upload.Dragger
        accept=".xlsx,.xls,.csv,.et"
        multiple={false}
        showUploadList={false}
        disabled={disabled}
        beforeUpload={(file) => {
          onFile(file as unknown as File);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">点击选择党员花名册文件，或把文件拖到这里</p>
        <p className="ant-upload-hint">支持 Excel / WPS 表格（.xlsx、.xls）和 CSV 文件。选择后先检查、预览，确认后才会写入台帐。</p>
      </Upload.Dragger>
      <div className="imp-template">
        <Button icon={<DownloadOutlined />} loading={saving} onClick={() => void onTemplate()}>下载空白模板</Button>
        <Typography.Text type="secondary">还没有花名册？下载模板，按列填写后再导入（模板中附有学历、民族等代码表）。</Typography.Text>
      </div>
      <Alert
        className="imp-tips"
        type="info"
        showIcon
        title="表格怎样写能一次导入成功"
        description={
          <ul className="imp-tip-list">
            <li>表头写在一行或两行里都可以，上面可以有标题行、填报单位行；表头名称如“姓名、公民身份号码、入党日期、所在党支部”等常见写法都能识别。</li>
            <li>
              身份证号所在列请设为<Typography.Text strong>“文本”</Typography.Text>格式，否则 Excel 会把最后几位变成 0。
            </li>
            <li>日期写成 1985-03-12、1985/3/12、1985.03.12、1985年3月12日 都可以；只写到年月的，按当月 1 日记录并提示。</li>
            <li>身份证号已在台帐中的党员会按表格更新信息；导入前会列出将被修改的内容。</li>
          </ul>
        }
      />
    </Card>
  );
}
