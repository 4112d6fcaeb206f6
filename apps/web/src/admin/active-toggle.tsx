import { Badge, Button, Select } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../api/client';
import { ActionDialog } from '../components/action-dialog';
import { useNotify } from '../components/notifications';
import { useTranslation } from '../i18n';

/** "Active" or "Deactivated", for an organisation or a user. */
export function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge color={active ? 'green' : 'gray'} variant="light">
      {active ? t('admin.active') : t('admin.inactive')}
    </Badge>
  );
}

interface ActiveToggleProps {
  active: boolean;
  /** What the record is called in the confirmation, e.g. the organisation's name. */
  name: string;
  setActive: (active: boolean) => Promise<unknown>;
  /** Query keys to refresh afterwards. */
  invalidate: readonly unknown[];
  disabled?: boolean;
}

/** Deactivate (signing in and acting stop; nothing is deleted) or reactivate an organisation or user. */
export function ActiveToggle({ active, name, setActive, invalidate, disabled }: ActiveToggleProps) {
  const { t } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const toggle = useMutation({
    mutationFn: () => setActive(!active),
    onSuccess: () => {
      setConfirming(false);
      void queryClient.invalidateQueries({ queryKey: invalidate });
      notify({ color: 'green', title: active ? t('admin.deactivated', { name }) : t('admin.reactivated', { name }) });
    },
    // Changed meanwhile (409): refresh the list behind the dialog, so confirming again uses the current version.
    onError: (error) => {
      if (error instanceof ApiError && error.statusCode === 409)
        void queryClient.invalidateQueries({ queryKey: invalidate });
    },
  });
  const verb = active ? 'deactivate' : 'reactivate';
  return (
    <>
      <Button
        size="xs"
        variant="light"
        color={active ? 'red' : 'green'}
        disabled={disabled}
        onClick={() => {
          toggle.reset();
          setConfirming(true);
        }}
      >
        {t(`admin.${verb}.button`)}
      </Button>
      <ActionDialog
        config={
          confirming
            ? {
                title: t(`admin.${verb}.title`, { name }),
                description: t(`admin.${verb}.description`),
                confirmLabel: t(`admin.${verb}.button`),
                confirmColor: active ? 'red' : undefined,
                comment: 'none',
              }
            : null
        }
        onClose={() => setConfirming(false)}
        onConfirm={() => toggle.mutate()}
        pending={toggle.isPending}
        error={toggle.error}
      />
    </>
  );
}

/** Active, deactivated or both: shared by the two administration lists. */
export function ActiveFilter({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (value: string | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('admin.status')}
      placeholder={t('filters.any')}
      data={[
        { value: 'true', label: t('admin.active') },
        { value: 'false', label: t('admin.inactive') },
      ]}
      value={value ?? null}
      onChange={onChange}
      clearable
      w={160}
    />
  );
}
