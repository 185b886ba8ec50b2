import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Public } from '../common/public.decorator';
import { RateLimited } from '../rate-limit/rate-limit.guard';
import { AuthService } from './auth.service';
import { TokenCreateDto } from './dto/token-create.dto';
import { TokenResponseDto } from './dto/token-response.dto';
import { UserRegisterDto } from './dto/user-register.dto';
import { UserRegisteredResponseDto } from './dto/user-response.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('register')
  @Public()
  @ApiOperation({ summary: 'Register as an applicant (entrepreneur)' })
  @ApiCreatedResponse({ type: UserRegisteredResponseDto })
  @ApiConflictResponse({ description: 'The username is taken' })
  register(@Body() dto: UserRegisterDto): Promise<UserRegisteredResponseDto> {
    return this.auth.register(dto);
  }

  @Post('token')
  @Public()
  @RateLimited('SIGN_IN')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Sign in: a bearer token valid for 12 hours' })
  @ApiOkResponse({ type: TokenResponseDto })
  @ApiUnauthorizedResponse({ description: 'Wrong username or password' })
  token(@Body() dto: TokenCreateDto): Promise<TokenResponseDto> {
    return this.auth.issueToken(dto);
  }
}
