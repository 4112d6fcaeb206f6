import { Badge, type MantineColor } from '@mantine/core';
import { isMatchStatus, type MatchStatus } from '../api/matches';
import { isOfferStatus, type OfferStatus } from '../api/offer-status';
import { isRequestStatus, type RequestStatus } from '../api/request-status';
import { useTranslation } from '../i18n';

// One colour per status, the same in every table, detail page and timeline.
const REQUEST_STATUS_COLOR: Record<RequestStatus, MantineColor> = {
  draft: 'gray',
  submitted: 'blue',
  acknowledged: 'indigo',
  clarification_requested: 'orange',
  circulated: 'teal',
  matched: 'green',
  in_delivery: 'cyan',
  delivered: 'lime',
  closed: 'dark',
  withdrawn: 'red',
};

const OFFER_STATUS_COLOR: Record<OfferStatus, MantineColor> = {
  draft: 'gray',
  pending_verification: 'orange',
  active: 'green',
  paused: 'yellow',
  exhausted: 'grape',
  closed: 'dark',
  expired: 'gray',
};

const MATCH_STATUS_COLOR: Record<MatchStatus, MantineColor> = {
  suggested: 'violet',
  endorsed: 'blue',
  accepted: 'cyan',
  declined: 'red',
  agreed: 'green',
  rejected: 'red',
  in_progress: 'teal',
  completed: 'lime',
  dismissed: 'gray',
  cancelled: 'dark',
  retired: 'gray',
};

export function requestStatusColor(status: string): MantineColor {
  return isRequestStatus(status) ? REQUEST_STATUS_COLOR[status] : 'gray';
}

export function offerStatusColor(status: string): MantineColor {
  return isOfferStatus(status) ? OFFER_STATUS_COLOR[status] : 'gray';
}

export function matchStatusColor(status: string): MantineColor {
  return isMatchStatus(status) ? MATCH_STATUS_COLOR[status] : 'gray';
}

export function useStatusLabels() {
  const { t } = useTranslation();
  return {
    request: (status: string) => (isRequestStatus(status) ? t(`requestStatus.${status}`) : status),
    offer: (status: string) => (isOfferStatus(status) ? t(`offerStatus.${status}`) : status),
    match: (status: string) => (isMatchStatus(status) ? t(`matchStatus.${status}`) : status),
  };
}

interface StatusBadgeProps {
  status: string;
  size?: 'sm' | 'md' | 'lg';
}

export function RequestStatusBadge({ status, size = 'md' }: StatusBadgeProps) {
  const labels = useStatusLabels();
  return (
    <Badge color={requestStatusColor(status)} variant="light" tt="none" size={size} miw="max-content">
      {labels.request(status)}
    </Badge>
  );
}

export function OfferStatusBadge({ status, size = 'md' }: StatusBadgeProps) {
  const labels = useStatusLabels();
  return (
    <Badge color={offerStatusColor(status)} variant="light" tt="none" size={size} miw="max-content">
      {labels.offer(status)}
    </Badge>
  );
}

export function MatchStatusBadge({ status, size = 'md' }: StatusBadgeProps) {
  const labels = useStatusLabels();
  return (
    <Badge color={matchStatusColor(status)} variant="light" tt="none" size={size} miw="max-content">
      {labels.match(status)}
    </Badge>
  );
}
