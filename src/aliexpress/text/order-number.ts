/**
 * The order number of a labelled row ("Order number: 8100 0098 7654 3128 Copy"). Only digits
 * right after a known label count: a page is full of long numbers that are not this order's.
 */

/**
 * What follows an order-number label in `key` (a `labelKey`-folded text): "" when the text is the
 * label alone (with ":", "#" or "№" after it), null when it does not start with one of `labels`.
 */
export function afterOrderLabel(key: string, labels: readonly string[]): string | null {
  for (const label of labels) {
    if (!key.startsWith(label)) continue;
    const rest = key.slice(label.length);
    // "Order numbers of your..." is not the label: a letter or digit may not run on from it.
    if (rest && !/^[\s:#]/.test(rest)) continue;
    return rest.replace(/^[\s:#]+/, '');
  }
  return null;
}

/**
 * The id a label's value shows: 12-19 digits, perhaps in groups split by spaces, perhaps followed
 * by one word (the Copy button's label in the page's language). Anything else is not an order number.
 */
export function orderNumberIn(value: string): string | null {
  const text = value.trim();
  const run = /^[\d ]+/.exec(text);
  if (!run) return null;
  const digits = run[0].replace(/ /g, '');
  if (!/^\d{12,19}$/.test(digits)) return null;
  const rest = text.slice(run[0].length).trim();
  return rest === '' || /^\p{L}{1,24}$/u.test(rest) ? digits : null;
}
