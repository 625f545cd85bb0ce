/** The little of fontkit (pdfkit's font engine) the PDF renderer uses: parsing a font once per process. */
declare module 'fontkit' {
  export interface Font {
    postscriptName: string;
    layout(text: string): unknown;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
