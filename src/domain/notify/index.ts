/** Notifications (issue #22 item 3): what is news, in words, in each channel's format. */
export * from './notice';
export * from './transitions';
export * from './notice-text';
export * from './channel-messages';
export * from './webhook-url';
