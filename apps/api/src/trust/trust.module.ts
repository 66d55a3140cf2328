import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TrustController } from './trust.controller';
import { Trust } from './trust.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Trust])],
  controllers: [TrustController],
})
export class TrustModule {}
