import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiPayloadTooLargeResponse, ApiTags } from '@nestjs/swagger';
import { BodyLimit, SMALL_BODY_LIMIT_BYTES, validationProblem } from '@complaints/http';
import { PublicRoute, StaffTokenSigningKey } from '@complaints/security';
import { CasesConfig } from '../../cases.config';
import { DevSignInDto } from './dev-sign-in.dto';
import { sessionMinutes, signInView, SignInView, STAFF_TOKEN_SIGNER } from './sign-in.view';

/**
 * Development sign-in of the staff console: a staff token for whoever asks. Only mounted when
 * CASES_DEV_SIGN_IN allows it (by default with NODE_ENV development or test; never in production).
 */
@ApiTags('staff console')
@PublicRoute()
@Controller('v1/auth/dev-sign-in')
export class DevSignInController {
  constructor(
    private readonly config: CasesConfig,
    @Inject(STAFF_TOKEN_SIGNER) private readonly signer: StaffTokenSigningKey,
  ) {}

  @Post()
  @HttpCode(200)
  @BodyLimit(SMALL_BODY_LIMIT_BYTES)
  @ApiPayloadTooLargeResponse({ description: `A body over ${SMALL_BODY_LIMIT_BYTES} bytes (problem+json)` })
  @ApiOperation({ summary: 'Development only: a staff token with the given roles and departments (absent in production)' })
  @ApiOkResponse({ type: SignInView })
  @ApiBadRequestResponse({
    description: 'problem+json naming the invalid fields (minutes longer than STAFF_TOKEN_MAX_LIFETIME_SEC allows)',
  })
  signIn(@Body() body: DevSignInDto): SignInView {
    const longest = Math.floor(this.config.STAFF_TOKEN_MAX_LIFETIME_SEC / 60);
    if (body.minutes !== undefined && body.minutes > longest) {
      throw validationProblem([
        { field: 'minutes', message: `minutes must not be greater than ${longest} (STAFF_TOKEN_MAX_LIFETIME_SEC)` },
      ]);
    }
    const claims = { sub: body.sub, roles: body.roles, departments: body.departments };
    return signInView(claims, this.signer, body.minutes ?? sessionMinutes(this.config.STAFF_TOKEN_MAX_LIFETIME_SEC));
  }
}
