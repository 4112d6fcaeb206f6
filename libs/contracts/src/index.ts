// The contract between the API and the web app: the input schemas (bodies and queries, one file per area) and the
// words of their messages, the response views, and the statuses and actions they carry. Pure: zod and libs/domain
// only, so Vite bundles it for the browser as it is. No route's input is defined in apps/api (one-contract.spec.ts).
export * from './messages';
export * from './fields';
export * from './requests';
export * from './offers';
export * from './engagements';
export * from './action-plans';
export * from './vocabulary';
export * from './enums';
export * from './views';
export * from './events';
export * from './correspondence';
export * from './matches';
export * from './matching';
export * from './notifications';
export * from './organizations';
export * from './users';
export * from './documents';
export * from './reports';
export * from './data-exchange';
