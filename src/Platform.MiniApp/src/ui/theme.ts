/** The accent when a shop sets none: an Invoicebox-like blue, 5.6:1 against white. */
export const DEFAULT_ACCENT = '#1f5fd6';

type Rgb = [number, number, number];

export function parseHex(hex: string): Rgb | null {
  const m = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(hex.trim());
  if (!m) return null;
  const h = m[1].length === 3 ? m[1].replace(/./g, (c) => c + c) : m[1];
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as Rgb;
}

function toHex([r, g, b]: Rgb): string {
  return '#' + [r, g, b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('');
}

function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2 contrast ratio of two colours (1 … 21). */
export function contrast(a: string, b: string): number {
  const ca = parseHex(a);
  const cb = parseHex(b);
  if (!ca || !cb) return 1;
  const [hi, lo] = [luminance(ca), luminance(cb)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

function darken(rgb: Rgb, amount: number): Rgb {
  return rgb.map((c) => c * (1 - amount)) as Rgb;
}

export interface Accent {
  /** Button background. */
  accent: string;
  /** Text on the button. */
  onAccent: string;
  /** The accent used as text or a border on white (links, selected chip). */
  accentText: string;
}

const WHITE = '#ffffff';
const INK = '#1d2329';

/**
 * The shop's brand colour, made safe for text: keeps it as the button colour when white (or dark)
 * text reaches 4.5:1 on it, otherwise darkens it until white does; the text variant is darkened
 * until it reaches 4.5:1 on white. Invalid input → the default blue.
 */
export function accessibleAccent(brand: string | null | undefined): Accent {
  const rgb = (brand && parseHex(brand)) || parseHex(DEFAULT_ACCENT)!;
  const base = toHex(rgb);
  let accent = base;
  let onAccent = WHITE;
  if (contrast(base, WHITE) < 4.5) {
    if (contrast(base, INK) >= 4.5) onAccent = INK;
    else {
      let k = 0;
      while (contrast(accent, WHITE) < 4.5 && k < 1) accent = toHex(darken(rgb, (k += 0.05)));
    }
  }
  let accentText = base;
  let k = 0;
  while (contrast(accentText, WHITE) < 4.5 && k < 1) accentText = toHex(darken(rgb, (k += 0.05)));
  return { accent, onAccent, accentText };
}
