import type { Product } from '../api/contract';

/** Cards rendered at once: the first screenful and then some (a card is ~130–170 px high at 360 px). */
export const FIRST_PAGE = 30;
/** Cards added each time the buyer nears the end of the list or presses «Показать ещё». */
export const NEXT_PAGE = 30;
/** Catalogs bigger than this get a search field. */
export const SEARCH_THRESHOLD = 30;

/** Lower case, ё → е, any run of spaces/punctuation → one space: "Ёжик  «Молоко»" → "ежик молоко". */
export function searchText(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е').replace(/[\s\u00a0\u202f.,;:!?«»"“”„'()[\]{}\-–—/\\]+/g, ' ').trim();
}

/**
 * The catalog prepared for instant filtering: products grouped by category (in catalog order) and
 * a lower-cased "name sku" line per product for search, built on the first search only.
 */
export class CatalogIndex {
  readonly byId: ReadonlyMap<string, Product>;
  /** Categories that have at least one product. */
  readonly usedCategories: ReadonlySet<string>;
  private readonly byCategory = new Map<string, Product[]>();
  private haystacks: Map<Product, string> | null = null;

  constructor(readonly products: readonly Product[]) {
    this.byId = new Map(products.map((p) => [p.id, p]));
    for (const p of products) {
      if (p.categoryId === null) continue;
      let list = this.byCategory.get(p.categoryId);
      if (!list) this.byCategory.set(p.categoryId, (list = []));
      list.push(p);
    }
    this.usedCategories = new Set(this.byCategory.keys());
  }

  /**
   * Products of a category (null = all) whose name or SKU contains every word of the query, in catalog
   * order. Cheap enough for every keystroke on 5,000 products (one substring test per product and word).
   */
  filter(category: string | null, query: string): readonly Product[] {
    const base = category === null ? this.products : (this.byCategory.get(category) ?? []);
    const words = searchText(query).split(' ').filter(Boolean);
    if (!words.length) return base;
    const hay = this.ensureHaystacks();
    return base.filter((p) => {
      const text = hay.get(p) ?? '';
      return words.every((w) => text.includes(w));
    });
  }

  private ensureHaystacks(): Map<Product, string> {
    return (this.haystacks ??= new Map(this.products.map((p) => [p, searchText(`${p.name} ${p.sku}`)])));
  }
}
