/** Kafka topics of the platform (docs/ARCHITECTURE.md, Topics). Every topic is keyed by `complaintId`. */
export const Topics = {
  complaintReceivedV1: 'complaints.received.v1',
  complaintRoutedV1: 'complaints.routed.v1',
  caseEventsV1: 'complaints.case-events.v1',
  customerResponsesV1: 'complaints.customer-responses.v1',
  assignmentsV1: 'complaints.assignments.v1',
  alertsV1: 'analytics.alerts.v1',
  bulletinsV1: 'analytics.bulletins.v1',
} as const;

export type Topic = (typeof Topics)[keyof typeof Topics];

/** The dead-letter topic of a topic: poison messages land there with the error in headers. */
export function dlqTopic(topic: string): string {
  return `${topic}.dlq`;
}

/** Every topic with its dead-letter twin, in the order they are created. */
export function allTopics(): string[] {
  return Object.values(Topics).flatMap((topic) => [topic, dlqTopic(topic)]);
}
