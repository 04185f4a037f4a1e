/** The consumer group of the read model's consumers (a rebuild passes a fresh one). */
export const ANALYTICS_GROUP = Symbol('ANALYTICS_GROUP');
