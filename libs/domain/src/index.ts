export * from './duplicates';
export * from './references';
export * from './roles';
export * from './taxonomy';
export * from './workflows';
export * from './notification-categories';
export * from './engagements';
