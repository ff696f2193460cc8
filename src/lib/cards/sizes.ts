/**
 * The sizes a card can be printed at, in millimetres. A card's front matter names one
 * (`size: credit-card`); the print layout fits as many of that size as a sheet holds.
 * Add a size here and it becomes a valid value of the field, documented in content/README.md.
 */
export const cardSizes = {
	/** ISO/IEC 7810 ID-1, the size of a bank card: it fits a wallet or a shirt pocket. */
	'credit-card': { width: 85.6, height: 54 }
} as const satisfies Record<string, { width: number; height: number }>;

export type CardSize = keyof typeof cardSizes;

export const cardSizeNames = Object.keys(cardSizes) as [CardSize, ...CardSize[]];
