import { describe, expect, it } from 'vitest';
import { DEFAULT_GRADE_BANDS, describeBands, gradeBandsSchema, gradeFor, rankTotals, roundScore, sumScores } from '../../shared/assessment';

describe('grading by bands', () => {
  it('puts the band edges on the right side', () => {
    expect(gradeFor(100)).toBe('优秀');
    expect(gradeFor(90)).toBe('优秀');
    expect(gradeFor(89.9)).toBe('良好');
    expect(gradeFor(89.99)).toBe('良好');
    expect(gradeFor(80)).toBe('良好');
    expect(gradeFor(79.9)).toBe('一般');
    expect(gradeFor(60)).toBe('一般');
    expect(gradeFor(59.99)).toBe('较差');
    expect(gradeFor(0)).toBe('较差');
  });

  it('does not let floating-point sums fall below an edge', () => {
    // 0.1 + 0.2 style drift: these add to 90 on paper.
    const total = sumScores([9.17, 10, 4.5, 6.33, 20, 20, 20]);
    expect(total).toBe(90);
    expect(gradeFor(total)).toBe('优秀');
    expect(gradeFor(89.999999)).toBe('优秀'); // rounds to 90.00 first, as printed
    expect(gradeFor(89.994)).toBe('良好');
  });

  it('uses a street’s own bands, whatever order they are given in', () => {
    const bands = gradeBandsSchema.parse([{ grade: '合格', min: 60 }, { grade: '好', min: 85 }, { grade: '不合格', min: 0 }]);
    expect(bands.map((b) => b.grade)).toEqual(['好', '合格', '不合格']);
    expect(gradeFor(85, bands)).toBe('好');
    expect(gradeFor(84.9, bands)).toBe('合格');
    expect(gradeFor(12, bands)).toBe('不合格');
  });

  it('refuses bands with duplicate edges or no floor', () => {
    expect(gradeBandsSchema.safeParse([{ grade: 'A', min: 90 }, { grade: 'B', min: 90 }, { grade: 'C', min: 0 }]).success).toBe(false);
    const noFloor = gradeBandsSchema.safeParse([{ grade: 'A', min: 90 }, { grade: 'B', min: 60 }]);
    expect(noFloor.success).toBe(false);
    expect(noFloor.error?.issues[0]?.message).toContain('0 分');
  });

  it('describes the default bands in Chinese', () => {
    expect(describeBands(DEFAULT_GRADE_BANDS)).toEqual(['优秀：90 分及以上', '良好：80 分至 90 分（不含）', '一般：60 分至 80 分（不含）', '较差：60 分以下']);
  });
});

describe('ranking', () => {
  it('gives equal totals the same rank and skips the next', () => {
    expect(rankTotals([92.5, 88, 92.5, 70, 88, 95])).toEqual([2, 4, 2, 6, 4, 1]);
  });

  it('treats totals equal to two decimals as a tie', () => {
    expect(rankTotals([90.001, 90.004, 89.99])).toEqual([1, 1, 3]);
  });

  it('handles one and none', () => {
    expect(rankTotals([50])).toEqual([1]);
    expect(rankTotals([])).toEqual([]);
  });

  it('rounds half away from the representation error', () => {
    expect(roundScore(1.005)).toBe(1.01);
    expect(roundScore((10 * 11) / 12)).toBe(9.17);
  });
});
