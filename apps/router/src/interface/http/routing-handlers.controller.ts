import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { validationProblem } from '@complaints/http';
import { ACCESS, Staff, StaffPrincipal, StaffRoles } from '@complaints/security';
import { HandlerStore } from '../../application/handlers/handler.store';
import { SaveHandlerUseCase } from '../../application/handlers/save-handler.use-case';
import { HandlerDto } from './handler.dto';
import { AuditQueryDto } from './audit-query.dto';
import { HandlerAuditPageView, HandlerListView, handlerView, SavedHandlerView } from './handler.views';
import { ListHandlersQueryDto } from './list-handlers.query.dto';

const HANDLER_ID = /^[A-Za-z0-9_.@:-]{1,128}$/;

@ApiTags('routing handlers')
@ApiBearerAuth()
@Controller('v1/routing/handlers')
export class RoutingHandlersController {
  constructor(
    private readonly handlers: HandlerStore,
    private readonly saveHandler: SaveHandlerUseCase,
  ) {}

  @Get()
  @StaffRoles(...ACCESS.routingReaders)
  @ApiOperation({ summary: "Departments' handlers with their open cases (admin, supervisor, auditor)" })
  @ApiOkResponse({ type: HandlerListView })
  async list(@Staff() staff: StaffPrincipal, @Query() query: ListHandlersQueryDto): Promise<HandlerListView> {
    return { items: (await this.handlers.list(query.department)).map(handlerView) };
  }

  @Get('audit')
  @StaffRoles(...ACCESS.routingReaders)
  @ApiOperation({ summary: 'The append-only trail of handler changes, newest first (admin, supervisor, auditor)' })
  @ApiOkResponse({ type: HandlerAuditPageView })
  async audit(@Staff() staff: StaffPrincipal, @Query() query: AuditQueryDto): Promise<HandlerAuditPageView> {
    const { items, total } = await this.handlers.auditTrail(query.limit, query.offset);
    return { items, total, limit: query.limit, offset: query.offset };
  }

  @Put(':id')
  @StaffRoles(...ACCESS.routingEditors)
  @ApiOperation({ summary: 'Create or change a handler; open cases they no longer fit are reassigned (admin)' })
  @ApiOkResponse({ type: SavedHandlerView })
  async save(@Staff() staff: StaffPrincipal, @Param('id') id: string, @Body() body: HandlerDto): Promise<SavedHandlerView> {
    if (!HANDLER_ID.test(id)) throw validationProblem([{ field: 'id', message: 'id must be 1-128 letters, digits or . _ @ : -' }]);
    const { reassigned } = await this.saveHandler.execute({ id, ...body }, staff.id);
    const saved = await this.handlers.find(id);
    return { handler: handlerView(saved!), reassigned };
  }
}
