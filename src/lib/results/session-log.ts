/**
 * The session log: a teacher records each class session held (the day, the class label,
 * the lesson, how many students; girls and boys if counted), for the programme's report of
 * sessions held and students reached. Counts only: the form has no place for a name.
 * This module checks what was typed; session-store.ts keeps it, and is loaded only when the
 * page is shown, with the database code.
 */
import { classLabelProblem } from '$lib/quiz/class-label';

export const MAX_STUDENTS = 1000;

export interface SessionInput {
	date: string;
	classLabel: string;
	lessonId: string;
	students: number | null;
	girls: number | null;
	boys: number | null;
}

export type SessionProblem = 'date' | 'future' | 'class' | 'lesson' | 'students' | 'counts';

const isCount = (value: number | null, max: number) =>
	value !== null && Number.isInteger(value) && value >= 0 && value <= max;

/** The day as `YYYY-MM-DD` in the device's own time zone. */
export function localDay(date: Date): string {
	const pad = (value: number) => String(value).padStart(2, '0');
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** What is wrong with the form, field by field (empty when it can be saved). */
export function sessionProblems(
	input: SessionInput,
	lessonIds: readonly string[],
	today: string
): SessionProblem[] {
	const problems: SessionProblem[] = [];
	const day = /^\d{4}-\d{2}-\d{2}$/.test(input.date) ? new Date(`${input.date}T00:00:00Z`) : null;
	if (!day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== input.date) {
		problems.push('date');
	} else if (input.date > today) {
		problems.push('future');
	}
	if (classLabelProblem(input.classLabel)) problems.push('class');
	if (!lessonIds.includes(input.lessonId)) problems.push('lesson');
	if (!isCount(input.students, MAX_STUDENTS) || input.students === 0) problems.push('students');
	else if (
		(input.girls !== null && !isCount(input.girls, MAX_STUDENTS)) ||
		(input.boys !== null && !isCount(input.boys, MAX_STUDENTS)) ||
		(input.girls ?? 0) + (input.boys ?? 0) > input.students!
	) {
		problems.push('counts');
	}
	return problems;
}
