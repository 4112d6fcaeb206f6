import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { setUserPassword, userKeys, type User } from '../api/users';
import { FormErrorAlert, splitFieldErrors } from '../components/form-errors';
import { useNotify } from '../components/notifications';
import { useTranslation } from '../i18n';

/**
 * An administrator sets a person's password: a forgotten one, or the first one of an account that came in by
 * import (imported accounts have none and stay deactivated until they get one).
 */
export function PasswordButton({ user }: { user: User }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [password, setPassword] = useState('');
  const save = useMutation({
    mutationFn: () => setUserPassword(user, password, !user.active),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
      notify({ color: 'green', title: t('admin.password.done', { name: user.displayName }) });
      close();
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
  const close = () => {
    setOpened(false);
    setPassword('');
    save.reset();
  };
  const { fields, rest } = splitFieldErrors<'password'>(save.error, (field) =>
    field === 'password' ? 'password' : null,
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <>
      <Button size="xs" variant="light" onClick={() => setOpened(true)}>
        {t('admin.password.button')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('admin.password.title', { name: user.displayName })}>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Text size="sm">
              {user.active ? t('admin.password.description') : t('admin.password.descriptionInactive')}
            </Text>
            <FormErrorAlert error={save.error} rest={rest} />
            <PasswordInput
              label={t('admin.password.field')}
              description={t('admin.users.fields.passwordHelp')}
              required
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              error={fields.password}
              autoComplete="new-password"
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {t('admin.password.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
