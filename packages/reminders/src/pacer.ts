/**
 * Keeps sends to one conversation within Teams' rate limit (7 messages per second per conversation):
 * each send to a conversation waits until 1/7 s after the previous one. Sends to other conversations
 * do not wait for each other.
 */
export class ConversationPacer {
  private readonly last = new Map<string, number>();
  private readonly intervalMs: number;

  constructor(
    perSecond = 7,
    private readonly clock: () => number = () => Date.now(),
    private readonly sleep: (ms: number) => Promise<void> = (ms) =>
      new Promise((resolve) => setTimeout(resolve, ms)),
  ) {
    this.intervalMs = Math.ceil(1000 / perSecond);
  }

  /** Waits for the conversation's next free slot and takes it. */
  async take(conversationId: string): Promise<void> {
    const now = this.clock();
    const previous = this.last.get(conversationId);
    const at = previous === undefined ? now : Math.max(now, previous + this.intervalMs);
    // Taken before the wait, so concurrent callers line up behind each other.
    this.last.set(conversationId, at);
    if (at > now) await this.sleep(at - now);
  }
}
