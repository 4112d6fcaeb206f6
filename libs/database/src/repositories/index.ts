export * from './viewer';
export * from './text-search';
export * from './request.repository';
export * from './offer.repository';
export * from './match.repository';
export * from './notification.repository';
export * from './action-plan.repository';
export * from './engagement.repository';
