import { Alert, Button, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '../router';
import { requestHistoryQuery, requestKeys, requestQuery, updateRequest, type RequestInput } from '../api/requests';
import { useSignedInUser } from '../auth/current-user';
import { BackLink } from '../components/detail-layout';
import { PageLoader } from '../components/full-page-loader';
import { ErrorState } from '../components/error-state';
import { useNotify } from '../components/notifications';
import { PageHeader } from '../components/page-header';
import { requestPath } from '../paths';
import { RequestForm } from '../requests/request-form';
import { useTaxonomy } from '../taxonomy/use-taxonomy';
import { useTranslation } from '../i18n';

export function EditRequestPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useSignedInUser();
  const navigate = useNavigate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const request = useQuery(requestQuery(id));
  const history = useQuery({ ...requestHistoryQuery(id), enabled: request.data?.status === 'clarification_requested' });
  // Amounts are converted with the currency's minor units, so the form waits for the taxonomy.
  const taxonomy = useTaxonomy();
  const detailPath = requestPath(user.role, id);

  const save = useMutation({
    mutationFn: (input: RequestInput) => updateRequest(id, { ...input, version: request.data!.version }),
    onSuccess: (updated) => {
      queryClient.setQueryData(requestKeys.detail(updated.id), updated);
      void queryClient.invalidateQueries({ queryKey: requestKeys.all });
      notify({
        color: 'green',
        title: t('requestForm.saved', { reference: updated.reference }),
        message:
          updated.status === 'clarification_requested'
            ? user.role === 'agency_coordinator'
              ? t('requestForm.savedResubmitCoordinator')
              : t('requestForm.savedResubmitMember')
            : undefined,
      });
      void navigate(detailPath);
    },
  });

  if (request.isPending || taxonomy.isPending) return <PageLoader />;
  if (request.isError) return <ErrorState error={request.error} onRetry={() => void request.refetch()} />;
  if (taxonomy.isError) return <ErrorState error={taxonomy.error} onRetry={() => void taxonomy.refetch()} />;
  const data = request.data;
  const question = history.data?.filter((item) => item.action === 'request_clarification').at(-1);

  return (
    <Stack gap={0}>
      <BackLink to={detailPath} label={data.reference} />
      <PageHeader title={t('requestForm.editTitle', { reference: data.reference })} />
      {!data.canEdit ? (
        <Alert color="gray" title={t('requestForm.notEditable.title')}>
          <Stack gap="sm" align="flex-start">
            <Text size="sm">{t('requestForm.notEditable.description')}</Text>
            <Button component={Link} to={detailPath} variant="light" size="xs">
              {t('requestForm.notEditable.back')}
            </Button>
          </Stack>
        </Alert>
      ) : (
        <Stack gap="lg">
          {question?.comment && (
            <Alert color="orange" title={t('requestDetail.clarification.title')}>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {question.comment}
              </Text>
            </Alert>
          )}
          <RequestForm
            key={`${data.id}:${data.version}`}
            request={data}
            submitLabel={t('requestForm.saveChanges')}
            pending={save.isPending}
            error={save.error}
            onSubmit={(input) => save.mutate(input)}
            onCancel={() => void navigate(detailPath)}
          />
        </Stack>
      )}
    </Stack>
  );
}
