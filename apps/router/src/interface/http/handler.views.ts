import { ApiProperty } from '@nestjs/swagger';
import { DEPARTMENTS, Department } from '@complaints/contracts';
import { HANDLER_LANGUAGES, HandlerLoad } from '../../domain/handler';
import { HandlerDto } from './handler.dto';

export class HandlerView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: DEPARTMENTS }) department: string;
  @ApiProperty({ type: [String] }) skills: string[];
  @ApiProperty({ enum: HANDLER_LANGUAGES, isArray: true }) languages: string[];
  @ApiProperty() active: boolean;
  @ApiProperty({ description: 'Open cases the router knows to be theirs' }) openCases: number;
}

export class HandlerListView {
  @ApiProperty({ type: [HandlerView] }) items: HandlerView[];
}

export class ReassignmentView {
  @ApiProperty() complaintId: string;
  @ApiProperty() reference: string;
  @ApiProperty({ enum: DEPARTMENTS }) department: Department;
  @ApiProperty() from: string;
  @ApiProperty({ nullable: true, type: String, description: "null: nobody fits; the department's queue" }) to: string | null;
}

export class SavedHandlerView {
  @ApiProperty({ type: HandlerView }) handler: HandlerView;
  @ApiProperty({ type: [ReassignmentView] }) reassigned: ReassignmentView[];
}

export function handlerView(load: HandlerLoad): HandlerView {
  return { ...load.handler, openCases: load.openCases };
}

export class HandlerAuditEntryView {
  @ApiProperty() id: number;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ description: 'The staff token subject who made the change' }) actor: string;
  @ApiProperty() handlerId: string;
  @ApiProperty({ type: HandlerDto, nullable: true }) before: object | null;
  @ApiProperty({ type: HandlerDto }) after: object;
  @ApiProperty({ type: [ReassignmentView] }) reassigned: ReassignmentView[];
}

export class HandlerAuditPageView {
  @ApiProperty({ type: [HandlerAuditEntryView] }) items: HandlerAuditEntryView[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}
