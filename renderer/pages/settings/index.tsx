import { UnderConstruction } from '../../components/UnderConstruction';

export default function SettingsPage() {
  return <UnderConstruction title="设置" />;
}
