export * from './workspace';
export * from './accounts';
export * from './sales';
export * from './activities';
export * from './organisation';
export * from './local';
export * from './views';
