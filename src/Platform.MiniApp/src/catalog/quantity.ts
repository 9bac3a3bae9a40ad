/** The unit rules a product carries (`unit` in the session catalog). */
export interface UnitRule {
  fractional: boolean;
  step: number;
  min: number;
  max: number;
}

const MAX_DECIMALS = 3;

/** How many decimals a number needs (0.1 → 1, 0.25 → 2, 1 → 0), capped at 3. */
export function decimalsOf(n: number): number {
  if (!Number.isFinite(n)) return 0;
  for (let d = 0; d <= MAX_DECIMALS; d++) {
    const scaled = n * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-9) return d;
  }
  return MAX_DECIMALS;
}

/**
 * The rule the stepper and the input actually apply: whole numbers for non-fractional units,
 * a positive step, a min of at least one step, a max on the step grid.
 * Quantities are computed in integer "ticks" of 10^-decimals so 0.1 + 0.2 never becomes 0.30000000000000004.
 */
export interface Grid {
  decimals: number;
  scale: number;
  step: number; // in ticks
  min: number; // in ticks
  max: number; // in ticks
}

export function gridOf(unit: UnitRule): Grid {
  const rawStep = Number.isFinite(unit.step) && unit.step > 0 ? unit.step : 1;
  const step = unit.fractional ? rawStep : Math.max(1, Math.round(rawStep));
  const rawMin = Number.isFinite(unit.min) && unit.min > 0 ? unit.min : step;
  const min = unit.fractional ? rawMin : Math.max(1, Math.ceil(rawMin));
  const decimals = unit.fractional ? Math.max(decimalsOf(step), decimalsOf(min)) : 0;
  const scale = 10 ** decimals;
  const stepT = Math.max(1, Math.round(step * scale));
  const minT = Math.max(1, Math.round(min * scale));
  const rawMax = Number.isFinite(unit.max) && unit.max >= min ? unit.max : 9999;
  // The largest value on the grid anchored at min that does not exceed max.
  const maxT = minT + Math.floor((Math.round(rawMax * scale) - minT) / stepT) * stepT;
  return { decimals, scale, step: stepT, min: minT, max: Math.max(minT, maxT) };
}

function fromTicks(ticks: number, g: Grid): number {
  return Math.round(ticks) / g.scale;
}

function toTicks(q: number, g: Grid): number {
  return Math.round(q * g.scale);
}

/** The next quantity up; from nothing (0) it goes to the minimum. */
export function stepUp(quantity: number, unit: UnitRule): number {
  const g = gridOf(unit);
  const t = toTicks(quantity, g);
  if (t < g.min) return fromTicks(g.min, g);
  const snapped = g.min + Math.floor((t - g.min) / g.step) * g.step;
  return fromTicks(Math.min(g.max, snapped + g.step), g);
}

/** The next quantity down; below the minimum it is 0, which means "remove the line". */
export function stepDown(quantity: number, unit: UnitRule): number {
  const g = gridOf(unit);
  const t = toTicks(quantity, g);
  if (t <= g.min) return 0;
  const snapped = g.min + Math.ceil((t - g.min) / g.step) * g.step;
  return fromTicks(Math.max(g.min, snapped - g.step), g);
}

export function canStepUp(quantity: number, unit: UnitRule): boolean {
  const g = gridOf(unit);
  return toTicks(quantity, g) < g.max;
}

/**
 * What the buyer typed → a number, or null if it is not one. Accepts a decimal comma, spaces
 * (including non-breaking ones) and a leading or trailing separator (",5", "2.").
 */
export function parseQuantity(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (!/^(\d+\.?\d*|\.\d+)$/.test(cleaned)) return null;
  const n = Number(cleaned);
  return Number.isFinite(n) ? n : null;
}

export type Adjustment = 'min' | 'max' | 'step' | null;

/** Snaps a typed quantity onto the unit's grid: clamps to [min, max] and rounds to the nearest step. */
export function normalizeQuantity(quantity: number, unit: UnitRule): { value: number; adjusted: Adjustment } {
  const g = gridOf(unit);
  const exact = quantity * g.scale;
  if (exact < g.min - 1e-9) return { value: fromTicks(g.min, g), adjusted: 'min' };
  if (exact > g.max + 1e-9) return { value: fromTicks(g.max, g), adjusted: 'max' };
  const snapped = g.min + Math.round((exact - g.min) / g.step) * g.step;
  const clamped = Math.min(g.max, Math.max(g.min, snapped));
  return { value: fromTicks(clamped, g), adjusted: Math.abs(clamped - exact) > 1e-6 ? 'step' : null };
}

/** An example of a valid quantity for the error hint ("1" or "0,5"). */
export function exampleQuantity(unit: UnitRule): number {
  const g = gridOf(unit);
  return fromTicks(g.min, g);
}
