import { describe, expect, it } from 'vitest';
import { checkCharacter, idBirthDate, idGender, idNumberProblem, maskIdNumber, upgradeLegacyId } from '../../shared/domain/id-number';

describe('公民身份号码', () => {
  it('computes the check character of GB 11643', () => {
    expect(checkCharacter('11010519491231002')).toBe('X');
    expect(idNumberProblem('11010519491231002X')).toBeNull();
    expect(idNumberProblem('110105194912310021')).toBe('ID_CHECKSUM');
  });
  it('rejects malformed numbers and impossible birth dates', () => {
    expect(idNumberProblem('11010519491231002')).toBe('ID_FORMAT');
    expect(idNumberProblem('11010519491231002x')).toBe('ID_FORMAT');
    const feb30 = '11010519900230001';
    expect(idNumberProblem(feb30 + checkCharacter(feb30))).toBe('ID_FORMAT');
  });
  it('reads birth date and gender', () => {
    expect(idBirthDate('11010519491231002X')).toBe('1949-12-31');
    expect(idGender('11010519491231002X')).toBe('女');
    expect(idGender('110105194912310010'.slice(0, 16) + '1' + 'X')).toBe('男');
  });
  it('upgrades 15-digit legacy numbers', () => {
    const up = upgradeLegacyId('110105491231002');
    expect(up).toBe('11010519491231002X');
  });
  it('masks for printing', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });
});

describe('isIsoDate', async () => {
  const { isIsoDate } = await import('../../shared/dates');
  it('accepts real dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-1-01')).toBe(false);
    expect(isIsoDate('0099-12-31')).toBe(true);
  });
});
