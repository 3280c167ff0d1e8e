/**
 * The order a worker answers in: requests as they come, and background work (a list below the
 * fold) in a queue of its own, one item per turn of the event loop, so a request that arrives
 * while background work waits (a filter a person chose) is answered first.
 */
export function inTurns<M extends { background?: boolean }>(
  answer: (message: M) => Promise<void>,
): (message: M) => void {
  const later: M[] = [];
  let draining = false;
  const drain = (): void => {
    const next = later.shift();
    if (!next) {
      draining = false;
      return;
    }
    // An answer reports its own failure to the page; the queue goes on either way.
    const turn = () => void setTimeout(drain, 0);
    answer(next).then(turn, turn);
  };
  return (message) => {
    if (!message.background) return void answer(message);
    later.push(message);
    if (!draining) {
      draining = true;
      setTimeout(drain, 0);
    }
  };
}
