/**
 * A class's way through the curriculum, from the session log: which sessions it has held
 * (and on which days), and which comes next: the first, in curriculum order, not yet held.
 */

export interface LoggedSession {
	date: string;
	classLabel: string;
	lessonId: string;
}

export interface ClassProgress {
	/** The days each lesson was held by the class, earliest first. */
	held: Map<string, string[]>;
	/** The next lesson to hold, or null when every one has been. */
	next: string | null;
}

/** The classes the log knows, in alphabetical order, each once. */
export function classLabels(sessions: readonly LoggedSession[]): string[] {
	return [...new Set(sessions.map((session) => session.classLabel))]
		.filter((label) => label !== '')
		.sort((a, b) => a.localeCompare(b));
}

export function classProgress(
	sessions: readonly LoggedSession[],
	classLabel: string,
	curriculum: readonly string[]
): ClassProgress {
	const held = new Map<string, string[]>();
	for (const session of sessions) {
		if (session.classLabel !== classLabel || !curriculum.includes(session.lessonId)) continue;
		const days = held.get(session.lessonId) ?? [];
		if (!days.includes(session.date)) days.push(session.date);
		held.set(session.lessonId, days.sort());
	}
	return { held, next: curriculum.find((id) => !held.has(id)) ?? null };
}
