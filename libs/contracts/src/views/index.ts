// Every response shape of the API, once: the OpenAPI document renders these schemas, the services return
// `Served<…>` of them, and the web app and the tests read `z.infer<…>` of them.
export * from './common';
export * from './action-plans';
export * from './auth';
export * from './history';
export * from './matches';
export * from './matching';
export * from './notifications';
export * from './offers';
export * from './organizations';
export * from './reports';
export * from './requests';
export * from './taxonomy';
export * from './threads';
export * from './contacts';
export * from './engagements';
export * from './documents';
export * from './state-timeline';
export * from './data-exchange';
export * from './health';
