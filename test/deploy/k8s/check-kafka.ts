import { K8sObject, nameOf, ofKind } from './objects';
import { configValue, maxReplicas } from './workloads';

/** What every topic must have: three copies, two in sync for a write (acks=all) to succeed. */
export const TOPIC_REPLICAS = 3;
export const TOPIC_MIN_IN_SYNC = 2;

/** The annotation naming the topics a Deployment's consumer groups read. */
export const CONSUMES_ANNOTATION = 'complaints.bank.example/consumes';

const topicName = (topic: K8sObject): string => topic.spec?.topicName ?? topic.metadata.name;

/**
 * Every topic of the platform has a KafkaTopic of an existing Kafka with replicas 3, min.insync.replicas 2
 * and KAFKA_TOPIC_PARTITIONS partitions; the apps are told replication factor 3; each Kafka has at
 * least three brokers, an odd number (three or more) of controllers and the same defaults.
 */
export function checkKafka(objects: K8sObject[], topics: string[]): string[] {
  const problems: string[] = [];
  const kafkas = ofKind(objects, 'Kafka');
  if (kafkas.length === 0) problems.push('no Kafka');
  const partitions = Number(configValue(objects, 'KAFKA_TOPIC_PARTITIONS'));
  if (!(partitions > 0)) problems.push('no KAFKA_TOPIC_PARTITIONS in a ConfigMap');
  if (configValue(objects, 'KAFKA_REPLICATION_FACTOR') !== String(TOPIC_REPLICAS)) {
    problems.push(`KAFKA_REPLICATION_FACTOR is not ${TOPIC_REPLICAS}`);
  }
  const kafkaTopics = ofKind(objects, 'KafkaTopic');
  for (const topic of topics) {
    const resource = kafkaTopics.find((candidate) => topicName(candidate) === topic);
    if (!resource) {
      problems.push(`topic ${topic}: no KafkaTopic`);
      continue;
    }
    const say = (problem: string) => problems.push(`${nameOf(resource)}: ${problem}`);
    if (resource.spec?.replicas !== TOPIC_REPLICAS) say(`replicas ${resource.spec?.replicas}, not ${TOPIC_REPLICAS}`);
    const minInSync = resource.spec?.config?.['min.insync.replicas'];
    if (Number(minInSync) !== TOPIC_MIN_IN_SYNC) say(`min.insync.replicas ${minInSync}, not ${TOPIC_MIN_IN_SYNC}`);
    if (resource.spec?.partitions !== partitions)
      say(`partitions ${resource.spec?.partitions}, not KAFKA_TOPIC_PARTITIONS (${partitions})`);
    const cluster = resource.metadata.labels?.['strimzi.io/cluster'];
    if (!kafkas.some((kafka) => kafka.metadata.name === cluster)) say(`strimzi.io/cluster ${cluster} names no Kafka`);
  }
  for (const resource of kafkaTopics) {
    if (!topics.includes(topicName(resource))) problems.push(`${nameOf(resource)}: ${topicName(resource)} is not a topic of allTopics()`);
  }
  for (const kafka of kafkas) {
    const pools = ofKind(objects, 'KafkaNodePool').filter((pool) => pool.metadata.labels?.['strimzi.io/cluster'] === kafka.metadata.name);
    const count = (role: string) =>
      pools.filter((pool) => (pool.spec?.roles ?? []).includes(role)).reduce((sum, pool) => sum + Number(pool.spec?.replicas ?? 0), 0);
    if (count('broker') < TOPIC_REPLICAS)
      problems.push(`${nameOf(kafka)}: ${count('broker')} brokers, fewer than ${TOPIC_REPLICAS} copies`);
    if (count('controller') < 3 || count('controller') % 2 === 0)
      problems.push(`${nameOf(kafka)}: ${count('controller')} controllers (want an odd number, 3+)`);
    const config = kafka.spec?.kafka?.config ?? {};
    if (Number(config['min.insync.replicas']) !== TOPIC_MIN_IN_SYNC)
      problems.push(`${nameOf(kafka)}: min.insync.replicas is not ${TOPIC_MIN_IN_SYNC}`);
    if (Number(config['default.replication.factor']) !== TOPIC_REPLICAS)
      problems.push(`${nameOf(kafka)}: default.replication.factor is not ${TOPIC_REPLICAS}`);
  }
  return problems;
}

/**
 * Consumers are sized within their topics' partitions: every Deployment names the topics it reads
 * (annotation), they are platform topics, and its most replicas (autoscaler maximum or replicas) is at
 * most each topic's partition count, so no replica of a consumer group idles.
 */
export function checkConsumers(objects: K8sObject[], topics: string[]): string[] {
  const problems: string[] = [];
  const kafkaTopics = ofKind(objects, 'KafkaTopic');
  for (const deployment of ofKind(objects, 'Deployment')) {
    const say = (problem: string) => problems.push(`${nameOf(deployment)}: ${problem}`);
    const consumed = (deployment.metadata.annotations?.[CONSUMES_ANNOTATION] ?? '')
      .split(',')
      .map((topic) => topic.trim())
      .filter(Boolean);
    if (consumed.length === 0) say(`no ${CONSUMES_ANNOTATION} annotation`);
    const most = maxReplicas(objects, deployment);
    for (const topic of consumed) {
      if (!topics.includes(topic)) say(`consumes ${topic}, which is not a topic of allTopics()`);
      const resource = kafkaTopics.find((candidate) => topicName(candidate) === topic);
      if (resource && most > Number(resource.spec?.partitions))
        say(`up to ${most} replicas read ${topic}, which has ${resource.spec?.partitions} partitions`);
    }
  }
  return problems;
}
