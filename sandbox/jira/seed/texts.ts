/** Summaries for the demo project: an online shop's product team ("Shop Platform", key SHOP). */
export type Theme = 'feature' | 'debt' | 'toil' | 'reliability' | 'bug';

const AREAS = [
  'checkout',
  'cart',
  'product page',
  'search',
  'order history',
  'wishlist',
  'payments',
  'promotions',
  'account settings',
  'delivery tracking',
  'returns',
  'inventory sync',
];

const TEMPLATES: Record<Theme, readonly string[]> = {
  feature: [
    'Show estimated delivery date on the {area}',
    'Add Apple Pay and Google Pay to {area}',
    'Let customers save a second address in {area}',
    'Filter {area} results by size and colour',
    'Send an email when an item in {area} is back in stock',
    'Offer gift wrapping as an option in {area}',
    'Support partial refunds in {area}',
    'Show recently viewed products next to {area}',
    'Add product reviews with photos to {area}',
    'Translate {area} into Spanish and Polish',
    'Allow guest customers to track orders in {area}',
    'Recommend accessories in {area}',
  ],
  debt: [
    'Refactor price calculation out of the {area} controller',
    'Upgrade the payment SDK used by {area} to v5',
    'Remove the legacy coupon engine from {area}',
    'Split the {area} module into its own package',
    'Replace hand-written SQL in {area} with the query builder',
    'Delete feature flags that have been on for 90 days in {area}',
    'Migrate {area} tests from Enzyme to Testing Library',
    'Type the {area} API client end to end',
  ],
  toil: [
    'Manually re-run failed {area} exports every Monday',
    'Rotate TLS certificates for the {area} service by hand',
    'Clean up stuck {area} jobs in the queue',
    'Re-index {area} after the nightly catalogue import fails',
    'Answer ops requests to unlock customer accounts in {area}',
    'Copy {area} reports to the finance share',
  ],
  reliability: [
    'Add an SLO and burn-rate alert for {area} latency',
    'Add retries with backoff to the {area} payment call',
    'Write a runbook for {area} outages',
    'Load test {area} for the Black Friday peak',
    'Add a circuit breaker around the {area} dependency',
    'Fix noisy alerts on {area} error rate',
    'Patch the dependency vulnerability reported in {area}',
  ],
  bug: [
    '{area}: total ignores the discount code after a currency change',
    '{area}: page crashes on Safari 16 when the basket is empty',
    '{area}: duplicate order confirmation emails',
    '{area}: wrong VAT for orders shipped to Norway',
    '{area}: spinner never stops when the session expires',
    '{area}: sorting by price puts out-of-stock items first',
    '{area}: address form rejects valid UK postcodes',
  ],
};

export const EPIC_NAMES = [
  'One-page checkout',
  'Search relevance',
  'Returns self-service',
  'Payments platform v2',
  'Mobile web performance',
  'Loyalty programme',
  'Internationalisation',
  'Observability and SLOs',
  'Catalogue import rewrite',
  'Account security',
  'Delivery tracking',
  'Promotions engine',
];

/**
 * The demo's Jira incidents, each with how long it lasted: the time from the incident issue's
 * creation to its resolution is this, so the time to restore listed for it (created → resolved, as
 * Apache DevLake reads an incident's time to restore, and DORA's "time to restore service") is what
 * its summary says.
 */
export const INCIDENTS: readonly { readonly summary: string; readonly minutes: number }[] = [
  { summary: 'Checkout error rate above 5% after payment provider deploy', minutes: 95 },
  { summary: 'Search returning empty results for 40 minutes', minutes: 40 },
  { summary: 'Order confirmation emails delayed by two hours', minutes: 120 },
  { summary: 'Cart service memory leak caused restarts', minutes: 150 },
  { summary: 'Payment gateway timeouts during evening peak', minutes: 75 },
  { summary: 'Product images not loading from the CDN', minutes: 55 },
  { summary: 'Inventory sync double-counted stock', minutes: 240 },
  { summary: 'Login failures after certificate expiry', minutes: 130 },
];

export const POSTMORTEM_ACTIONS = [
  'Add an alert on the symptom that paged us late',
  'Add a rollback step to the deploy pipeline',
  'Write the missing runbook section',
  'Add a synthetic check for this user journey',
  'Cap the retry storm with a budget',
];

export const SUBTASKS = [
  'Backend changes',
  'Frontend changes',
  'Write tests',
  'Update documentation',
  'Review analytics events',
];

export const LABELS: Record<Theme, readonly string[]> = {
  feature: ['frontend', 'backend', 'growth', 'ux'],
  debt: ['tech-debt', 'refactor'],
  toil: ['toil', 'ops', 'manual'],
  reliability: ['sre', 'slo', 'security', 'observability'],
  bug: ['customer-reported', 'regression'],
};

export function summaryFor(theme: Theme, templateIndex: number, areaIndex: number): string {
  const templates = TEMPLATES[theme];
  const template = templates[templateIndex % templates.length] as string;
  const area = AREAS[areaIndex % AREAS.length] as string;
  const text = template.replace('{area}', area);
  return text.charAt(0).toUpperCase() + text.slice(1);
}
