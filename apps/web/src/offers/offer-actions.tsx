import type { ButtonProps } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { offerKeys, transitionOffer, type AssistanceOffer, type OfferAction } from '../api/offers';
import type { ActionDialogConfig } from '../components/action-dialog';
import { useNotify } from '../components/notifications';
import { WorkflowActions } from '../components/workflow-actions';
import { useTranslation } from '../i18n';

/** Actions people take; exhaust, replenish and expire follow from capacity and dates. */
const PERSON_ACTIONS: readonly OfferAction[] = ['submit', 'verify', 'return_to_draft', 'pause', 'resume', 'close'];

interface OfferActionsProps {
  offer: AssistanceOffer;
  size?: ButtonProps['size'];
  /** Offer only these of the available actions (e.g. the review queue's). */
  only?: readonly OfferAction[];
}

/** One button per action the API says this person may take now on the offer, each confirmed in a dialog. */
export function OfferActions({ offer, size = 'sm', only }: OfferActionsProps) {
  const { t } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();

  const actions = PERSON_ACTIONS.filter(
    (candidate) => offer.availableActions.includes(candidate) && (!only || only.includes(candidate)),
  );
  if (actions.length === 0) return null;

  const config = (chosen: OfferAction): ActionDialogConfig => ({
    title: t(`offerActions.${chosen}.title`, { title: offer.title }),
    description: t(`offerActions.${chosen}.description`),
    confirmLabel: t(`offerActions.${chosen}.confirm`),
    comment: chosen === 'return_to_draft' ? 'required' : 'optional',
    confirmColor: chosen === 'close' ? 'red' : chosen === 'return_to_draft' ? 'orange' : undefined,
    ...(chosen === 'return_to_draft'
      ? {
          commentLabel: t('offerActions.return_to_draft.commentLabel'),
          commentPlaceholder: t('offerActions.return_to_draft.commentPlaceholder'),
        }
      : {}),
  });

  return (
    <WorkflowActions
      size={size}
      actions={actions}
      primary={actions[0] !== 'close' ? actions[0] : undefined}
      buttonLabel={(candidate) => t(`offerActions.${candidate}.button`)}
      buttonColor={(candidate) =>
        candidate === 'close' ? 'red' : candidate === 'return_to_draft' ? 'orange' : undefined
      }
      dialog={config}
      transition={(input) => transitionOffer(offer.id, { ...input, version: offer.version })}
      onDone={(updated, action) => {
        queryClient.setQueryData(offerKeys.detail(updated.id), updated);
        void queryClient.invalidateQueries({ queryKey: offerKeys.all });
        notify({ color: 'green', title: t(`offerActions.${action}.done`, { title: updated.title }) });
      }}
      // Changed by someone else meanwhile: show what it is now.
      onConflict={() => void queryClient.invalidateQueries({ queryKey: offerKeys.all })}
    />
  );
}
