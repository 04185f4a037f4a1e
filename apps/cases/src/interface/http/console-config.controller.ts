import { Controller, Get, Inject, Logger } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { PublicRoute } from '@complaints/security';
import { CasesConfig } from '../../cases.config';
import type { OidcClient } from '../../infrastructure/auth/oidc-client';
import { OIDC_CLIENT } from './oidc-sign-in.controller';

class OidcSignInView {
  @ApiProperty({ example: 'https://idp.bank.example/realms/staff' }) issuer: string;
  @ApiProperty({ example: 'complaints-console' }) clientId: string;
  @ApiProperty({ description: "Where the console sends the browser (from the provider's discovery document)" })
  authorizationEndpoint: string;
}

class SignInMethodsView {
  @ApiProperty({ description: 'POST /v1/auth/dev-sign-in is available (never in production)' }) development: boolean;
  @ApiPropertyOptional({ type: OidcSignInView, nullable: true, description: 'The identity provider, when configured and reachable' })
  oidc: OidcSignInView | null;
}

export class ConsoleConfigView {
  @ApiProperty({ type: SignInMethodsView }) signIn: SignInMethodsView;
  @ApiProperty({ description: "The router's admin API (routing rules page)", example: 'http://127.0.0.1:3005' }) routerUrl: string;
  @ApiProperty({ description: 'The analytics staff API (dashboard)', example: 'http://127.0.0.1:3008' }) analyticsUrl: string;
}

/** What the staff console needs before anyone signs in: the sign-in methods and where the router's and analytics' APIs are. */
@ApiTags('staff console')
@PublicRoute()
@Controller('v1/console/config')
export class ConsoleConfigController {
  private readonly logger = new Logger(ConsoleConfigController.name);

  constructor(
    private readonly config: CasesConfig,
    @Inject(OIDC_CLIENT) private readonly oidc: OidcClient | null,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Sign-in methods and the router and analytics URLs for the staff console (public)' })
  @ApiOkResponse({ type: ConsoleConfigView })
  async get(): Promise<ConsoleConfigView> {
    return {
      signIn: { development: this.config.devSignIn, oidc: await this.oidcView() },
      routerUrl: this.config.CASES_CONSOLE_ROUTER_URL.replace(/\/+$/, ''),
      analyticsUrl: this.config.CASES_CONSOLE_ANALYTICS_URL.replace(/\/+$/, ''),
    };
  }

  /** The identity provider as the console needs it; null when none is configured or it cannot be reached now. */
  private async oidcView(): Promise<OidcSignInView | null> {
    if (!this.oidc) return null;
    try {
      const { issuer, clientId } = this.oidc.settings;
      return { issuer, clientId, authorizationEndpoint: await this.oidc.authorizationEndpoint() };
    } catch (error) {
      this.logger.warn(`identity provider discovery failed: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  }
}
