import type { ParamMatcher } from '@sveltejs/kit';

/** English lives at the root (`/sessions`), Khmer under `/km` (`/km/sessions`). */
export const match: ParamMatcher = (param) => param === 'km';
