import { Button, Group, Tooltip, type ButtonProps } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { ApiError } from '../api/client';
import { ActionDialog, type ActionDialogConfig } from './action-dialog';

export interface TransitionInput<A extends string> {
  action: A;
  comment?: string;
  reason?: string;
}

/** How one entity's workflow actions look and what they do: labels, colours, dialogs and the API call. */
export interface WorkflowActionsConfig<A extends string, T> {
  /** The actions to offer, in button order (already narrowed to the entity's availableActions). */
  actions: readonly A[];
  /** The one drawn filled, if any. */
  primary: A | undefined;
  buttonLabel: (action: A) => string;
  buttonColor: (action: A) => string | undefined;
  dialog: (action: A) => ActionDialogConfig;
  transition: (input: TransitionInput<A>) => Promise<T>;
  /** After the API took the action: update the cache and say so. */
  onDone: (updated: T, action: A) => void;
  /** The API refused with 409 (someone else changed it meanwhile): refresh what is shown. */
  onConflict: () => void;
  /** Why an available action cannot be taken yet (e.g. a window still open): its button is disabled and says so. */
  notYet?: (action: A) => string | undefined;
}

interface WorkflowActionsProps<A extends string, T> extends WorkflowActionsConfig<A, T> {
  size?: ButtonProps['size'];
  /** More buttons after the actions' (e.g. feedback on a match). */
  extraButtons?: ReactNode;
  /** More dialogs after the action dialog. */
  children?: ReactNode;
}

/** One button per available workflow action, each confirmed in an ActionDialog before the API call. */
export function WorkflowActions<A extends string, T>({
  actions,
  primary,
  buttonLabel,
  buttonColor,
  dialog,
  transition: run,
  onDone,
  onConflict,
  notYet = () => undefined,
  size = 'sm',
  extraButtons,
  children,
}: WorkflowActionsProps<A, T>) {
  const [action, setAction] = useState<A | null>(null);

  const transition = useMutation({
    mutationFn: run,
    onSuccess: (updated, input) => {
      onDone(updated, input.action);
      setAction(null);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.statusCode === 409) onConflict();
    },
  });

  return (
    <>
      <Group gap="xs" wrap="wrap">
        {actions.map((candidate) => {
          const reason = notYet(candidate);
          const button = (
            <Button
              key={candidate}
              size={size}
              variant={candidate === primary ? 'filled' : 'light'}
              color={buttonColor(candidate)}
              disabled={!!reason}
              aria-description={reason}
              onClick={() => {
                transition.reset();
                setAction(candidate);
              }}
            >
              {buttonLabel(candidate)}
            </Button>
          );
          // A disabled button gets no pointer events: the tooltip sits on a wrapper.
          return reason ? (
            <Tooltip key={candidate} label={reason} multiline maw={280}>
              <span>{button}</span>
            </Tooltip>
          ) : (
            button
          );
        })}
        {extraButtons}
      </Group>
      <ActionDialog
        config={action ? dialog(action) : null}
        onClose={() => setAction(null)}
        onConfirm={(input) => action && transition.mutate({ action, ...input })}
        pending={transition.isPending}
        error={transition.error}
      />
      {children}
    </>
  );
}
