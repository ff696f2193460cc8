/**
 * What a station needs to record answers (Dexie, the sealing code), in one module the
 * station loads as it opens, so that none of it stands between the page and its first paint.
 */
export { sealingKeyOf } from '$lib/results/keys';
export { Recorder } from '$lib/results/recorder';
export { checkStorage, requestPersistence } from '$lib/results/storage';
