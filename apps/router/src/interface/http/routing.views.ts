import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DEPARTMENTS, Department, PRIORITIES, PRODUCTS, REASONS, SERVICE_POINTS } from '@complaints/contracts';
import { RoutingRuleDto } from './routing-rule.dto';

/** OpenAPI shapes of the routing admin API's answers. */
export class RuleSetView {
  @ApiProperty({ example: 2 }) version: number;
  @ApiProperty({ example: 'staff-1' }) createdBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty() comment: string;
  @ApiProperty({ type: [RoutingRuleDto] }) rules: RoutingRuleDto[];
}

export class RuleSetSummaryView {
  @ApiProperty() version: number;
  @ApiProperty() createdBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty() comment: string;
  @ApiProperty() active: boolean;
  @ApiProperty() ruleCount: number;
}

export class RuleSetVersionsView {
  @ApiProperty({ type: [RuleSetSummaryView] }) items: RuleSetSummaryView[];
}

export class RuleAuditEntryView {
  @ApiProperty() id: number;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ description: 'The staff token subject who made the change' }) actor: string;
  @ApiProperty({ description: '`seed`, `replace`, or `restore:<version>` for a rollback', example: 'replace' }) action: string;
  @ApiProperty({ nullable: true, type: Number }) fromVersion: number | null;
  @ApiProperty() toVersion: number;
  @ApiProperty() comment: string;
  @ApiProperty({ type: [RoutingRuleDto], nullable: true }) before: RoutingRuleDto[] | null;
  @ApiProperty({ type: [RoutingRuleDto] }) after: RoutingRuleDto[];
}

export class RuleAuditPageView {
  @ApiProperty({ type: [RuleAuditEntryView] }) items: RuleAuditEntryView[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

class ConfidenceView {
  @ApiProperty() product: number;
  @ApiProperty() reason: number;
  @ApiProperty() servicePoint: number;
  @ApiProperty() escalation: number;
  @ApiProperty() priority: number;
}

class ClassificationView {
  @ApiProperty({ enum: PRODUCTS }) product: string;
  @ApiProperty({ enum: REASONS }) reason: string;
  @ApiProperty({ enum: SERVICE_POINTS }) servicePoint: string;
  @ApiProperty({ enum: PRIORITIES }) priority: string;
  @ApiProperty() escalation: boolean;
  @ApiProperty({ type: ConfidenceView }) confidence: ConfidenceView;
  @ApiProperty({ type: [String] }) matchedTerms: string[];
  @ApiProperty() classifierVersion: string;
}

class RuleEvaluationView {
  @ApiProperty() position: number;
  @ApiProperty() ruleId: string;
  @ApiProperty({ enum: DEPARTMENTS }) department: Department;
  @ApiProperty() description: string;
  @ApiProperty() matched: boolean;
  @ApiProperty({ type: [Number], description: 'Indexes of the conditions that matched' }) matchedConditions: number[];
  @ApiProperty({ description: 'The first matching rule' }) winner: boolean;
}

class RoutingOutcomeView {
  @ApiProperty({ enum: DEPARTMENTS }) department: Department;
  @ApiProperty({ description: 'The deciding rule, or TRIAGE' }) ruleId: string;
  @ApiProperty() needsTriage: boolean;
}

class TriageView {
  @ApiProperty() applied: boolean;
  @ApiProperty() threshold: number;
  @ApiProperty() reason: string;
}

export class DryRunView {
  @ApiProperty({ description: 'The active version used, or "candidate"' }) rulesVersion: string;
  @ApiPropertyOptional({ description: 'The channel given, echoed' }) channel?: string;
  @ApiProperty({ type: ClassificationView }) classification: ClassificationView;
  @ApiProperty({ type: [RuleEvaluationView] }) evaluations: RuleEvaluationView[];
  @ApiProperty({ type: RoutingOutcomeView }) outcome: RoutingOutcomeView;
  @ApiProperty({ type: TriageView }) triage: TriageView;
}
