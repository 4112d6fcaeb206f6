// The contracts install the error map that words every validation message.
import '@app/contracts';
export * from './domain-error';
export * from './http-exception.filter';
export * from './validation';
export * from './password';
export * from './transitions';
export * from './sql';
export * from './changes';
export * from './outage';
export * from './idempotency-scope';
export * from './clock';
