import { Alert, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '../router';
import { createOffer, offerKeys, offerQuery, updateOffer, type OfferInput } from '../api/offers';
import { BackLink } from '../components/detail-layout';
import { PageLoader } from '../components/full-page-loader';
import { ErrorState } from '../components/error-state';
import { useNotify } from '../components/notifications';
import { PageHeader } from '../components/page-header';
import { OfferForm } from '../offers/offer-form';
import { useTaxonomy } from '../taxonomy/use-taxonomy';
import { useTranslation } from '../i18n';

export function NewOfferPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (input: OfferInput) => createOffer(input),
    onSuccess: (created) => {
      queryClient.setQueryData(offerKeys.detail(created.id), created);
      void queryClient.invalidateQueries({ queryKey: offerKeys.all });
      notify({ color: 'green', title: t('offerForm.created'), message: t('offerForm.createdHint') });
      void navigate(`/provider/offers/${created.id}`);
    },
  });
  return (
    <Stack gap={0}>
      <BackLink to="/provider/offers" label={t('sections.myOffers.title')} />
      <PageHeader title={t('sections.newOffer.title')}>{t('offerForm.newIntro')}</PageHeader>
      <OfferForm
        submitLabel={t('offerForm.saveDraft')}
        pending={create.isPending}
        error={create.error}
        onSubmit={(input) => create.mutate(input)}
        onCancel={() => void navigate('/provider/offers')}
      />
    </Stack>
  );
}

export function EditOfferPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const offer = useQuery(offerQuery(id));
  const taxonomy = useTaxonomy();
  const detailPath = `/provider/offers/${id}`;

  const save = useMutation({
    mutationFn: (input: OfferInput) => updateOffer(id, { ...input, version: offer.data!.version }),
    onSuccess: (updated) => {
      queryClient.setQueryData(offerKeys.detail(updated.id), updated);
      void queryClient.invalidateQueries({ queryKey: offerKeys.all });
      notify({ color: 'green', title: t('offerForm.saved', { title: updated.title }) });
      void navigate(detailPath);
    },
  });

  if (offer.isPending || taxonomy.isPending) return <PageLoader />;
  if (offer.isError) return <ErrorState error={offer.error} onRetry={() => void offer.refetch()} />;
  if (taxonomy.isError) return <ErrorState error={taxonomy.error} onRetry={() => void taxonomy.refetch()} />;

  return (
    <Stack gap={0}>
      <BackLink to={detailPath} label={offer.data.title} />
      <PageHeader title={t('offerForm.editTitle')} />
      {offer.data.canEdit ? (
        <OfferForm
          key={`${offer.data.id}:${offer.data.version}`}
          offer={offer.data}
          submitLabel={t('offerForm.saveChanges')}
          pending={save.isPending}
          error={save.error}
          onSubmit={(input) => save.mutate(input)}
          onCancel={() => void navigate(detailPath)}
        />
      ) : (
        <Alert color="gray" title={t('offerForm.notEditable.title')}>
          <Text size="sm">{t('offerForm.notEditable.description')}</Text>
        </Alert>
      )}
    </Stack>
  );
}
