import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiPayloadTooLargeResponse, ApiTags } from '@nestjs/swagger';
import { BodyLimit, SMALL_BODY_LIMIT_BYTES } from '@complaints/http';
import { CasesConfig } from '../../cases.config';
import { DevSignInDto } from './dev-sign-in.dto';
import { SESSION_MINUTES, signInView, SignInView } from './sign-in.view';

/**
 * Development sign-in of the staff console: a staff token for whoever asks. Only mounted when
 * CASES_DEV_SIGN_IN allows it (by default outside production; never with NODE_ENV=production).
 */
@ApiTags('staff console')
@Controller('v1/auth/dev-sign-in')
export class DevSignInController {
  constructor(private readonly config: CasesConfig) {}

  @Post()
  @HttpCode(200)
  @BodyLimit(SMALL_BODY_LIMIT_BYTES)
  @ApiPayloadTooLargeResponse({ description: `A body over ${SMALL_BODY_LIMIT_BYTES} bytes (problem+json)` })
  @ApiOperation({ summary: 'Development only: a staff token with the given roles and departments (absent in production)' })
  @ApiOkResponse({ type: SignInView })
  @ApiBadRequestResponse({ description: 'problem+json naming the invalid fields' })
  signIn(@Body() body: DevSignInDto): SignInView {
    return signInView({ sub: body.sub, roles: body.roles, departments: body.departments }, this.config.STAFF_JWT_SECRET, body.minutes ?? SESSION_MINUTES);
  }
}
