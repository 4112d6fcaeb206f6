import { Button, Group, type ButtonProps } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { offerKeys, transitionOffer, type AssistanceOffer, type OfferAction } from '../api/offers';
import { ActionDialog, type ActionDialogConfig } from '../components/action-dialog';
import { useNotify } from '../components/notifications';

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
  const [action, setAction] = useState<OfferAction | null>(null);

  const transition = useMutation({
    mutationFn: (input: { action: OfferAction; comment?: string; reason?: string }) =>
      transitionOffer(offer.id, { ...input, version: offer.version }),
    onSuccess: (updated, input) => {
      queryClient.setQueryData(offerKeys.detail(updated.id), updated);
      void queryClient.invalidateQueries({ queryKey: offerKeys.all });
      setAction(null);
      notify({ color: 'green', title: t(`offerActions.${input.action}.done`, { title: updated.title }) });
    },
    onError: (error) => {
      // Changed by someone else meanwhile: show what it is now.
      if (error instanceof ApiError && error.statusCode === 409) {
        void queryClient.invalidateQueries({ queryKey: offerKeys.all });
      }
    },
  });

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
    <>
      <Group gap="xs" wrap="wrap">
        {actions.map((candidate) => (
          <Button
            key={candidate}
            size={size}
            variant={candidate === actions[0] && candidate !== 'close' ? 'filled' : 'light'}
            color={candidate === 'close' ? 'red' : candidate === 'return_to_draft' ? 'orange' : undefined}
            onClick={() => {
              transition.reset();
              setAction(candidate);
            }}
          >
            {t(`offerActions.${candidate}.button`)}
          </Button>
        ))}
      </Group>
      <ActionDialog
        config={action ? config(action) : null}
        onClose={() => setAction(null)}
        onConfirm={(input) => action && transition.mutate({ action, ...input })}
        pending={transition.isPending}
        error={transition.error}
      />
    </>
  );
}
