import { EMAIL_MODES, NOTIFICATION_CATEGORIES, type EmailMode, type NotificationCategory } from '@app/domain';

export { EMAIL_MODES, NOTIFICATION_CATEGORIES, type EmailMode, type NotificationCategory };

export const DEFAULT_EMAIL_MODE: EmailMode = 'immediate';

export const CATEGORY_INFO: Readonly<Record<NotificationCategory, { label: string; description: string }>> = {
  requests: {
    label: 'Requests',
    description: 'A request you follow moves on: submitted, acknowledged, clarification asked, circulated, delivered, closed or withdrawn.',
  },
  circulations: {
    label: 'Newly circulated requests',
    description: 'The Committee circulates a request your active offers can serve.',
  },
  offers: {
    label: 'Offers',
    description: 'An offer you follow moves on: submitted for verification, verified or returned, paused, resumed, exhausted, expired or closed.',
  },
  matches: {
    label: 'Matches',
    description: 'A match moves on: endorsed, accepted or declined, agreed or rejected, started, completed, cancelled, feedback given.',
  },
  reminders: {
    label: 'Reminders',
    description: 'Something waits for you: an objection window has closed, an endorsed match is unanswered, an offer expires soon, a follow-up is due.',
  },
};

export function isNotificationCategory(value: unknown): value is NotificationCategory {
  return (NOTIFICATION_CATEGORIES as readonly unknown[]).includes(value);
}
