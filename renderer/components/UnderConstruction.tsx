import { Result } from 'antd';

/** What a page not yet built says: plainly that it is coming, nothing that looks like a fault. */
export function UnderConstruction({ title }: { title: string }) {
  return <Result status="info" title={`${title}：建设中`} subTitle="这个页面正在建设中，完成后会出现在这里。" />;
}
