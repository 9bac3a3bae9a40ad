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
 * The rule the stepper and the input actually apply, the same one the buyer API enforces: a quantity
 * is a positive multiple of the unit's step (0.1 кг, 0.5 ч, 1 шт), with at most 3 decimals, at most
 * `max`. The grid is anchored at zero, not at `min`: the smallest quantity is the first multiple of
 * the step that is ≥ min, the largest the last multiple that is ≤ max. Whole numbers for
 * non-fractional units.
 * Quantities are computed in integer "ticks" of 10^-decimals so 0.1 + 0.2 never becomes 0.30000000000000004.
 */
export interface Grid {
  decimals: number;
  scale: number;
  step: number; // in ticks
  min: number; // in ticks, a multiple of step
  max: number; // in ticks, a multiple of step, ≥ min
}

export function gridOf(unit: UnitRule): Grid {
  const rawStep = Number.isFinite(unit.step) && unit.step > 0 ? unit.step : 1;
  const step = unit.fractional ? rawStep : Math.max(1, Math.round(rawStep));
  const rawMin = Number.isFinite(unit.min) && unit.min > 0 ? unit.min : step;
  const decimals = unit.fractional ? Math.max(decimalsOf(step), decimalsOf(rawMin)) : 0;
  const scale = 10 ** decimals;
  const stepT = Math.max(1, Math.round(step * scale));
  // The first multiple of the step that is not below the unit's minimum.
  const minT = Math.max(1, Math.ceil(Math.round(rawMin * scale) / stepT)) * stepT;
  const rawMax = Number.isFinite(unit.max) && unit.max > 0 ? unit.max : 9999;
  // The last multiple of the step that does not exceed max.
  const maxT = Math.floor(Math.round(rawMax * scale) / stepT) * stepT;
  return { decimals, scale, step: stepT, min: minT, max: Math.max(minT, maxT) };
}

function fromTicks(ticks: number, g: Grid): number {
  // An integer divided by a power of ten is the double closest to that decimal, so it prints (and goes
  // into JSON) as that decimal: 3 / 10 → "0.3", never "0.30000000000000004".
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
  const snapped = Math.floor(t / g.step) * g.step;
  return fromTicks(Math.min(g.max, snapped + g.step), g);
}

/** The next quantity down; below the minimum it is 0, which means "remove the line". */
export function stepDown(quantity: number, unit: UnitRule): number {
  const g = gridOf(unit);
  const t = toTicks(quantity, g);
  if (t <= g.min) return 0;
  const snapped = Math.ceil(t / g.step) * g.step;
  return fromTicks(Math.min(g.max, Math.max(g.min, snapped - g.step)), g);
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

/** Snaps a typed quantity onto the unit's grid: clamps to [min, max] and rounds to the nearest multiple of the step. */
export function normalizeQuantity(quantity: number, unit: UnitRule): { value: number; adjusted: Adjustment } {
  const g = gridOf(unit);
  const exact = quantity * g.scale;
  if (exact < g.min - 1e-9) return { value: fromTicks(g.min, g), adjusted: 'min' };
  if (exact > g.max + 1e-9) return { value: fromTicks(g.max, g), adjusted: 'max' };
  const snapped = Math.round(exact / g.step) * g.step;
  const clamped = Math.min(g.max, Math.max(g.min, snapped));
  return { value: fromTicks(clamped, g), adjusted: Math.abs(clamped - exact) > 1e-6 ? 'step' : null };
}

/** An example of a valid quantity for the error hint ("1" or "0,5"). */
export function exampleQuantity(unit: UnitRule): number {
  const g = gridOf(unit);
  return fromTicks(g.min, g);
}

/**
 * The quantity as it goes into the order request: on the unit's grid (snapped if it somehow is not,
 * e.g. the unit changed with a refreshed catalog), a number whose JSON form has at most 3 decimals.
 */
export function wireQuantity(quantity: number, unit: UnitRule): number {
  return normalizeQuantity(quantity, unit).value;
}

/** True when the quantity is exactly on the unit's grid (a multiple of the step within [min, max]). */
export function onGrid(quantity: number, unit: UnitRule): boolean {
  const g = gridOf(unit);
  const exact = quantity * g.scale;
  const t = Math.round(exact);
  return Math.abs(exact - t) < 1e-6 && t >= g.min && t <= g.max && t % g.step === 0;
}
