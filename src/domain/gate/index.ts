/** Public surface of the error-budget policy and the project gate (PRODUCT.md §4). */
export * from './gate-state';
export * from './policy';
export * from './evaluate';
export * from './transition';
export * from './replay';
export * from './override';
export * from './project-gate';
export * from './assess';
export * from './gate-in-force';
export * from './policy-changes';
export * from './gate-words';
export * from './evaluation-edges';
export * from './gate-timeline';
