export * from './follow-up';
export * from './match.workflow';
export * from './objection-window';
export * from './offer.workflow';
export * from './request.workflow';
export * from './transition-table';
export * from './request-delivery';
