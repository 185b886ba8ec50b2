import { Body, Controller, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../common/public.decorator';
import { ApiConfig } from '../config/api.config';
import { RateLimited } from '../rate-limit/rate-limit.guard';
import { AuthService } from './auth.service';
import { cookieValue, DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE_SECONDS, DeviceCookies } from './device-cookie';
import { TokenCreateDto } from './dto/token-create.dto';
import { TokenRefreshDto } from './dto/token-refresh.dto';
import { SignOutResponseDto, TokenResponseDto } from './dto/token-response.dto';
import { UserRegisterDto } from './dto/user-register.dto';
import { UserRegisteredResponseDto } from './dto/user-response.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  private readonly devices: DeviceCookies;

  constructor(
    private readonly auth: AuthService,
    config: ApiConfig,
  ) {
    this.devices = new DeviceCookies(config.JWT_SECRET);
  }

  @Post('register')
  @Public()
  @RateLimited('REGISTER')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Register as an applicant (entrepreneur)',
    description: 'The answer is the same whether or not the username was free (it does not tell who has an account): sign in to find out.',
  })
  @ApiAcceptedResponse({ type: UserRegisteredResponseDto, description: 'Created if the username was free; sign in with the chosen password' })
  @ApiBadRequestResponse({ description: 'Invalid fields (VALIDATION_FAILED), or a password that is too common (PASSWORD_TOO_COMMON) or contains the username (PASSWORD_CONTAINS_USERNAME)' })
  register(@Body() dto: UserRegisterDto): Promise<UserRegisteredResponseDto> {
    return this.auth.register(dto);
  }

  @Post('token')
  @Public()
  @RateLimited('SIGN_IN')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Sign in: a bearer token valid for 15 minutes and a refresh token',
    description: `Also sets the httpOnly cookie \`${DEVICE_COOKIE}\`: sign-ins from this device then count against the device's own limit, not the username's, so wrong guesses from elsewhere do not lock it out.`,
  })
  @ApiOkResponse({ type: TokenResponseDto })
  @ApiUnauthorizedResponse({ description: 'Wrong username or password' })
  async token(@Body() dto: TokenCreateDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<TokenResponseDto> {
    const tokens = await this.auth.issueToken(dto);
    if (this.devices.verify(cookieValue(request.headers.cookie, DEVICE_COOKIE), dto.username) === null) {
      response.cookie(DEVICE_COOKIE, this.devices.issue(dto.username), {
        httpOnly: true,
        sameSite: 'strict',
        secure: request.secure,
        path: '/api/auth/token',
        maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS * 1000,
      });
    }
    return tokens;
  }

  @Post('refresh')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Trade a refresh token (once) for a new access token and the next refresh token', description: 'A refresh token used a second time ends its session (REFRESH_TOKEN_REUSED).' })
  @ApiOkResponse({ type: TokenResponseDto })
  @ApiUnauthorizedResponse({ description: 'The refresh token is invalid, expired or revoked (REFRESH_TOKEN_INVALID), or was used before (REFRESH_TOKEN_REUSED: its session is ended)' })
  refresh(@Body() dto: TokenRefreshDto): Promise<TokenResponseDto> {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('sign-out')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'End the session of a refresh token', description: 'Its refresh tokens stop working at once; access tokens already issued expire within 15 minutes. Safe to repeat.' })
  @ApiOkResponse({ type: SignOutResponseDto, description: 'Signed out (the same answer for an unknown or already revoked token)' })
  async signOut(@Body() dto: TokenRefreshDto): Promise<SignOutResponseDto> {
    await this.auth.signOut(dto.refreshToken);
    return { signedOut: true };
  }
}
