/** OpenSLO v1 read/write (pure string ↔ domain translation). */
export type { OpenSloIssue, FieldPath } from './context';
export { parseOpenSlo, type OpenSloBundle, type OpenSloResult } from './parse';
export { writeOpenSlo } from './write';
export { fromPercent, toPercent } from './read-objective';
export { ALERT_TABLE_ANNOTATION } from './read-alerting';
