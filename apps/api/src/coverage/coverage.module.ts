import { Global, type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { ClassViewMiddleware } from './class-view.middleware';
import { CoverageController } from './coverage.controller';
import { CoverageService } from './coverage.service';
import { LearnerProgressService } from './learner-progress.service';
import { PolicyController } from './policy.controller';
import { PolicyService } from './policy.service';

@Global()
@Module({
  controllers: [CoverageController, PolicyController],
  providers: [LearnerProgressService, CoverageService, PolicyService],
  exports: [LearnerProgressService, CoverageService, PolicyService],
})
export class CoverageModule implements NestModule {
  /** The class view's quick path in front of the route (issue 20; see ClassViewMiddleware). */
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(ClassViewMiddleware).forRoutes({ path: 'coverage/learners', method: RequestMethod.GET });
  }
}
