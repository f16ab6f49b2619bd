// On a member's page: the roster columns kept as extra fields at import (学工号, 党内职务 …).
import { Card, Descriptions } from 'antd';
import { useEffect, useState } from 'react';
import { ledger } from '../../api';

type Extra = { name: string; value: string; source: string | null; updatedAt: string };

export default function ExtraFields({ memberId }: { memberId: number }) {
  const [extras, setExtras] = useState<Extra[]>([]);
  useEffect(() => {
    let live = true;
    ledger['import.extraFields']({ memberId }).then((e) => { if (live) setExtras(e); }, () => undefined);
    return () => { live = false; };
  }, [memberId]);
  if (extras.length === 0) return null;
  return (
    <Card size="small" title="附加信息（导入花名册时保留的列）" className="block-gap" data-testid="member-extra-fields">
      <Descriptions size="small" column={3} bordered styles={{ label: { width: 128 } }}>
        {extras.map((e) => <Descriptions.Item key={e.name} label={e.name}>{e.value}</Descriptions.Item>)}
      </Descriptions>
    </Card>
  );
}
