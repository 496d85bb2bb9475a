/**
 * How many of a judge's in-flight slots a worker may hold, given what the other live workers hold.
 * Invariant: the slots of all workers never add up to more than the judge's limit, and a worker
 * never has more calls in flight than its slots. A worker that must shrink keeps the slots of its
 * calls in flight until they finish; one that may grow only takes slots nobody holds. When others
 * are waiting for slots, everyone converges to a fair share.
 */
export type PeerLease = { slots: number; demand: number };

export const grantSlots = ({
  limit,
  demand,
  inFlight,
  peers,
}: {
  limit: number;
  /** Calls this worker wants to have in flight (running + waiting), capped by its own maximum. */
  demand: number;
  inFlight: number;
  peers: PeerLease[];
}): number => {
  const held = peers.reduce((sum, peer) => sum + peer.slots, 0);
  const free = Math.max(0, limit - held);
  const peersWaiting = peers.some((peer) => peer.demand > peer.slots);
  const contenders = 1 + peers.filter((peer) => peer.demand > 0).length;
  const fairShare = Math.ceil(limit / contenders);
  const wanted = peersWaiting ? Math.min(demand, fairShare) : demand;

  return Math.max(inFlight, Math.min(wanted, free));
};

/**
 * Additive-increase / multiplicative-decrease of the calls a worker sends to one judge: halve on a
 * 429 (and wait out retry-after), grow by about one call per round of successes up to the lease.
 */
export type Aimd = { limit: number; pausedUntil: number };

export const onRateLimited = (state: Aimd, { inFlight, now, retryAfterMs }: { inFlight: number; now: number; retryAfterMs?: number }): Aimd => ({
  limit: Math.max(1, Math.floor(Math.min(state.limit, inFlight) / 2)),
  pausedUntil: Math.max(state.pausedUntil, now + (retryAfterMs ?? 1000)),
});

export const onSucceeded = (state: Aimd, { ceiling }: { ceiling: number }): Aimd => ({
  ...state,
  limit: Math.min(ceiling, state.limit + 1 / Math.max(1, state.limit)),
});
