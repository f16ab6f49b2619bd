// Placeholder: the helper who owns renderer/pages/print replaces this file.
import { UnderConstruction } from '../../components/UnderConstruction';

export default function PrintPage() {
  return <UnderConstruction title="台帐打印" />;
}
