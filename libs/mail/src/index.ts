export * from './categories';
export * from './dates';
export * from './labels';
export * from './mail-catcher';
export * from './mail-transport';
export * from './message-id';
export * from './smtp-errors';
export * from './templates';
