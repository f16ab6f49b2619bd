import { describe, expect, it } from 'vitest';
import { FLAT_FEN, formatYuan, monthsBetween, standardDues, yuanToFen } from '../../shared/domain/dues';

const fen = (yuan: number) => yuanToFen(yuan);

describe('党费 rate brackets (edges belong to the lower bracket: "以下（含）")', () => {
  it.each([
    [2000, 0.005, 1000],
    [3000, 0.005, 1500],
    [3000.01, 0.01, 3000],
    [5000, 0.01, 5000],
    [5000.01, 0.015, 7500],
    [10000, 0.015, 15000],
    [10000.01, 0.02, 20000],
    [26000, 0.02, 52000],
  ])('employed, income %s 元 → rate %s, %s 分', (income, rate, amount) => {
    expect(standardDues('employed', fen(income))).toMatchObject({ rate, fen: amount });
  });

  it.each([
    [2600, 0.005, 1300],
    [5000, 0.005, 2500],
    [5000.01, 0.01, 5000],
    [7500, 0.01, 7500],
  ])('retired, pension %s 元 → rate %s, %s 分', (income, rate, amount) => {
    expect(standardDues('retired', fen(income))).toMatchObject({ rate, fen: amount });
  });

  it('rounds half up to the 分 in integers', () => {
    expect(standardDues('employed', fen(3333.3)).fen).toBe(3333); // 33.333 元
    expect(standardDues('employed', fen(3050)).fen).toBe(3050);
    expect(standardDues('employed', 100).fen).toBe(1); // 0.5 分 → 1 分
  });

  it.each(['student', 'lowIncome', 'unemployed', 'farmer'] as const)('%s pays the flat 0.2 元', (c) => {
    expect(standardDues(c, null)).toMatchObject({ rate: null, fen: FLAT_FEN });
  });

  it('needs an income for employed and retired', () => {
    expect(() => standardDues('employed', null)).toThrow();
  });

  it('formats and converts money without float drift', () => {
    expect(yuanToFen(0.1 + 0.2)).toBe(30);
    expect(() => yuanToFen(1.005)).toThrow();
    expect(formatYuan(1505)).toBe('15.05');
    expect(monthsBetween('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
  });
});
