// The masking policy of exports: what is left of an ID, a birth date, a phone and an address.
import { describe, expect, it } from 'vitest';
import { maskAddress, maskBirthDate, maskPhone, masker } from '../../shared/reports/masking';

describe('masking', () => {
  it('leaves an ID its region and last four, a birth date its year and month', () => {
    const m = masker(true);
    expect(m.id('110101199003071234')).toBe('110101********1234');
    expect(maskBirthDate('1990-03-07')).toBe('1990-03');
    // Together they do not give the birth date back.
    expect(m.id('110101199003071234') + m.birthDate('1990-03-07')).not.toContain('19900307');
  });
  it('masks a mobile as 138****5678 and keeps a landline’s area code', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0571-88123456')).toBe('0571-****3456');
    expect(maskPhone('110')).toBe('110');
  });
  it('cuts an address after the building, or else after the estate', () => {
    expect(maskAddress('锦澜街道望江新村22幢1单元1801室')).toBe('锦澜街道望江新村22幢');
    expect(maskAddress('锦澜街道秀水家园21幢3单元803室（租住）')).toBe('锦澜街道秀水家园21幢');
    expect(maskAddress('西湖区文新街道德加公寓11幢3单元1104室')).toBe('西湖区文新街道德加公寓11幢');
    expect(maskAddress('锦澜街道枫林小区3-402')).toBe('锦澜街道枫林小区');
    expect(maskAddress('滨江路88号')).toBe('滨江路');
  });
  it('changes nothing when the export is not masked', () => {
    const m = masker(false);
    expect(m.id('110101199003071234')).toBe('110101199003071234');
    expect(m.phone('13812345678')).toBe('13812345678');
    expect(m.address(null)).toBeNull();
  });
});
