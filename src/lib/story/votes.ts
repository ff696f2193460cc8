/**
 * The class vote on a passage's choices: the teacher taps once per student, and "the most
 * votes" is a single winner, never a tie the app would have to settle for the class.
 */

export type Tally = Record<number, number>;

export function addVote(tally: Tally, choice: number): Tally {
	return { ...tally, [choice]: (tally[choice] ?? 0) + 1 };
}

/** The choice with more votes than any other, or null when nobody voted or two are level. */
export function winner(tally: Tally): number | null {
	let best: number | null = null;
	let bestVotes = 0;
	let level = false;
	for (const [choice, votes] of Object.entries(tally)) {
		if (votes > bestVotes) {
			best = Number(choice);
			bestVotes = votes;
			level = false;
		} else if (votes === bestVotes && votes > 0) {
			level = true;
		}
	}
	return level ? null : best;
}

/** The choices with the most votes: one when there is a winner, two or more on a tie. */
export function leaders(tally: Tally): number[] {
	const top = Math.max(0, ...Object.values(tally));
	if (top === 0) return [];
	return Object.entries(tally)
		.filter(([, votes]) => votes === top)
		.map(([choice]) => Number(choice))
		.sort((a, b) => a - b);
}

/** Keys 1–9 pick the first nine choices shown; anything else is not a pick. */
export function choiceForKey(key: string, shown: number): number | null {
	if (!/^[1-9]$/.test(key)) return null;
	const position = Number(key) - 1;
	return position < shown ? position : null;
}
