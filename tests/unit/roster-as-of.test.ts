// A snapshot register of a year still running is 截至 the day it is printed, not 31 December.
import { describe, expect, it } from 'vitest';
import { periodOf } from '../../shared/reports/registers/common';

const header = (printedOn: string) => ({ unit: '锦澜街道党工委', period: { from: '2026-01-01', to: '2026-12-31' }, printedOn, maskIds: false });

describe('the 截至 date of the roster', () => {
  it('is the printing day while the year runs', () => {
    expect(periodOf('roster', header('2026-12-02'))).toBe('截至2026年12月2日');
  });
  it('is the year end for a year already past', () => {
    expect(periodOf('roster', header('2027-03-01'))).toBe('截至2026年12月31日');
  });
});
