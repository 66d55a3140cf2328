import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { ClassViewMiddleware } from './class-view.middleware';

/**
 * The class view's quick path in front of its route (issue 20; see ClassViewMiddleware). It lives beside the
 * app's other HTTP plumbing, not in `coverage/`: it uses the access guard and the replica router, which the
 * coverage folder must not import (they use coverage in turn).
 */
@Module({})
export class ClassViewQuickPathModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(ClassViewMiddleware).forRoutes({ path: 'coverage/learners', method: RequestMethod.GET });
  }
}
