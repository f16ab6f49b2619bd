// Pure rules of contracts and the year-end assessment: grading, ranking, metric → points, the
// template's 100-point check and the default "五个好" template.
export * from './grading';
export * from './levels';
export * from './metrics';
export * from './scoring';
export * from './scores';
export * from './template';
