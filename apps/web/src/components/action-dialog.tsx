import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { ApiError } from '../api/client';
import { useErrorMessage } from './error-state';
import { useTranslation } from '../i18n';

export interface ActionDialogConfig {
  title: string;
  description: string;
  confirmLabel: string;
  confirmColor?: string;
  /** `required`: the action is refused without one (a question, a reason to return); `none`: no comment box. */
  comment: 'required' | 'optional' | 'none';
  commentLabel?: string;
  commentPlaceholder?: string;
  /** A reason picked from a list (closing a request)… */
  reasons?: { value: string; label: string }[];
  /** …or written by the person (declining a match): required either way. */
  reasonText?: { label: string; placeholder?: string };
  /** Anything else the person should know before confirming (e.g. the objection window). */
  extra?: ReactNode;
  /** Who will read what the person writes here (shown under the comment and reason boxes). */
  audience?: string;
}

interface ActionDialogProps {
  config: ActionDialogConfig | null;
  onClose: () => void;
  onConfirm: (input: { comment?: string; reason?: string }) => void;
  pending: boolean;
  error: unknown;
}

/** Confirms a workflow action, with the comment or reason it needs; server errors stay in the dialog. */
export function ActionDialog({ config, onClose, onConfirm, pending, error }: ActionDialogProps) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const [reason, setReason] = useState<string | null>(null);
  const [touched, setTouched] = useState(false);

  // A fresh form each time the dialog opens for an action.
  useEffect(() => {
    setComment('');
    setReason(null);
    setTouched(false);
  }, [config]);

  const fieldErrors = error instanceof ApiError ? error.fieldErrors : [];
  const serverError = (field: string) => fieldErrors.find((issue) => issue.field === field)?.message;
  const commentMissing = config?.comment === 'required' && !comment.trim();
  const reasonMissing = (!!config?.reasons && !reason) || (!!config?.reasonText && !reason?.trim());

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (commentMissing || reasonMissing) return;
    onConfirm({ comment: comment.trim() || undefined, reason: reason?.trim() || undefined });
  };

  return (
    <Modal opened={config !== null} onClose={onClose} title={config?.title} size="lg" centered>
      {config && (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Text size="sm">{config.description}</Text>
            {config.extra}
            {config.reasons && (
              <Select
                label={t('actions.reasonLabel')}
                data={config.reasons}
                value={reason}
                onChange={setReason}
                required
                allowDeselect={false}
                error={(touched && reasonMissing ? t('actions.reasonRequired') : undefined) ?? serverError('reason')}
              />
            )}
            {config.reasonText && (
              <Textarea
                label={config.reasonText.label}
                placeholder={config.reasonText.placeholder}
                description={config.audience}
                value={reason ?? ''}
                onChange={(event) => setReason(event.currentTarget.value)}
                required
                autosize
                minRows={3}
                maxRows={8}
                maxLength={500}
                data-autofocus
                error={(touched && reasonMissing ? t('actions.reasonMissing') : undefined) ?? serverError('reason')}
              />
            )}
            {config.comment !== 'none' && (
              <Textarea
                label={
                  config.commentLabel ??
                  (config.comment === 'required' ? t('actions.commentRequired') : t('actions.commentOptional'))
                }
                placeholder={config.commentPlaceholder}
                description={config.audience}
                value={comment}
                onChange={(event) => setComment(event.currentTarget.value)}
                required={config.comment === 'required'}
                autosize
                minRows={3}
                maxRows={10}
                data-autofocus
                error={(touched && commentMissing ? t('actions.commentMissing') : undefined) ?? serverError('comment')}
              />
            )}
            <DialogFooter
              error={fieldErrors.length === 0 ? error : null}
              pending={pending}
              onClose={onClose}
              confirmLabel={config.confirmLabel}
              confirmColor={config.confirmColor}
            />
          </Stack>
        </form>
      )}
    </Modal>
  );
}

interface DialogFooterProps {
  /** What the API refused that no field shows; nothing is shown while it is null. */
  error: unknown;
  pending: boolean;
  onClose: () => void;
  confirmLabel: string;
  confirmColor?: string;
}

/** The end of a confirming dialog: what the API refused, then Cancel and the confirming button. */
export function DialogFooter({ error, pending, onClose, confirmLabel, confirmColor }: DialogFooterProps) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  return (
    <>
      {error != null && (
        <Alert color="red" title={t('actions.failed')} role="alert">
          {error instanceof ApiError && !error.isNetworkError ? error.message : describe(error)}
        </Alert>
      )}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose} disabled={pending}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" color={confirmColor} loading={pending}>
          {confirmLabel}
        </Button>
      </Group>
    </>
  );
}
