import type { RoutingRule } from './routing-rule';

/** The default routing rules of docs/ARCHITECTURE.md (Taxonomy and routing), in order (first match wins): the seed of rule-set version 1. */
export const DEFAULT_RULES: readonly RoutingRule[] = [
  { id: 'R1', description: 'Funds security goes to fraud', department: 'FRAUD', when: [{ reason: ['FUNDS_SECURITY'] }] },
  {
    id: 'R2',
    description: 'Personal data goes to consumer protection',
    department: 'CONSUMER_PROTECTION',
    when: [{ reason: ['INFO_SECURITY'] }],
  },
  { id: 'R3', description: 'Escalations go to consumer protection', department: 'CONSUMER_PROTECTION', when: [{ escalation: true }] },
  {
    id: 'R4',
    description: 'Failures of online and self-service channels go to digital',
    department: 'DIGITAL',
    when: [{ servicePoint: ['ONLINE', 'SELF_SERVICE'], reason: ['SYSTEM_FAILURE', 'OTHER'] }],
  },
  { id: 'R5', description: 'Credit cards go to the card centre', department: 'CARD_CENTER', when: [{ product: ['CREDIT_CARD'] }] },
  {
    id: 'R6',
    description: 'Loans, credit reports and collections go to lending',
    department: 'LENDING',
    when: [{ product: ['LOAN', 'CREDIT_REPORT'] }, { reason: ['DEBT_COLLECTION'] }],
  },
  { id: 'R7', description: 'Wealth and insurance go to wealth', department: 'WEALTH', when: [{ product: ['WEALTH', 'INSURANCE'] }] },
  { id: 'R8', description: 'Payments go to payments', department: 'PAYMENTS', when: [{ product: ['PAYMENT'] }] },
  { id: 'R9', description: 'Deposits go to retail banking', department: 'RETAIL_BANKING', when: [{ product: ['DEPOSIT'] }] },
  { id: 'R10', description: 'Everything else goes to customer service', department: 'CUSTOMER_SERVICE', when: [{}] },
];
