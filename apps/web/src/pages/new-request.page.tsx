import { Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '../router';
import { createRequest, requestKeys, type RequestInput } from '../api/requests';
import { useSignedInUser } from '../auth/current-user';
import { useNotify } from '../components/notifications';
import { PageHeader } from '../components/page-header';
import { requestPath } from '../paths';
import { RequestForm } from '../requests/request-form';
import { useTranslation } from '../i18n';

export function NewRequestPage() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const navigate = useNavigate();
  const notify = useNotify();
  const queryClient = useQueryClient();

  const create = useMutation({
    mutationFn: (input: RequestInput) => createRequest(input),
    onSuccess: ({ possibleDuplicates, ...created }) => {
      queryClient.setQueryData(requestKeys.detail(created.id), created);
      void queryClient.invalidateQueries({ queryKey: requestKeys.all });
      notify({ color: 'green', title: t('requestForm.created', { reference: created.reference }) });
      if (possibleDuplicates.length > 0) {
        notify({
          color: 'yellow',
          title: t('requestForm.duplicates.title'),
          message: possibleDuplicates.map((duplicate) => `${duplicate.reference} — ${duplicate.title}`).join('; '),
          autoCloseMs: 12_000,
        });
      }
      void navigate(requestPath(user.role, created.id));
    },
  });

  return (
    <Stack gap={0}>
      <PageHeader title={t('sections.newRequest.title')}>{t('requestForm.newIntro')}</PageHeader>
      <RequestForm
        submitLabel={t('requestForm.saveDraft')}
        pending={create.isPending}
        error={create.error}
        onSubmit={(input) => create.mutate(input)}
        onCancel={() => void navigate('/agency/requests')}
      />
    </Stack>
  );
}
