export * from './categories';
export * from './mail-catcher';
export * from './mail-transport';
export * from './message-id';
export * from './smtp-errors';
export * from './templates';
