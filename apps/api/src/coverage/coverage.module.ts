import { Global, Module } from '@nestjs/common';
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
export class CoverageModule {}
