import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { AUTH_OPTIONS, type AuthOptions } from './auth-options';
import { AuthRepository } from './auth.repository';
import { AuthService } from './auth.service';
import { JwtAuthGuard } from './jwt-auth.guard';
import { JwtStrategy } from './jwt.strategy';
import { LoginThrottle } from './login-throttle';
import { PasswordResetService } from './password-reset.service';
import { SignupRepository } from './signup.repository';
import { SignupService } from './signup.service';
import { TenantScopeInterceptor } from './tenant-scope.interceptor';
import { TokenService } from './token.service';
import { InvitationsRepository } from './invitations/invitations.repository';
import { InvitationsService } from './invitations/invitations.service';

@Module({})
export class AuthModule {
  static forRoot(options: AuthOptions): DynamicModule {
    return {
      module: AuthModule,
      imports: [PassportModule, JwtModule.register({})],
      providers: [
        { provide: AUTH_OPTIONS, useValue: options },
        AuthRepository,
        TokenService,
        AuthService,
        LoginThrottle,
        PasswordResetService,
        SignupRepository,
        SignupService,
        InvitationsRepository,
        InvitationsService,
        JwtStrategy,
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_INTERCEPTOR, useClass: TenantScopeInterceptor },
      ],
      exports: [AuthService, PasswordResetService, SignupService, InvitationsService, TokenService, AUTH_OPTIONS],
    };
  }
}
