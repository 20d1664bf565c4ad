export declare function shiftDate(offsetMs: number): DateConstructor;
