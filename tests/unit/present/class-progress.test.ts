import { describe, expect, it } from 'vitest';
import { classLabels, classProgress } from '$lib/present/class-progress';

const curriculum = ['welcome', 'why-move', 'documents', 'help'];
const log = [
	{ date: '2026-03-09', classLabel: 'Grade 8B', lessonId: 'why-move' },
	{ date: '2026-02-23', classLabel: 'Grade 8B', lessonId: 'welcome' },
	{ date: '2026-03-02', classLabel: 'Grade 8A', lessonId: 'welcome' },
	{ date: '2026-03-16', classLabel: 'Grade 8B', lessonId: 'why-move' },
	{ date: '2026-03-16', classLabel: 'Grade 8B', lessonId: 'why-move' },
	{ date: '2026-03-20', classLabel: 'Grade 8B', lessonId: 'removed-lesson' }
];

describe('a class’s progress through the sessions', () => {
	it('lists each class of the log once, in order', () => {
		expect(classLabels(log)).toEqual(['Grade 8A', 'Grade 8B']);
		expect(classLabels([])).toEqual([]);
	});

	it('ticks the sessions the class held, with their days, and marks the first not held as next', () => {
		const progress = classProgress(log, 'Grade 8B', curriculum);
		expect([...progress.held]).toEqual([
			['why-move', ['2026-03-09', '2026-03-16']],
			['welcome', ['2026-02-23']]
		]);
		expect(progress.next).toBe('documents');
	});

	it('takes only the chosen class, and ignores lessons no longer in the curriculum', () => {
		const progress = classProgress(log, 'Grade 8A', curriculum);
		expect([...progress.held.keys()]).toEqual(['welcome']);
		expect(progress.next).toBe('why-move');
		expect(classProgress(log, 'Grade 9', curriculum)).toEqual({ held: new Map(), next: 'welcome' });
	});

	it('has no next session once every one is held, even out of order', () => {
		const all = curriculum.map((lessonId, index) => ({
			date: `2026-04-0${9 - index}`,
			classLabel: 'A',
			lessonId
		}));
		expect(classProgress(all, 'A', curriculum).next).toBeNull();
	});
});
