import { Client } from 'pg';
import { jrt0169BackfillSql, rollupBackfillSql } from '../apps/analytics/src/infrastructure/persistence/rollup-backfill';

/**
 * The analytics query benchmark's data: `count` synthetic complaints of `year`, written straight into
 * the read model's tables with SQL (INSERT ... SELECT over generate_series, not through Kafka: a
 * million events through the consumers would take hours on the bench machine). Fact rows get skewed
 * random dimensions (a few products, reasons and departments dominate, as in real complaint data),
 * Shanghai receipt days over the whole year, feedback and resolution times, some satisfaction scores
 * and closure categories; then `analytics.kpi_rollup` and `analytics.jrt0169_rollup` are filled from
 * them with the same SQL as the migrations that introduced them (rollup-backfill.ts: the rows the
 * service's writer keeps, event by event). Returns the row counts.
 */
export async function loadSyntheticFacts(
  db: Client,
  count: number,
  year: number,
): Promise<{ facts: number; rollupRows: number; jrt0169RollupRows: number; seconds: number }> {
  const started = Date.now();
  await db.query('SELECT setseed(0.42)');
  await db.query(
    `
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
    ) AS s`,
    [count],
  );
  const { rowCount } = await db.query(rollupBackfillSql('analytics.kpi_rollup', "reference LIKE 'BENCH-%'"));
  const jrt0169 = await db.query(jrt0169BackfillSql('analytics.jrt0169_rollup', "reference LIKE 'BENCH-%'"));
  for (const table of ['complaint_facts', 'kpi_rollup', 'jrt0169_rollup']) await db.query(`VACUUM ANALYZE analytics.${table}`);
  return {
    facts: count,
    rollupRows: rowCount ?? 0,
    jrt0169RollupRows: jrt0169.rowCount ?? 0,
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
}
