// Stable product codes: SKUs and EAN-13 barcodes derived from a product's number in the catalog.
import type { SellingMode } from "../schema";

/** The EAN-13 check digit of the first 12 digits (weights 1 and 3, alternating from the left). */
export function ean13CheckDigit(first12: string): number {
  if (!/^\d{12}$/.test(first12)) throw new Error(`EAN-13 needs 12 digits, got "${first12}"`);
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

export function isValidEan13(code: string): boolean {
  return /^\d{13}$/.test(code) && ean13CheckDigit(code.slice(0, 12)) === Number(code[12]);
}

/** "HAL-000123-1": product number and 1-based variant position. */
export function skuFor(productNumber: number, position: number): string {
  return `HAL-${String(productNumber).padStart(6, "0")}-${position + 1}`;
}

/**
 * A unique EAN-13 per variant. Packaged goods use a French GS1 prefix (376); loose, weighed
 * goods use the in-store prefix 21, as real tills do for items without a manufacturer barcode.
 */
export function eanFor(productNumber: number, position: number, sellingMode: SellingMode): string {
  if (position > 9) throw new Error("At most 10 variants per product have an EAN");
  const body =
    sellingMode === "weight"
      ? `21${String(productNumber).padStart(9, "0")}${position}`
      : `376${String(productNumber).padStart(8, "0")}${position}`;
  return body + ean13CheckDigit(body);
}
