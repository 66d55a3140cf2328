import { Injectable, type NestMiddleware } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import type { NextFunction, Response } from 'express';
import { AuthGuard } from '../auth/auth.guard';
import { SessionService } from '../auth/session.service';
import type { AuthenticatedRequest } from '../common/access/current-user.decorator';
import { accessScope } from '../common/access/policy';
import { ReplicaRouter } from '../database/replicas';
import { CoverageController } from '../coverage/coverage.controller';
import { CoverageService } from '../coverage/coverage.service';
import { CoverageQueryDto } from '../coverage/dto/coverage-query.dto';

/**
 * The class view (`GET /api/coverage/learners`, scope `group`) answered in front of Nest's router
 * (issue 20): a teacher's everyday read, light enough that Nest's per-request pipeline (the route's execution
 * context, its pipes and parameter decorators) and Express's walk through the routes are a good part of its
 * CPU. It does what the route does, with the same pieces: the query's quick check of the
 * validation pipe (`CoverageQueryDto.quickQuery`), the very access guard of the route, with the route's own
 * access rule read from `CoverageController.learners`, and the same service call; errors go to the
 * app's exception filter as the route's would (Nest runs a middleware through it). Any other query (another
 * scope, anything the quick check is unsure of), and every request while read replicas route requests (an
 * interceptor this does not pass through), goes on to the route itself.
 */
@Injectable()
export class ClassViewMiddleware implements NestMiddleware {
  private readonly guard: AuthGuard;

  constructor(
    reflector: Reflector,
    sessions: SessionService,
    private readonly coverage: CoverageService,
    private readonly replicas: ReplicaRouter,
  ) {
    this.guard = new AuthGuard(reflector, sessions);
  }

  async use(request: AuthenticatedRequest, response: Response, next: NextFunction): Promise<void> {
    const query = this.replicas.configured
      ? null
      : CoverageQueryDto.quickQuery(request.query as Record<string, unknown>);
    if (!query) return next();
    // What the guard reads: the route's handler and controller, for the access rule declared on them.
    const context = new ExecutionContextHost(
      [request, response, next],
      CoverageController,
      CoverageController.prototype.learners,
    );
    await this.guard.canActivate(context);
    // As the route's `@CurrentUser()` reads it.
    const user = request.user;
    if (!user) throw new Error('CurrentUser used on a route without a signed-in user');
    const answer = await this.coverage.learners(query, accessScope(user));
    response.status(200).json(answer);
  }
}
