/**
 * Charts rendered on the server by ECharts to SVG strings (no browser, no canvas), for the HTML
 * and PDF reports and the public portal alike. Skeleton: written in ./*.ts.
 */
export {};
