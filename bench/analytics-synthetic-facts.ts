import { Client } from 'pg';

/**
 * The analytics query benchmark's data: `count` synthetic complaints of `year`, written straight into
 * the read model's tables with SQL (INSERT ... SELECT over generate_series, not through Kafka: a
 * million events through the consumers would take hours on the bench machine). Fact rows get skewed
 * random dimensions (a few products, reasons and departments dominate, as in real complaint data),
 * Shanghai receipt days over the whole year, feedback and resolution times, some satisfaction scores
 * and closure categories; then `analytics.daily_rollup` is summed from them with the counters the KPIs
 * and the transparency report read (the rarer counters stay 0). Returns the row counts.
 */
export async function loadSyntheticFacts(db: Client, count: number, year: number): Promise<{ facts: number; rollupRows: number; seconds: number }> {
  const started = Date.now();
  await db.query('SELECT setseed(0.42)');
  await db.query(`
    INSERT INTO analytics.complaint_facts (
      complaint_id, reference, channel, product, reason, service_point, priority, department, region, received_at, received_day,
      has_case, status, first_feedback_at, feedback_ms, decided_at, decision_ms, resolved_at, resolution_ms, ever_resolved, paused_ms,
      feedback_breaches, decision_breaches, extensions, escalated, mediation_referred, reopen_count, repeat, satisfaction_score, withdrawn,
      closed_at, root_cause_category, corrective_action_category)
    SELECT gen_random_uuid(), 'BENCH-' || g, channel, product, reason, service_point, priority, department, region, received_at,
           (received_at AT TIME ZONE 'Asia/Shanghai')::date,
           true, 'CLOSED', received_at + feedback_ms * interval '1 millisecond', feedback_ms,
           received_at + resolution_ms * interval '1 millisecond', resolution_ms, received_at + resolution_ms * interval '1 millisecond', resolution_ms,
           true, 0, (feedback_ms > 172800000)::int, (resolution_ms > 1296000000)::int, 0, false, false, 0, false, score, false,
           received_at + resolution_ms * interval '1 millisecond',
           CASE WHEN score IS NOT NULL THEN (ARRAY['DISCLOSURE','STAFF_CONDUCT','FRAUD','SYSTEM','THIRD_PARTY','PRODUCT_DESIGN','PROCESS','OTHER'])[1 + floor(power(random(), 2) * 8)::int] END,
           CASE WHEN score IS NOT NULL THEN (ARRAY['REFUND_COMPENSATION','ACCOUNTABILITY','TRAINING','DISCLOSURE_UPDATE','SYSTEM_FIX','PROCESS_CHANGE','PRODUCT_CHANGE','OTHER'])[1 + floor(power(random(), 2) * 8)::int] END
    FROM (
      SELECT g,
             (ARRAY['web','hotline','mobile','wechat','weibo'])[1 + floor(power(random(), 1.5) * 5)::int] AS channel,
             (ARRAY['CREDIT_CARD','DEPOSIT','LOAN','PAYMENT','WEALTH','INSURANCE','CREDIT_REPORT','OTHER'])[1 + floor(power(random(), 2) * 8)::int] AS product,
             (ARRAY['FEES','SERVICE_QUALITY','PROCESS','MARKETING','DISCLOSURE','FUNDS_SECURITY','CONTRACT','DEBT_COLLECTION','SYSTEM_FAILURE','INFO_SECURITY','CHOICE','RETURNS','OTHER'])[1 + floor(power(random(), 2.5) * 13)::int] AS reason,
             (ARRAY['ONLINE','CALL_CENTER','BRANCH','SELF_SERVICE','THIRD_PARTY','OTHER'])[1 + floor(power(random(), 2) * 6)::int] AS service_point,
             (ARRAY['P2','P3','P1'])[1 + floor(power(random(), 2) * 3)::int] AS priority,
             (ARRAY['CARD_CENTER','RETAIL_BANKING','LENDING','PAYMENTS','DIGITAL','WEALTH','FRAUD','CUSTOMER_SERVICE','CONSUMER_PROTECTION'])[1 + floor(power(random(), 1.8) * 9)::int] AS department,
             (ARRAY['310000','110000','440000','330000','320000','510000','420000','370000'])[1 + floor(power(random(), 1.5) * 8)::int] AS region,
             make_timestamptz(${year}, 1, 1, 0, 0, 0, 'Asia/Shanghai') + random() * interval '364 days 23 hours' AS received_at,
             (3600000 * (1 + power(random(), 2) * 70))::bigint AS feedback_ms,
             (86400000 * (1 + power(random(), 1.5) * 20))::bigint AS resolution_ms,
             CASE WHEN random() < 0.4 THEN 1 + floor(random() * 5)::int END AS score
      FROM generate_series(1, $1::int) AS g
    ) AS s`, [count]);
  const { rowCount } = await db.query(`
    INSERT INTO analytics.daily_rollup (
      day, department, channel, product, reason, service_point, priority, volume, cases, feedback_given, feedback_within48h, decided,
      decided_within15d, resolved, feedback_breaches, decision_breaches, breached_complaints, satisfaction_responses, satisfaction_sum,
      satisfaction1, satisfaction2, satisfaction3, satisfaction4, satisfaction5, closed)
    SELECT received_day, department, channel, product, reason, service_point, priority, count(*), count(*), count(feedback_ms),
           count(*) FILTER (WHERE feedback_ms <= 172800000), count(decision_ms), count(*) FILTER (WHERE decision_ms <= 1296000000),
           count(*) FILTER (WHERE ever_resolved), sum(feedback_breaches), sum(decision_breaches),
           count(*) FILTER (WHERE feedback_breaches + decision_breaches > 0), count(satisfaction_score), coalesce(sum(satisfaction_score), 0),
           count(*) FILTER (WHERE satisfaction_score = 1), count(*) FILTER (WHERE satisfaction_score = 2), count(*) FILTER (WHERE satisfaction_score = 3),
           count(*) FILTER (WHERE satisfaction_score = 4), count(*) FILTER (WHERE satisfaction_score = 5), count(closed_at)
    FROM analytics.complaint_facts
    WHERE reference LIKE 'BENCH-%'
    GROUP BY 1, 2, 3, 4, 5, 6, 7`);
  await db.query('VACUUM ANALYZE analytics.complaint_facts');
  await db.query('VACUUM ANALYZE analytics.daily_rollup');
  return { facts: count, rollupRows: rowCount ?? 0, seconds: Math.round((Date.now() - started) / 100) / 10 };
}
