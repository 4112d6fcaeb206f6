// The contract between the API and the web app: input schemas and the words of their messages. Pure: zod and
// libs/domain only, so Vite bundles it for the browser as it is.
export * from './messages';
export * from './fields';
export * from './requests';
export * from './offers';
export * from './events';
