import { useMe } from '../../app/me.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PasswordCard } from './PasswordCard.tsx';
import { SessionsCard } from './SessionsCard.tsx';
import { TwoFactorCard } from './TwoFactorCard.tsx';

export default function SecurityPage() {
  const me = useMe();
  return (
    <>
      <PageHeader
        title="Security"
        description="Your password, two-factor authentication and signed-in devices."
      />
      <div className="stack-l narrow">
        <PasswordCard hasPassword={me.user.hasPassword} />
        <TwoFactorCard enabled={me.user.twoFactorEnabled} />
        <SessionsCard />
      </div>
    </>
  );
}
