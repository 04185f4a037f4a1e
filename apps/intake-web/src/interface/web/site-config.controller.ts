import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IntakeWebConfig } from '../../intake-web.config';

export class SiteConfigDto {
  @ApiProperty({ description: 'Base URL of the analytics service, for the public transparency report', example: 'http://127.0.0.1:3008' })
  analyticsUrl: string;
}

/** What the customer site's pages need to know at run time (the same build serves every environment). */
@ApiTags('site')
@Controller('v1/site')
export class SiteConfigController {
  constructor(@Inject(IntakeWebConfig) private readonly config: IntakeWebConfig) {}

  @Get('config')
  @Header('cache-control', 'no-cache')
  @ApiOperation({ summary: 'Run-time settings of the customer site', description: 'Public; no personal data.' })
  @ApiOkResponse({ type: SiteConfigDto })
  get(): SiteConfigDto {
    return { analyticsUrl: new URL(this.config.INTAKE_WEB_ANALYTICS_URL).href.replace(/\/$/, '') };
  }
}
