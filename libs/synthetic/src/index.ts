export * from './registry/records';
export { SYNTHETIC_EMAIL_DOMAIN, SYNTHETIC_NAME_PREFIX } from './registry/cast';
export * from './registry/world';
export * from './engine-inputs';
