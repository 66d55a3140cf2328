import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';
import { User } from './user.entity';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { MfaController } from './mfa/mfa.controller';
import { AuthProvidersController } from './oidc/auth-providers.controller';
import { AuthProvidersService } from './oidc/auth-providers.service';
import { OidcController } from './oidc/oidc.controller';
import { OidcSignInService } from './oidc/oidc-sign-in.service';
import { MfaService } from './mfa/mfa.service';
import { SessionService } from './session.service';
import { BearerTokensController } from './bearer-tokens.controller';
import { SignInThrottle } from './sign-in-throttle';
import { SignInUnlockController } from './sign-in-unlock.controller';
import { UserSession } from './user-session.entity';

@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([User, UserSession]),
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => [{ ttl: 60_000, limit: config.AUTH_RATE_LIMIT_PER_MINUTE }],
    }),
  ],
  controllers: [
    BearerTokensController,
    AuthController,
    MfaController,
    AuthProvidersController,
    OidcController,
    SignInUnlockController,
  ],
  providers: [
    AuthService,
    MfaService,
    AuthProvidersService,
    OidcSignInService,
    SessionService,
    SignInThrottle,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [SessionService, AuthService],
})
export class AuthModule {}
