import { Alert, Button, Group, Loader, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError } from '../api/client';
import { createMatch, type Match } from '../api/matches';
import { offerListQuery } from '../api/offers';
import type { AssistanceRequest } from '../api/requests';
import { useSignedInUser } from '../auth/current-user';
import { useErrorMessage } from '../components/error-state';
import { useNotify } from '../components/notifications';
import { useTaxonomy } from '../taxonomy/use-taxonomy';
import { useTranslation } from '../i18n';

interface NewMatchDialogProps {
  request: AssistanceRequest;
  opened: boolean;
  onClose: () => void;
  /** Offers already matched with the request: shown, but not offered again. */
  matchedOfferIds: ReadonlySet<string>;
  onCreated: (match: Match) => void;
}

/**
 * The Committee's manual match, or a provider's "offer help": pick an active offer that serves the request's
 * State (for a provider, one of its own) and say why it fits.
 */
export function NewMatchDialog({ request, opened, onClose, matchedOfferIds, onCreated }: NewMatchDialogProps) {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const notify = useNotify();
  const describe = useErrorMessage();
  const { lookup } = useTaxonomy();
  const provider = user.role === 'provider_member';
  const [offerId, setOfferId] = useState<string | null>(null);
  const [notes, setNotes] = useState('');
  const [touched, setTouched] = useState(false);
  const stateName = lookup?.stateName(request.state) ?? request.state;

  const offers = useQuery({
    ...offerListQuery({
      page: 1,
      pageSize: 100,
      status: 'active',
      servesState: request.state,
      provider: provider ? user.organization.id : undefined,
      sort: 'title',
    }),
    enabled: opened,
  });

  useEffect(() => {
    if (!opened) return;
    setOfferId(null);
    setNotes('');
    setTouched(false);
  }, [opened]);

  const create = useMutation({
    mutationFn: () => createMatch({ requestId: request.id, offerId: offerId!, notes: notes.trim() || undefined }),
    onSuccess: (match) => {
      onCreated(match);
      onClose();
      notify({
        color: 'green',
        title: provider ? t('newMatch.doneProvider') : t('newMatch.doneCommittee', { title: match.offer.title }),
      });
    },
  });

  const options = (offers.data?.items ?? []).map((offer) => ({
    value: offer.id,
    label: [
      provider ? offer.title : `${offer.title} — ${offer.provider?.shortName ?? ''}`,
      matchedOfferIds.has(offer.id) ? ` (${t('newMatch.alreadyMatched')})` : '',
    ].join(''),
    disabled: matchedOfferIds.has(offer.id),
  }));

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!offerId) return;
    create.mutate();
  };

  const names = { reference: request.reference, state: stateName };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={provider ? t('newMatch.providerTitle', names) : t('newMatch.committeeTitle', names)}
      size="lg"
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">
            {provider ? t('newMatch.providerDescription', names) : t('newMatch.committeeDescription', names)}
          </Text>
          {offers.isPending ? (
            <Group justify="center" py="md">
              <Loader size="sm" />
            </Group>
          ) : options.length === 0 ? (
            <Alert color="gray">{provider ? t('newMatch.noOwnOffers', names) : t('newMatch.noOffers', names)}</Alert>
          ) : (
            <Select
              label={t('newMatch.offer')}
              placeholder={t('newMatch.offerPlaceholder')}
              data={options}
              value={offerId}
              onChange={setOfferId}
              searchable
              required
              allowDeselect={false}
              nothingFoundMessage={t('taxonomy.nothingFound')}
              comboboxProps={{ withinPortal: true }}
              error={
                (touched && !offerId ? t('newMatch.pickOffer') : undefined) ??
                (create.error instanceof ApiError
                  ? create.error.fieldErrors.find((issue) => issue.field === 'offerId')?.message
                  : undefined)
              }
              data-autofocus
            />
          )}
          <Textarea
            label={t('newMatch.notes')}
            description={provider ? t('newMatch.notesProvider') : t('newMatch.notesCommittee')}
            value={notes}
            onChange={(event) => setNotes(event.currentTarget.value)}
            autosize
            minRows={2}
            maxRows={8}
            maxLength={2000}
          />
          {create.error && !(create.error instanceof ApiError && create.error.fieldErrors.length > 0) && (
            <Alert color="red" title={t('actions.failed')} role="alert">
              {create.error instanceof ApiError && !create.error.isNetworkError
                ? create.error.message
                : describe(create.error)}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={create.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} disabled={options.length === 0}>
              {provider ? t('newMatch.submitProvider') : t('newMatch.submitCommittee')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
