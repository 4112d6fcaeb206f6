import { useSignedInUser } from '../auth/current-user';
import { WorkspaceHome } from '../components/workspace-home';
import { WaitingWork } from '../components/waiting-work';
import { useTaxonomy } from '../taxonomy/use-taxonomy';
import { useTranslation } from '../i18n';

export function AgencyHomePage() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const { lookup } = useTaxonomy();
  const state = user.organization.state;
  const intro = [t('home.agency.intro')];
  if (user.role === 'agency_coordinator') intro.push(t('home.agency.coordinatorIntro'));
  return (
    <WorkspaceHome
      heading={user.organization.name}
      subheading={t('home.agency.subheading', {
        state: state ? (lookup?.stateName(state) ?? state) : t('common.notSet'),
      })}
      intro={intro}
    >
      <WaitingWork />
    </WorkspaceHome>
  );
}
