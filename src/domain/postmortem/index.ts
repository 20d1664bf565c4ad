export * from './convention';
