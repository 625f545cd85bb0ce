/**
 * How much exploration one request may ask for: rank sensitivity costs draws × regions rankings,
 * so their product is bounded (1,000 draws over 2,000 regions, the province scale, fit).
 */
export const SENSITIVITY_MAX_CELLS = 2_000_000;
