import { UnderConstruction } from '../../components/UnderConstruction';

export default function OrgsPage() {
  return <UnderConstruction title="组织" />;
}
