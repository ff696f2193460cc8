/**
 * The "new version, reload" prompt. The app never reloads by itself: a new version waits
 * until the user chooses to reload, and the prompt stays hidden while something holds it
 * (a student in the middle of a quiz), so nobody is interrupted.
 */
class AppUpdate {
	waiting = $state(false);
	#holds = $state(0);
	#apply: (() => Promise<void>) | undefined;

	/** Called by the service-worker registration when a new version is installed. */
	offer(apply: () => Promise<void>): void {
		this.#apply = apply;
		this.waiting = true;
	}

	get prompt(): boolean {
		return this.waiting && this.#holds === 0;
	}

	/** Keeps the prompt hidden until the returned function is called. */
	hold(): () => void {
		this.#holds += 1;
		let released = false;
		return () => {
			if (released) return;
			released = true;
			this.#holds -= 1;
		};
	}

	dismiss(): void {
		this.waiting = false;
	}

	async reload(): Promise<void> {
		await this.#apply?.();
	}
}

export const appUpdate = new AppUpdate();
