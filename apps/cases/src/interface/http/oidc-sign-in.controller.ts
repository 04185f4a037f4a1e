import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProperty,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { BodyLimit, ProblemException, problem, SMALL_BODY_LIMIT_BYTES } from '@complaints/http';
import { PublicRoute, StaffTokenSigningKey } from '@complaints/security';
import { CasesConfig } from '../../cases.config';
import { OidcClient, OidcSignInError } from '../../infrastructure/auth/oidc-client';
import { sessionMinutes, signInView, SignInView, STAFF_TOKEN_SIGNER } from './sign-in.view';

export const OIDC_CLIENT = Symbol('OIDC_CLIENT');

export class OidcSignInDto {
  @ApiProperty({ description: "The authorization code the identity provider sent back to the console's callback" })
  @IsString()
  @MaxLength(4_096)
  @Matches(/^\S+$/, { message: 'code must be the authorization code' })
  code: string;

  @ApiProperty({ description: 'The PKCE code verifier (RFC 7636: 43-128 characters)' })
  @Matches(/^[A-Za-z0-9._~-]{43,128}$/, { message: 'codeVerifier must be 43-128 unreserved characters (RFC 7636)' })
  codeVerifier: string;

  @ApiProperty({ example: 'http://127.0.0.1:3006/console/auth/callback' })
  @IsString()
  @MaxLength(2_000)
  @Matches(/^https?:\/\/[^\s]+\/console\/auth\/callback$/, { message: "redirectUri must be the console's /console/auth/callback address" })
  redirectUri: string;
}

/**
 * Single sign-on of the staff console (authorization code + PKCE): the console sends the code and its
 * verifier; cases redeems them at the identity provider and answers with a staff token for the person's
 * roles and departments (ID token claims). Mounted when CASES_OIDC_ISSUER and CASES_OIDC_CLIENT_ID are set.
 */
@ApiTags('staff console')
@PublicRoute()
@Controller('v1/auth/oidc/sign-in')
export class OidcSignInController {
  constructor(
    private readonly config: CasesConfig,
    @Inject(OIDC_CLIENT) private readonly oidc: OidcClient,
    @Inject(STAFF_TOKEN_SIGNER) private readonly signer: StaffTokenSigningKey,
  ) {}

  @Post()
  @HttpCode(200)
  @BodyLimit(SMALL_BODY_LIMIT_BYTES)
  @ApiPayloadTooLargeResponse({ description: `A body over ${SMALL_BODY_LIMIT_BYTES} bytes (problem+json)` })
  @ApiOperation({ summary: 'Exchange an authorization code (with its PKCE verifier) for a staff token' })
  @ApiOkResponse({ type: SignInView })
  @ApiBadRequestResponse({ description: 'problem+json naming the invalid fields' })
  @ApiUnauthorizedResponse({ description: "The identity provider refused the code, or the person's token or claims are not usable" })
  async signIn(@Body() body: OidcSignInDto): Promise<SignInView> {
    try {
      const claims = await this.oidc.signIn(body.code, body.codeVerifier, body.redirectUri);
      return signInView(claims, this.signer, sessionMinutes(this.config.STAFF_TOKEN_MAX_LIFETIME_SEC));
    } catch (error) {
      if (error instanceof OidcSignInError)
        throw new ProblemException(problem(401, 'unauthorized', `Single sign-on failed: ${error.message}.`));
      throw new ProblemException(
        problem(503, 'identity-provider-unavailable', 'The identity provider cannot be reached; try again shortly.'),
      );
    }
  }
}
