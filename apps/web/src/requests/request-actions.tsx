import { Alert, Text, type ButtonProps } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import {
  CLOSE_REASONS,
  requestKeys,
  transitionRequest,
  type AssistanceRequest,
  type RequestAction,
} from '../api/requests';
import type { ActionDialogConfig } from '../components/action-dialog';
import { useNotify } from '../components/notifications';
import { useSignedInUser } from '../auth/current-user';
import { WorkflowActions } from '../components/workflow-actions';
import { formatDateTime } from '../format';
import { useTaxonomy } from '../taxonomy/use-taxonomy';
import { useTranslation } from '../i18n';

/**
 * Actions people take, in the order their buttons appear: the step forward first, then a question back,
 * then the ones that end the request. Matched, in delivery and delivered follow the agreed matches by themselves.
 */
export type PersonRequestAction = Exclude<
  RequestAction,
  'match_agreed' | 'start_delivery' | 'mark_delivered' | 'agreements_cancelled' | 'record_objection' | 'record_waiver'
>;

const PERSON_ACTIONS: readonly PersonRequestAction[] = [
  'mark_ready',
  'submit',
  'acknowledge',
  'circulate',
  'request_clarification',
  'object',
  'withdraw_objection',
  'close',
  'withdraw',
];

const DESTRUCTIVE: readonly PersonRequestAction[] = ['withdraw', 'close'];

interface RequestActionsProps {
  request: AssistanceRequest;
  size?: ButtonProps['size'];
  /** Offer only these of the available actions (e.g. the review queue's). */
  only?: readonly PersonRequestAction[];
}

/** True until `at` (an ISO time; false when null), re-rendering the caller when that moment passes. */
function useUntil(at: string | null | undefined): boolean {
  const end = at ? new Date(at).getTime() : 0;
  const [, setTick] = useState(0);
  useEffect(() => {
    const left = end - Date.now();
    // setTimeout's limit is about 24.8 days; a later moment is checked again on the next render.
    if (left <= 0 || left > 2 ** 31 - 1) return;
    const timer = setTimeout(() => setTick((n) => n + 1), left + 500);
    return () => clearTimeout(timer);
  }, [end]);
  // eslint-disable-next-line react-hooks/purity -- the clock is this hook's input; the timer above re-renders
  return end > Date.now();
}

/** One button per action the API says this person may take now, each confirmed in a dialog. */
export function RequestActions({ request, size = 'sm', only }: RequestActionsProps) {
  const { t, i18n } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const user = useSignedInUser();
  const { lookup } = useTaxonomy();

  const actions = PERSON_ACTIONS.filter(
    (candidate) => request.availableActions.includes(candidate) && (!only || only.includes(candidate)),
  );
  const windowOpen = useUntil(request.objectionWindowClosesAt);
  if (actions.length === 0) return null;
  // Circulating before the objection window closes is refused, so it is not the obvious next step then.
  const primary = actions.find(
    (candidate) =>
      !DESTRUCTIVE.includes(candidate) &&
      candidate !== 'request_clarification' &&
      !(candidate === 'circulate' && windowOpen),
  );

  const resubmit = request.status === 'clarification_requested';
  const committee = user.role === 'committee_admin' || user.role === 'committee_member';
  const stateName = lookup?.stateName(request.state) ?? request.state;
  const config = (chosen: PersonRequestAction): ActionDialogConfig => {
    const base = {
      title: t(`requestActions.${chosen}.title`, { reference: request.reference }),
      description: t(`requestActions.${chosen}.description`),
      confirmLabel: t(`requestActions.${chosen}.confirm`),
      comment: chosen === 'request_clarification' ? ('required' as const) : ('optional' as const),
      confirmColor: DESTRUCTIVE.includes(chosen) ? 'red' : chosen === 'request_clarification' ? 'orange' : undefined,
      // A request's history shows comments to the Committee and the State's agencies, never to providers.
      audience: committee
        ? t('requestActions.commentAudience.committeeToState', { state: stateName })
        : chosen === 'mark_ready'
          ? t('requestActions.commentAudience.state')
          : t('requestActions.commentAudience.shared'),
    };
    switch (chosen) {
      case 'submit':
        return resubmit
          ? {
              ...base,
              title: t('requestActions.resubmit.title', { reference: request.reference }),
              description: t('requestActions.resubmit.description'),
              confirmLabel: t('requestActions.resubmit.confirm'),
            }
          : base;
      case 'request_clarification':
        return {
          ...base,
          commentLabel: t('requestActions.request_clarification.commentLabel'),
          commentPlaceholder: t('requestActions.request_clarification.commentPlaceholder'),
        };
      case 'circulate':
        return { ...base, extra: <ObjectionWindowNote request={request} /> };
      case 'close':
        return {
          ...base,
          reasons: CLOSE_REASONS.map((reason) => ({ value: reason, label: t(`closeReasons.${reason}`) })),
        };
      default:
        return base;
    }
  };

  const buttonLabel = (candidate: PersonRequestAction) =>
    candidate === 'submit' && resubmit ? t('requestActions.resubmit.button') : t(`requestActions.${candidate}.button`);

  return (
    <WorkflowActions
      size={size}
      actions={actions}
      primary={primary}
      buttonLabel={buttonLabel}
      buttonColor={(candidate) =>
        DESTRUCTIVE.includes(candidate) ? 'red' : candidate === 'request_clarification' ? 'orange' : undefined
      }
      dialog={config}
      notYet={(candidate) =>
        candidate === 'circulate' && windowOpen
          ? t('objectionWindow.notYet', { at: formatDateTime(request.objectionWindowClosesAt!, i18n.language) })
          : undefined
      }
      transition={(input) => transitionRequest(request.id, { ...input, version: request.version })}
      onDone={(updated, action) => {
        queryClient.setQueryData(requestKeys.detail(updated.id), updated);
        void queryClient.invalidateQueries({ queryKey: requestKeys.all });
        notify({
          color: 'green',
          title: t(`requestActions.${action}.done`, { reference: updated.reference }),
        });
      }}
      // Someone else changed it meanwhile: show the current state behind the dialog.
      onConflict={() => void queryClient.invalidateQueries({ queryKey: requestKeys.detail(request.id) })}
    />
  );
}

/** When the requesting State's objection window closes, or that it waived it (DESIGN §5). */
export function ObjectionWindowNote({ request, compact = false }: { request: AssistanceRequest; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const windowOpen = useUntil(request.objectionWindowClosesAt);
  if (request.status !== 'acknowledged') return null;
  let text: string;
  let open: boolean;
  if (request.objectionWindowWaived) {
    text = t('objectionWindow.waived');
    open = true;
  } else if (request.objectionWindowClosesAt) {
    const closesAt = request.objectionWindowClosesAt;
    open = !windowOpen;
    text = open
      ? t('objectionWindow.closed', { at: formatDateTime(closesAt, i18n.language) })
      : t('objectionWindow.closes', { at: formatDateTime(closesAt, i18n.language) });
  } else {
    return null;
  }
  if (compact) {
    const at = request.objectionWindowClosesAt ? formatDateTime(request.objectionWindowClosesAt, i18n.language) : '';
    return (
      <Text size="xs" c={open ? 'teal' : 'orange'} title={text}>
        {request.objectionWindowWaived
          ? t('objectionWindow.short.waived')
          : open
            ? t('objectionWindow.short.closed')
            : t('objectionWindow.short.closes', { at })}
      </Text>
    );
  }
  return (
    <Alert color={open ? 'teal' : 'orange'} variant="light" title={t('objectionWindow.title')}>
      {text}
    </Alert>
  );
}
