import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SignedIn } from '../common/access/access.decorator';
import { accessScope, type AuthUser } from '../common/access/policy';
import { CurrentUser } from '../common/access/current-user.decorator';
import { CoverageService } from './coverage.service';
import { CoverageQueryDto } from './dto/coverage-query.dto';
import { CoverageLearnersResponseDto, CoverageResponseDto } from './dto/coverage-response.dto';
import { Reads } from '../common/http/routes';

@ApiTags('coverage')
@Controller('coverage')
export class CoverageController {
  constructor(private readonly coverage: CoverageService) {}

  @Get()
  @SignedIn()
  @ApiOperation({
    summary: 'Coverage of every rule for a scope',
    description:
      'The first row is the whole scope. With `breakdown`, one row per value of the characteristic follows, with its gap. ' +
      'Without it, one row per academy (trust), year group (academy) or class (year group) follows, for drilling down.',
  })
  @ApiOkResponse({ type: CoverageResponseDto })
  get(@Query() query: CoverageQueryDto, @CurrentUser() user: AuthUser) {
    return this.coverage.coverage(query, accessScope(user));
  }

  @SignedIn()
  @Reads(
    'Every learner of a scope with the status of every rule (the class view)',
    CoverageLearnersResponseDto,
    'learners',
  )
  learners(@Query() query: CoverageQueryDto, @CurrentUser() user: AuthUser) {
    return this.coverage.learners(query, accessScope(user));
  }
}
