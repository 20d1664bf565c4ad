/** Public surface of the SLO error-budget engine (PRODUCT.md §4). */
export * from './duration';
export * from './spec';
export * from './alert-table';
export * from './sli-interval';
export * from './threshold';
export * from './sli-series';
export * from './window';
export * from './budget';
export * from './burn-rate';
export * from './alerts';
export * from './exhaustion';
export * from './status';
export * from './burndown';
export * from './postmortem';
export * from './openslo';
export * from './sli-history';
export * from './sprint-forecast';
