import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UserEntity } from '@onetrip/infrastructure';
import { ApiConfig } from '../config/api.config';
import { ProcessesModule } from '../processes/processes.module';
import { AuthController } from './auth.controller';
import { AuthService, TOKEN_LIFETIME_SECONDS } from './auth.service';
import { DemoUsersSeeder } from './demo-users.seeder';
import { UsersRepository } from './users.repository';
import { RefreshTokenService } from './refresh-token.service';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { JwtAuthGuard } from './jwt-auth.guard';
import { RolesGuard } from './roles.guard';

@Module({
  imports: [
    ProcessesModule,
    TypeOrmModule.forFeature([UserEntity]),
    JwtModule.registerAsync({
      inject: [ApiConfig],
      useFactory: (config: ApiConfig) => ({
        // A key object, not the string: given a string, jsonwebtoken first tries it as a public key and throws on
        // every request (a thrown error and its stack per verify, the API's costliest call in a bench profile).
        secret: createSecretKey(Buffer.from(config.JWT_SECRET)),
        signOptions: { algorithm: 'HS256', expiresIn: TOKEN_LIFETIME_SECONDS },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    RefreshTokenService,
    RefreshTokensRepository,
    DemoUsersSeeder,
    UsersRepository,
    // In this order: who is calling, then whether that role may call.
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
})
export class AuthModule {}
