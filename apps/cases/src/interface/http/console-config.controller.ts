import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CasesConfig } from '../../cases.config';

class OidcSignInView {
  @ApiProperty({ example: 'https://idp.bank.example/realms/staff' }) issuer: string;
  @ApiProperty({ example: 'complaints-console' }) clientId: string;
}

class SignInMethodsView {
  @ApiProperty({ description: 'POST /v1/auth/dev-sign-in is available (never in production)' }) development: boolean;
  @ApiPropertyOptional({ type: OidcSignInView, nullable: true, description: 'The identity provider, when configured' }) oidc: OidcSignInView | null;
}

export class ConsoleConfigView {
  @ApiProperty({ type: SignInMethodsView }) signIn: SignInMethodsView;
  @ApiProperty({ description: "The router's admin API (routing rules page)", example: 'http://127.0.0.1:3005' }) routerUrl: string;
}

/** What the staff console needs before anyone signs in: the sign-in methods and where the router's API is. */
@ApiTags('staff console')
@Controller('v1/console/config')
export class ConsoleConfigController {
  constructor(private readonly config: CasesConfig) {}

  @Get()
  @ApiOperation({ summary: 'Sign-in methods and the router URL for the staff console (public)' })
  @ApiOkResponse({ type: ConsoleConfigView })
  get(): ConsoleConfigView {
    const { CASES_OIDC_ISSUER: issuer, CASES_OIDC_CLIENT_ID: clientId } = this.config;
    return {
      signIn: { development: this.config.devSignIn, oidc: issuer && clientId ? { issuer, clientId } : null },
      routerUrl: this.config.CASES_CONSOLE_ROUTER_URL.replace(/\/+$/, ''),
    };
  }
}
