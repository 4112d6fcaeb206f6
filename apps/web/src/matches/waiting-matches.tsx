import { Alert, Button, Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { matchListQuery } from '../api/matches';
import { useSignedInUser } from '../auth/current-user';

/**
 * On a home page: how many matches wait for this person — accepted ones for the State's coordinator to
 * confirm, endorsed ones for a provider to answer — with a link to them. Nothing when none wait.
 */
export function WaitingMatches() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const kind = user.role === 'agency_coordinator' ? 'toConfirm' : user.role === 'provider_member' ? 'toAnswer' : null;
  const waiting = useQuery({
    ...matchListQuery({ page: 1, pageSize: 1, status: kind === 'toConfirm' ? 'accepted' : 'endorsed' }),
    enabled: kind !== null,
    select: (page) => page.total,
  });
  if (!kind || !waiting.data) return null;
  const path = kind === 'toConfirm' ? '/agency/matches?group=toConfirm' : '/provider/matches?group=toAnswer';
  return (
    <Alert color="orange" variant="light" title={t(`homeMatches.${kind}`, { count: waiting.data })} role="status">
      <Group justify="space-between" gap="sm">
        <Text size="sm">{t(`homeMatches.${kind}Help`)}</Text>
        <Button component={Link} to={path} size="xs" color="orange">
          {t('homeMatches.open')}
        </Button>
      </Group>
    </Alert>
  );
}
