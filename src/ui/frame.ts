/**
 * Runs `callback` once the next frame has been painted (its animation-frame callbacks run just
 * before the paint, a task queued from there runs after it); returns a function that cancels it.
 * Used to draw what the first screen does not show after that screen is on the glass.
 */
export function afterPaint(callback: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(callback, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
