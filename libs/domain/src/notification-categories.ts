// The words of notification preferences, shared by the mail library, the API's contracts and the web app.

/**
 * What a person may tune (DESIGN §7): per category, e-mail immediately, in a daily digest, or not at all.
 * The in-app inbox always gets every notification.
 */
export const NOTIFICATION_CATEGORIES = ['requests', 'circulations', 'offers', 'matches', 'reminders'] as const;
export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number];

export const EMAIL_MODES = ['immediate', 'digest', 'off'] as const;
export type EmailMode = (typeof EMAIL_MODES)[number];
