import { UnderConstruction } from '../../components/UnderConstruction';

export default function DashboardPage() {
  return <UnderConstruction title="首页" />;
}
