import { UnderConstruction } from '../../components/UnderConstruction';

export default function MembersPage() {
  return <UnderConstruction title="党员" />;
}
