import { Button, Group, Modal, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import type { Role } from '../api/auth';
import { organizationQuery, type Organization } from '../api/organizations';
import { createUser, ROLES_BY_KIND, userKeys, type UserInput } from '../api/users';
import { FormErrorAlert, splitFieldErrors } from '../components/form-errors';
import { OrganizationSelect } from './organization-select';
import { useNotify } from '../components/notifications';
import { useTranslation } from '../i18n';

type Field = keyof UserInput;
const FIELDS: readonly Field[] = ['email', 'displayName', 'organizationId', 'role', 'password'];
const EMPTY = { email: '', displayName: '', organizationId: '', role: '' as Role | '', password: '' };

/** A new account: who, in which organisation, with a role that organisation's kind allows, and a first password. */
export function UserDialog({
  opened,
  onClose,
  organizationId,
}: {
  opened: boolean;
  onClose: () => void;
  organizationId?: string;
}) {
  const { t } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [values, setValues] = useState({ ...EMPTY, organizationId: organizationId ?? '' });
  const [picked, setOrganization] = useState<Organization | null>(null);
  const preselected = useQuery({
    ...organizationQuery(values.organizationId),
    enabled: !!values.organizationId && !picked,
  });
  const organization = picked?.id === values.organizationId ? picked : preselected.data;
  const roles = organization ? ROLES_BY_KIND[organization.kind] : [];
  const create = useMutation({
    mutationFn: (input: UserInput) => createUser(input),
    onSuccess: (user) => {
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
      notify({ color: 'green', title: t('admin.users.created', { name: user.displayName }) });
      setValues({ ...EMPTY, organizationId: organizationId ?? '' });
      onClose();
    },
  });
  // Each opening starts from the organisation the list is filtered to, without the last attempt's errors.
  useEffect(() => {
    if (!opened) return;
    setValues({ ...EMPTY, organizationId: organizationId ?? '' });
    setOrganization(null);
  }, [opened, organizationId]);
  const close = () => {
    create.reset();
    onClose();
  };
  const { fields: errors, rest } = splitFieldErrors<Field>(create.error, (field) =>
    (FIELDS as readonly string[]).includes(field) ? (field as Field) : null,
  );
  const set = (field: Field) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ ...values, role: values.role as Role });
  };

  return (
    <Modal opened={opened} onClose={close} title={t('admin.users.new')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormErrorAlert error={create.error} rest={rest} />
          <TextInput
            label={t('admin.users.fields.displayName')}
            required
            value={values.displayName}
            onChange={(e) => set('displayName')(e.currentTarget.value)}
            error={errors.displayName}
          />
          <TextInput
            label={t('admin.users.fields.email')}
            type="email"
            required
            value={values.email}
            onChange={(e) => set('email')(e.currentTarget.value)}
            error={errors.email}
          />
          <OrganizationSelect
            label={t('admin.users.fields.organization')}
            required
            activeOnly
            value={values.organizationId || null}
            onChange={(picked) => {
              setOrganization(picked);
              // The only role a provider can hold is picked for the person; other kinds choose.
              const allowed = picked ? ROLES_BY_KIND[picked.kind] : [];
              setValues((v) => ({
                ...v,
                organizationId: picked?.id ?? '',
                role: allowed.length === 1 ? allowed[0] : '',
              }));
            }}
            error={errors.organizationId}
          />
          <Select
            label={t('admin.users.fields.role')}
            required
            description={organization ? undefined : t('admin.users.fields.roleHelp')}
            disabled={!organization}
            data={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            value={values.role || null}
            onChange={(value) => set('role')(value ?? '')}
            error={errors.role}
          />
          <PasswordInput
            label={t('admin.users.fields.password')}
            description={t('admin.users.fields.passwordHelp')}
            required
            value={values.password}
            onChange={(e) => set('password')(e.currentTarget.value)}
            error={errors.password}
            autoComplete="new-password"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('admin.users.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
