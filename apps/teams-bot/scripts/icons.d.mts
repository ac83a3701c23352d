// Types for icons.mjs (plain Node ESM, so it runs without a build step), for the tests.

export interface Pixels {
  width: number;
  height: number;
  /** RGBA, 8 bits per channel, row by row. */
  data: Buffer;
}

export declare const ACCENT: string;
export declare function drawColorIcon(): Pixels;
export declare function drawOutlineIcon(): Pixels;
export declare function encodePng(pixels: Pixels): Buffer;
export declare function writeIcons(dir?: string): string[];
