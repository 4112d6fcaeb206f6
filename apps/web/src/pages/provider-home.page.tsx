import { useSignedInUser } from '../auth/current-user';
import { WorkspaceHome } from '../components/workspace-home';
import { WaitingWork } from '../components/waiting-work';
import { useTranslation } from '../i18n';

export function ProviderHomePage() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  return (
    <WorkspaceHome
      heading={user.organization.name}
      subheading={t('home.provider.subheading')}
      intro={[t('home.provider.intro')]}
    >
      <WaitingWork />
    </WorkspaceHome>
  );
}
