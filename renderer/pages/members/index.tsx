// 党员: '#/members' the list, '#/members/<id>' one member.
import { useState } from 'react';
import { useOrgs } from '../../org-context';
import { navigate, useLocation } from '../../router';
import { MemberDetail } from './MemberDetail';
import { MemberForm, type MemberFormMode } from './MemberForm';
import { MemberList } from './MemberList';
import './members.css';

export default function MembersPage() {
  const { segments } = useLocation();
  const { reload } = useOrgs();
  const [formMode, setFormMode] = useState<MemberFormMode | null>(null);
  const id = Number(segments[1]);
  if (segments[1] && Number.isInteger(id)) return <MemberDetail key={id} id={id} />;
  return (
    <>
      <MemberList onAdd={() => setFormMode({ kind: 'add' })} onTransferIn={() => setFormMode({ kind: 'transferIn' })} />
      <MemberForm
        mode={formMode}
        onClose={() => setFormMode(null)}
        onSaved={(newId) => {
          setFormMode(null);
          void reload();
          navigate(`/members/${newId}`);
        }}
      />
    </>
  );
}
