import {
  Alert,
  Button,
  Input,
  Modal,
  NumberInput,
  Rating,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  type ButtonProps,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { CurrentUser } from '../api/auth';
import { ApiError } from '../api/client';
import {
  giveMatchFeedback,
  matchKeys,
  transitionMatch,
  type DeliveryRecord,
  type Match,
  type MatchAction,
} from '../api/matches';
import { offerKeys } from '../api/offers';
import { requestKeys } from '../api/requests';
import { useSignedInUser } from '../auth/current-user';
import { DialogFooter, type ActionDialogConfig } from '../components/action-dialog';
import { useNotify } from '../components/notifications';
import { WorkflowActions } from '../components/workflow-actions';
import { formatDate } from '../format';
import { useTranslation } from '../i18n';

/** The actions people take on a match (retire and revive are the system's). */
type PersonAction = Exclude<MatchAction, 'retire' | 'revive'>;

/**
 * In button order: the step forward first, then the ones that end the match. Completing has its own dialog
 * (the delivery record), opened from its own button.
 */
const ACTION_ORDER: readonly PersonAction[] = [
  'endorse',
  'accept',
  'confirm',
  'start',
  'dismiss',
  'decline',
  'reject',
  'cancel',
];
const NEGATIVE: readonly PersonAction[] = ['dismiss', 'decline', 'reject', 'cancel'];
const REASON_REQUIRED: readonly PersonAction[] = ['decline', 'reject'];
const COMMENT_REQUIRED: readonly PersonAction[] = ['dismiss'];

/** Which side of a completed match the person rates; the API decides whether they still may (canGiveFeedback). */
function feedbackSide(user: CurrentUser, match: Match): 'requester' | 'provider' | null {
  if (!match.canGiveFeedback) return null;
  return user.role === 'provider_member' ? 'provider' : 'requester';
}

/** After any change to a match, the request (matched), the offer (capacity) and every match list may differ. */
function useRefreshAfterMatchChange() {
  const queryClient = useQueryClient();
  return (match: Match) => {
    queryClient.setQueryData(matchKeys.detail(match.id), match);
    void queryClient.invalidateQueries({ queryKey: matchKeys.all });
    void queryClient.invalidateQueries({ queryKey: requestKeys.detail(match.request.id) });
    void queryClient.invalidateQueries({ queryKey: offerKeys.detail(match.offer.id) });
    void queryClient.invalidateQueries({ queryKey: ['reports'] });
  };
}

interface MatchActionsProps {
  match: Match;
  size?: ButtonProps['size'];
}

/** One button per action the API allows this person on the match now, plus feedback once it is completed. */
export function MatchActions({ match, size = 'sm' }: MatchActionsProps) {
  const { t } = useTranslation();
  const notify = useNotify();
  const user = useSignedInUser();
  const refresh = useRefreshAfterMatchChange();
  const queryClient = useQueryClient();
  const [feedbackOpen, setFeedbackOpen] = useState(false);
  const [completeOpen, setCompleteOpen] = useState(false);
  const names = { offer: match.offer.title, reference: match.request.reference, provider: match.offer.provider.name };

  // A suggestion is dismissed, not cancelled: offering both would ask the same question twice.
  const actions = ACTION_ORDER.filter(
    (candidate) =>
      match.availableActions.includes(candidate) &&
      !(candidate === 'cancel' && match.availableActions.includes('dismiss')),
  );
  const side = feedbackSide(user, match);
  const canComplete = match.availableActions.includes('complete');
  if (actions.length === 0 && !side && !canComplete) return null;
  const primary = actions.find((candidate) => !NEGATIVE.includes(candidate));

  // Who reads a comment: the match's history shows it to everyone who sees the match. A suggestion (and what
  // becomes of it before it is endorsed) is the Committee's alone.
  const audience =
    match.status === 'suggested'
      ? t('matchActions.commentAudience.committee')
      : t('matchActions.commentAudience.parties', { provider: match.offer.provider.name });
  const config = (chosen: PersonAction): ActionDialogConfig => {
    const key = `matchActions.${chosen}` as const;
    const base: ActionDialogConfig = {
      title: t(`${key}.title`, names),
      description: t(`${key}.description`, names),
      confirmLabel: t(`${key}.confirm`),
      comment: REASON_REQUIRED.includes(chosen) ? 'none' : COMMENT_REQUIRED.includes(chosen) ? 'required' : 'optional',
      confirmColor: NEGATIVE.includes(chosen) ? 'red' : undefined,
      audience,
    };
    switch (chosen) {
      case 'dismiss':
        return {
          ...base,
          commentLabel: t('matchActions.dismiss.commentLabel'),
          commentPlaceholder: t('matchActions.dismiss.commentPlaceholder'),
        };
      case 'decline':
      case 'reject':
        return {
          ...base,
          reasonText: {
            label: t(`matchActions.${chosen}.reasonLabel`),
            placeholder: t(`matchActions.${chosen}.reasonPlaceholder`),
          },
        };
      case 'cancel':
        return { ...base, commentLabel: t('matchActions.cancel.commentLabel') };
      default:
        return base;
    }
  };

  return (
    <WorkflowActions
      size={size}
      actions={actions}
      primary={primary}
      buttonLabel={(candidate) => t(`matchActions.${candidate}.button`)}
      buttonColor={(candidate) => (NEGATIVE.includes(candidate) ? 'red' : undefined)}
      dialog={config}
      transition={(input) => transitionMatch(match.id, { ...input, version: match.version })}
      onDone={(updated, action) => {
        refresh(updated);
        notify({ color: 'green', title: t(`matchActions.${action}.done`, names) });
      }}
      // Someone else acted on it meanwhile: show where it stands now.
      onConflict={() => void queryClient.invalidateQueries({ queryKey: matchKeys.all })}
      extraButtons={
        <>
          {canComplete && (
            <Button size={size} variant={primary ? 'default' : 'filled'} onClick={() => setCompleteOpen(true)}>
              {t('matchActions.complete.button')}
            </Button>
          )}
          {side && (
            <Button size={size} variant="filled" color="grape" onClick={() => setFeedbackOpen(true)}>
              {t('matchActions.feedback.button')}
            </Button>
          )}
        </>
      }
    >
      {canComplete && (
        <CompleteDialog
          match={match}
          audience={audience}
          opened={completeOpen}
          onClose={() => setCompleteOpen(false)}
          onDone={(updated) => {
            refresh(updated);
            notify({ color: 'green', title: t('matchActions.complete.done', names) });
          }}
        />
      )}
      {side && (
        <FeedbackDialog
          match={match}
          side={side}
          opened={feedbackOpen}
          onClose={() => setFeedbackOpen(false)}
          onDone={refresh}
        />
      )}
    </WorkflowActions>
  );
}

interface FeedbackDialogProps {
  match: Match;
  side: 'requester' | 'provider';
  opened: boolean;
  onClose: () => void;
  onDone: (match: Match) => void;
}

/** Rating 1–5 and a comment on a completed match (resolution 2663, OP20). */
function FeedbackDialog({ match, side, opened, onClose, onDone }: FeedbackDialogProps) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const [touched, setTouched] = useState(false);
  const names = { offer: match.offer.title, reference: match.request.reference, provider: match.offer.provider.name };

  useEffect(() => {
    if (!opened) return;
    setRating(0);
    setComment('');
    setTouched(false);
  }, [opened]);

  const send = useMutation({
    mutationFn: () => giveMatchFeedback(match.id, { rating, comment: comment.trim() || undefined }),
    onSuccess: (updated) => {
      onDone(updated);
      onClose();
      notify({ color: 'green', title: t('matchActions.feedback.done') });
    },
  });

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (rating < 1) return;
    send.mutate();
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('matchActions.feedback.title', names)} size="lg" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">
            {side === 'requester'
              ? t('matchActions.feedback.descriptionRequester', names)
              : t('matchActions.feedback.descriptionProvider', names)}
          </Text>
          <Input.Wrapper
            label={t('matchActions.feedback.rating')}
            description={t('matchActions.feedback.ratingHelp')}
            required
            error={touched && rating < 1 ? t('matchActions.feedback.ratingMissing') : undefined}
          >
            <Rating
              value={rating}
              onChange={setRating}
              // Mantine's stars only preview on arrow keys (a click or Space sets them): a keyboard user's
              // choice is the star the arrows landed on.
              onKeyUp={(event) => {
                const star = event.target as HTMLInputElement;
                if (star.type === 'radio' && event.key.startsWith('Arrow')) setRating(Number(star.value));
              }}
              size="lg"
              mt={6}
              getSymbolLabel={(value) => t('matchActions.feedback.star', { count: value })}
            />
          </Input.Wrapper>
          <Textarea
            label={t('matchActions.feedback.comment')}
            value={comment}
            onChange={(event) => setComment(event.currentTarget.value)}
            autosize
            minRows={3}
            maxRows={10}
          />
          <DialogFooter
            error={send.error}
            pending={send.isPending}
            onClose={onClose}
            confirmLabel={t('matchActions.feedback.confirm')}
          />
        </Stack>
      </form>
    </Modal>
  );
}

interface CompleteDialogProps {
  match: Match;
  audience: string;
  opened: boolean;
  onClose: () => void;
  onDone: (match: Match) => void;
}

const today = () => new Date().toISOString().slice(0, 10);
const EMPTY_DELIVERY = { deliveredFrom: '', deliveredUntil: '', participants: '' as number | string, deliverables: '' };

/** Completing a match records what was delivered (DESIGN §5), once, with a warning when it began too early. */
function CompleteDialog({ match, audience, opened, onClose, onDone }: CompleteDialogProps) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState(EMPTY_DELIVERY);
  const [comment, setComment] = useState('');
  const [touched, setTouched] = useState(false);
  const names = { offer: match.offer.title, reference: match.request.reference, provider: match.offer.provider.name };

  useEffect(() => {
    if (!opened) return;
    setForm(EMPTY_DELIVERY);
    setComment('');
    setTouched(false);
  }, [opened]);

  const send = useMutation({
    mutationFn: (delivery: DeliveryRecord) =>
      transitionMatch(match.id, {
        action: 'complete',
        delivery,
        comment: comment.trim() || undefined,
        version: match.version,
      }),
    onSuccess: (updated) => {
      onDone(updated);
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.statusCode === 409)
        void queryClient.invalidateQueries({ queryKey: matchKeys.all });
    },
  });

  const required = (value: string | number) =>
    touched && String(value).trim() === '' ? t('matchActions.complete.required') : undefined;
  const serverError = (field: string) =>
    send.error instanceof ApiError
      ? send.error.fieldErrors.find((issue) => issue.field === `delivery.${field}`)?.message
      : undefined;
  const untilError =
    touched && form.deliveredFrom && form.deliveredUntil && form.deliveredUntil < form.deliveredFrom
      ? t('matchActions.complete.untilBeforeFrom')
      : touched && form.deliveredUntil > today()
        ? t('matchActions.complete.inFuture')
        : undefined;
  const early = Boolean(
    form.deliveredFrom && match.request.desiredStart && form.deliveredFrom < match.request.desiredStart,
  );

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setTouched(true);
    const { deliveredFrom, deliveredUntil, participants, deliverables } = form;
    if (!deliveredFrom || !deliveredUntil || participants === '' || !deliverables.trim()) return;
    if (deliveredUntil < deliveredFrom || deliveredUntil > today()) return;
    send.mutate({
      deliveredFrom,
      deliveredUntil,
      participants: Number(participants),
      deliverables: deliverables.trim(),
    });
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('matchActions.complete.title', names)} size="lg" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('matchActions.complete.description', names)}</Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="date"
              label={t('matchActions.complete.deliveredFrom')}
              value={form.deliveredFrom}
              max={today()}
              onChange={(event) => setForm({ ...form, deliveredFrom: event.currentTarget.value })}
              required
              data-autofocus
              error={required(form.deliveredFrom) ?? serverError('deliveredFrom')}
            />
            <TextInput
              type="date"
              label={t('matchActions.complete.deliveredUntil')}
              value={form.deliveredUntil}
              min={form.deliveredFrom || undefined}
              max={today()}
              onChange={(event) => setForm({ ...form, deliveredUntil: event.currentTarget.value })}
              required
              error={required(form.deliveredUntil) ?? untilError ?? serverError('deliveredUntil')}
            />
          </SimpleGrid>
          {early && (
            <Alert color="orange" variant="light" role="status">
              {t('matchActions.complete.beforeDesiredStart', {
                from: formatDate(form.deliveredFrom, i18n.language),
                desired: formatDate(match.request.desiredStart!, i18n.language),
              })}
            </Alert>
          )}
          <NumberInput
            label={t('matchActions.complete.participants')}
            description={t('matchActions.complete.participantsHelp')}
            value={form.participants}
            onChange={(value) => setForm({ ...form, participants: value })}
            min={0}
            allowDecimal={false}
            allowNegative={false}
            required
            error={required(form.participants) ?? serverError('participants')}
          />
          <Textarea
            label={t('matchActions.complete.deliverables')}
            description={t('matchActions.complete.deliverablesHelp')}
            value={form.deliverables}
            onChange={(event) => setForm({ ...form, deliverables: event.currentTarget.value })}
            required
            autosize
            minRows={3}
            maxRows={8}
            error={required(form.deliverables) ?? serverError('deliverables')}
          />
          <Textarea
            label={t('actions.commentOptional')}
            description={audience}
            value={comment}
            onChange={(event) => setComment(event.currentTarget.value)}
            autosize
            minRows={2}
            maxRows={6}
          />
          <DialogFooter
            error={send.error}
            pending={send.isPending}
            onClose={onClose}
            confirmLabel={t('matchActions.complete.confirm')}
          />
        </Stack>
      </form>
    </Modal>
  );
}
