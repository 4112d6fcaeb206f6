import { useSignedInUser } from '../auth/current-user';
import { WaitingWork } from '../components/waiting-work';
import { WorkspaceHome } from '../components/workspace-home';
import { useTranslation } from '../i18n';

export function CommitteeHomePage() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const intro = [t('home.committee.intro')];
  if (user.role === 'committee_admin') intro.push(t('home.committee.adminIntro'));
  return (
    <WorkspaceHome heading={t('home.committee.heading')} intro={intro}>
      <WaitingWork />
    </WorkspaceHome>
  );
}
