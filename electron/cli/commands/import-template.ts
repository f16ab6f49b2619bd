import { writeFileSync } from 'node:fs';
import { buildTemplate } from '../../import/template';
import { type CliCommand, EXIT, requireString } from '../command';

export const importTemplate: CliCommand = {
  name: 'import-template',
  summary: '生成空白的党员花名册导入模板（.xlsx：可识别的列、一行示例、代码表）',
  usage: 'npm run -s ledger -- import-template --out FILE.xlsx',
  options: { out: { type: 'string' } },
  async run({ values }) {
    const out = requireString(values, 'out', this);
    writeFileSync(out, await buildTemplate());
    process.stdout.write(`已生成导入模板：${out}\n第 2 行是示例（导入时自动跳过），请从第 3 行起填写；代码表在“代码表”工作表中。\n`);
    return EXIT.ok;
  },
};
