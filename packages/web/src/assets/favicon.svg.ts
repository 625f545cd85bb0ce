/**
 * The product's icon: three rising bars (a ranking) on the header's red. Linked from every page, so
 * a browser never asks for a `/favicon.ico` that is not there (a 404 in every console).
 */
export const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#8b1a1a"/><path d="M7 24h5v-7H7zm6.5 0h5V8h-5zM20 24h5V13h-5z" fill="#fff"/></svg>';
