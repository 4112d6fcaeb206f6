// Engagements (DESIGN §4a): the events the Committee's experts take part in, and what follows from them.

export const ENGAGEMENT_KINDS = ['roundtable', 'workshop', 'country_visit', 'webinar', 'peer_review', 'other'] as const;
export type EngagementKind = (typeof ENGAGEMENT_KINDS)[number];

export const FOLLOW_UP_STATUSES = ['open', 'done'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export const PRIORITY_LEVELS = ['high', 'medium', 'low'] as const;
export type PriorityLevelCode = (typeof PRIORITY_LEVELS)[number];
