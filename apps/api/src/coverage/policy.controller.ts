import { Body, Controller, Param, ParseIntPipe, Put, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Can, SignedIn } from '../common/access/access.decorator';
import type { AuthUser } from '../common/access/policy';
import { CurrentUser } from '../common/access/current-user.decorator';
import { ApiError } from '../common/api-error';
import { PolicyDto } from './dto/policy.dto';
import { PolicyService } from './policy.service';
import { PolicyResponseDto } from './dto/policy-response.dto';
import { Reads } from '../common/http/routes';

function checkedYear(year: number): number {
  if (year < 2000 || year > 2100) {
    throw new ApiError(400, 'academicYear must be a year from 2000 to 2100', [
      { field: 'academicYear', reason: 'must be a year from 2000 to 2100' },
    ]);
  }
  return year;
}

@ApiTags('policy')
@Controller('policy')
export class PolicyController {
  constructor(private readonly policies: PolicyService) {}

  @SignedIn()
  @Reads(
    'The policy in force for an academic year (the default until one is saved)',
    PolicyResponseDto,
    ':academicYear',
  )
  get(@Param('academicYear', ParseIntPipe) academicYear: number) {
    return this.policies.get(checkedYear(academicYear));
  }

  @Put(':academicYear')
  @Can('administerTrust')
  @ApiOperation({
    summary: 'Save the policy of an academic year',
    description: 'Accepts a body as GET answered it: `academicYear` and `saved` are ignored.',
  })
  @ApiOkResponse({ type: PolicyResponseDto })
  put(
    @Param('academicYear', ParseIntPipe) academicYear: number,
    @Body() policy: PolicyDto,
    @CurrentUser() user: AuthUser,
    @Req() request: FastifyRequest,
  ) {
    return this.policies.put(checkedYear(academicYear), policy, user, request.ip ?? null);
  }
}
