import 'reflect-metadata';
import { BadRequestException } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { attendanceItemPlainlyValid, AttendancePutItemDto } from './attendance-put-item.dto';
import { ValidatedArrayPipe } from './validated-array.pipe';

const LEARNER = '5f0c2a1e-8d3b-4c7a-9e21-3b6f4d8a1c02';

/** Items a register may send, valid and not: the shortcut must never change what the API answers. */
const ITEMS: unknown[] = [
  { learnerId: LEARNER, status: 'attended' },
  { learnerId: LEARNER, status: 'absent' },
  { learnerId: LEARNER.toUpperCase(), status: 'attended' },
  { learnerId: LEARNER, status: 'attended', meaningful: false },
  { learnerId: LEARNER, status: 'attended', meaningful: null },
  { learnerId: LEARNER, status: 'attended', meaningful: 'false' },
  { learnerId: LEARNER, status: 'attended', hours: 6.5 },
  { learnerId: LEARNER, status: 'attended', hours: 0 },
  { learnerId: LEARNER, status: 'attended', hours: 1440 },
  { learnerId: LEARNER, status: 'attended', hours: 1440.01 },
  { learnerId: LEARNER, status: 'attended', hours: -1 },
  { learnerId: LEARNER, status: 'attended', hours: 1.234 },
  { learnerId: LEARNER, status: 'attended', hours: '6' },
  { learnerId: LEARNER, status: 'attended', hours: null },
  { learnerId: LEARNER, status: 'attended', hours: Number.NaN },
  { learnerId: LEARNER, status: 'attended', reflection: { rating: 4, comment: 'Useful' } },
  { learnerId: LEARNER, status: 'attended', reflection: { rating: 9, comment: 'Useful' } },
  { learnerId: LEARNER, status: 'maybe' },
  { learnerId: LEARNER },
  { status: 'attended' },
  { learnerId: 'not-a-uuid', status: 'attended' },
  { learnerId: 42, status: 'attended' },
  { learnerId: LEARNER, status: 'attended', extra: true },
  JSON.parse(`{"learnerId":"${LEARNER}","status":"attended","__proto__":{"x":1}}`),
  Object.assign(Object.create({ inherited: 1 }), { learnerId: LEARNER, status: 'attended' }),
  null,
  'attended',
  [LEARNER, 'attended'],
];

/** What the pipe answers for `body`: the items, or the 400's response. */
async function answer(pipe: ValidatedArrayPipe<AttendancePutItemDto>, body: unknown[]) {
  try {
    return { items: JSON.parse(JSON.stringify(await pipe.transform(body))) };
  } catch (error) {
    if (!(error instanceof BadRequestException)) throw error;
    return { refused: error.getResponse() };
  }
}

describe('ValidatedArrayPipe with a shortcut for plainly valid items', () => {
  const checked = new ValidatedArrayPipe(AttendancePutItemDto, 2000);
  const shortcut = new ValidatedArrayPipe(AttendancePutItemDto, 2000, attendanceItemPlainlyValid);

  it('vouches only for items class-validator accepts as they are', async () => {
    const vouched = ITEMS.filter(attendanceItemPlainlyValid);
    expect(vouched.length).toBeGreaterThanOrEqual(8);
    for (const item of vouched) {
      const instance = plainToInstance(AttendancePutItemDto, item);
      expect(await validate(instance, { whitelist: true, forbidNonWhitelisted: true })).toEqual([]);
      expect(JSON.parse(JSON.stringify(instance))).toEqual(item);
    }
    // Left to class-validator: a reflection, and every item it refuses.
    expect(attendanceItemPlainlyValid(ITEMS[15])).toBe(false);
    expect(ITEMS.filter(attendanceItemPlainlyValid)).not.toContainEqual({
      learnerId: LEARNER,
      status: 'maybe',
    });
  });

  it('answers every item, alone and in a list with the others, as the checks item by item do', async () => {
    for (const item of ITEMS) expect(await answer(shortcut, [item])).toEqual(await answer(checked, [item]));
    expect(await answer(shortcut, ITEMS)).toEqual(await answer(checked, ITEMS));
    const valid = ITEMS.filter(attendanceItemPlainlyValid);
    const both = await answer(shortcut, [...valid, ITEMS[15]]);
    expect(both).toEqual(await answer(checked, [...valid, ITEMS[15]]));
    expect(both).toHaveProperty('items');
    const refused = await answer(shortcut, [...valid, { learnerId: LEARNER, status: 'maybe' }]);
    expect(refused).toEqual(await answer(checked, [...valid, { learnerId: LEARNER, status: 'maybe' }]));
    expect(refused).toHaveProperty('refused.details', [
      {
        field: `[${valid.length}].status`,
        reason: expect.stringContaining('status must be one of the following values'),
      },
    ]);
  });

  it('still refuses a body that is not an array, or too long', async () => {
    const small = new ValidatedArrayPipe(AttendancePutItemDto, 1, attendanceItemPlainlyValid);
    await expect(small.transform({})).rejects.toThrow(BadRequestException);
    await expect(small.transform([ITEMS[0], ITEMS[1]])).rejects.toThrow(BadRequestException);
  });
});
