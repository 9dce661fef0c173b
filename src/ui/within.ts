/**
 * `answer`'s value if it settles within `ms`, else null (also when it fails: the caller then
 * draws its placeholder and keeps listening to the same promise, which shows the failure).
 */
export function within<T>(answer: Promise<T>, ms: number): Promise<T | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), ms);
    answer.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(null);
      },
    );
  });
}
