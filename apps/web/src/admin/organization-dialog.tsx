import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { OrganizationKind } from '../api/auth';
import { createOrganization, ORGANIZATION_KINDS, organizationKeys, type OrganizationInput } from '../api/organizations';
import { FormErrorAlert, splitFieldErrors } from '../components/form-errors';
import { useNotify } from '../components/notifications';
import { useTaxonomy } from '../taxonomy/use-taxonomy';
import { useTranslation } from '../i18n';

type Field = 'name' | 'shortName' | 'kind' | 'state' | 'contactEmail';
const FIELDS: readonly Field[] = ['name', 'shortName', 'kind', 'state', 'contactEmail'];

/** A new organisation: a State agency (with its State), a provider, or the Committee. */
export function OrganizationDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const { lookup } = useTaxonomy();
  const [values, setValues] = useState({
    name: '',
    shortName: '',
    kind: 'state_agency' as OrganizationKind,
    state: '',
    contactEmail: '',
  });
  const create = useMutation({
    mutationFn: (input: OrganizationInput) => createOrganization(input),
    onSuccess: (organization) => {
      void queryClient.invalidateQueries({ queryKey: organizationKeys.all });
      notify({ color: 'green', title: t('admin.organizations.created', { name: organization.name }) });
      setValues({ name: '', shortName: '', kind: 'state_agency', state: '', contactEmail: '' });
      onClose();
    },
  });
  // Cancelled or closed: the next opening starts empty, without the last attempt's errors.
  const close = () => {
    setValues({ name: '', shortName: '', kind: 'state_agency', state: '', contactEmail: '' });
    create.reset();
    onClose();
  };
  const { fields: errors, rest } = splitFieldErrors<Field>(create.error, (field) =>
    (FIELDS as readonly string[]).includes(field) ? (field as Field) : null,
  );
  const set = (field: Field) => (value: string | null) => setValues((v) => ({ ...v, [field]: value ?? '' }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({
      name: values.name,
      shortName: values.shortName,
      kind: values.kind,
      state: values.state || undefined,
      contactEmail: values.contactEmail.trim() || undefined,
    });
  };

  return (
    <Modal opened={opened} onClose={close} title={t('admin.organizations.new')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormErrorAlert error={create.error} rest={rest} />
          <TextInput
            label={t('admin.organizations.fields.name')}
            required
            value={values.name}
            onChange={(e) => set('name')(e.currentTarget.value)}
            error={errors.name}
          />
          <TextInput
            label={t('admin.organizations.fields.shortName')}
            required
            value={values.shortName}
            onChange={(e) => set('shortName')(e.currentTarget.value)}
            error={errors.shortName}
            w={200}
          />
          <Select
            label={t('admin.organizations.fields.kind')}
            required
            data={ORGANIZATION_KINDS.map((kind) => ({ value: kind, label: t(`admin.kinds.${kind}`) }))}
            value={values.kind}
            onChange={(value) => value && set('kind')(value)}
            error={errors.kind}
          />
          <Select
            label={t('admin.organizations.fields.state')}
            description={t('admin.organizations.fields.stateHelp')}
            data={lookup?.options.states ?? []}
            value={values.state || null}
            onChange={set('state')}
            searchable
            clearable
            nothingFoundMessage={t('taxonomy.nothingFound')}
            error={errors.state}
          />
          <TextInput
            label={t('admin.organizations.fields.contactEmail')}
            type="email"
            value={values.contactEmail}
            onChange={(e) => set('contactEmail')(e.currentTarget.value)}
            error={errors.contactEmail}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('admin.organizations.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
