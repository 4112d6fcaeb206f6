import { Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useSignedInUser } from '../auth/current-user';
import { ContactListCard } from '../contacts/contact-cards';
import { useTaxonomy } from '../taxonomy/use-taxonomy';
import { useTranslation } from '../i18n';

/** Points of contact: the State's national 1540 POCs (agencies, the Committee for any State) and one's organisation's. */
export function ContactsPage() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const { lookup } = useTaxonomy();
  const committee = user.role === 'committee_admin' || user.role === 'committee_member';
  const [chosen, setChosen] = useState(user.organization.state ?? 'MNG');
  const state = committee ? chosen : user.organization.state;
  return (
    <Stack gap="lg">
      <Title order={1}>{t('contacts.pageTitle')}</Title>
      {committee && (
        <TextInput
          label={t('contacts.chooseState')}
          value={chosen}
          maxLength={3}
          w={200}
          onChange={(e) => setChosen(e.currentTarget.value.toUpperCase())}
        />
      )}
      {state && /^[A-Z]{3}$/.test(state) && (
        <ContactListCard
          key={state}
          title={t('contacts.stateTitle', { state: lookup?.stateName(state) ?? state })}
          owner="state"
          ownerKey={state}
        />
      )}
      <ContactListCard
        title={t('contacts.organizationTitle', { organization: user.organization.name })}
        owner="organization"
        ownerKey={user.organization.id}
      />
    </Stack>
  );
}
