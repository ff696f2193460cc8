import { describe, expect, it } from 'vitest';
import { fontSteps, stageSize, STAGE_HEIGHT } from '$lib/present/stage';

describe('the projector stage', () => {
	it('is 1024 wide on a 4:3 screen and fills it', () => {
		expect(stageSize(1024, 768)).toEqual({ width: 1024, height: STAGE_HEIGHT, scale: 1 });
		expect(stageSize(800, 600).scale).toBeCloseTo(800 / 1024);
	});

	it('widens up to 16:9, keeping its height, so wide screens get longer lines, not smaller type', () => {
		expect(stageSize(1280, 720)).toMatchObject({ width: 1365, scale: 720 / 768 });
		expect(stageSize(1280, 800).width).toBe(1229);
		expect(stageSize(1280, 800).scale).toBeCloseTo(800 / 768, 2);
	});

	it('fits both ways on screens wider than 16:9 or taller than 4:3, so nothing is cut', () => {
		const window = stageSize(1366, 657);
		expect(window.width).toBe(1366);
		expect(window.width * window.scale).toBeLessThanOrEqual(1366);
		expect(window.height * window.scale).toBeLessThanOrEqual(657);
		const tall = stageSize(1280, 1024);
		expect(tall.width).toBe(1024);
		expect(tall.height * tall.scale).toBeLessThanOrEqual(1024);
		expect(tall.scale).toBe(1.25);
	});

	it('stands at scale 1 before the window has a size', () => {
		expect(stageSize(0, 0).scale).toBe(1);
		expect(stageSize(Number.NaN, 500).scale).toBe(1);
	});

	it('tries the text sizes from the largest down to the smallest readable, and no further', () => {
		expect(fontSteps(40, 32)).toEqual([40, 38, 36, 34, 32]);
		expect(fontSteps(40, 33, 2)).toEqual([40, 38, 36, 34, 33]);
		expect(fontSteps()).not.toContain(30);
	});
});
