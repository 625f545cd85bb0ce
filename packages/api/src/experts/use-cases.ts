/** The expert review's use cases, by concept: the pool, assignments, rounds, the office's reads, the expert's own. */
export { assign, unassign } from './assignments';
export { getMine, putScores, recuse } from './mine';
export { calibrationView, overview, resultsView } from './office-views';
export { createExpert, getExpert, listExperts, updateExpert } from './pool';
export { closeRound, openRound } from './rounds';
