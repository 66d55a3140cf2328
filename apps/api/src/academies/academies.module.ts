import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Trust } from '../trust/trust.entity';
import { AcademiesController } from './academies.controller';
import { AcademiesService } from './academies.service';
import { Academy } from './academy.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Academy, Trust])],
  controllers: [AcademiesController],
  providers: [AcademiesService],
  exports: [AcademiesService],
})
export class AcademiesModule {}
