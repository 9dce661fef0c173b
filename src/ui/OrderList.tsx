import { Component } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { afterPaint } from './frame.ts';
import { t } from '../i18n/core.ts';
import type { Entry } from '../timeline/tracked.ts';
import { OrderCard, type OrderCardProps } from './OrderCard.tsx';

/** Cards rendered at first and added per "show more": a shopper acts on the top few, 1,000 would cost a second. */
export const PAGE_SIZE = 20;

/**
 * Cards drawn in the list's first frame. A card is about 350 px tall and the popup at most 600, so
 * the shopper sees fewer than two; the rest of the page is drawn a frame later, after the first
 * screen is painted (drawing and laying out 20 cards was most of the popup's own time to paint).
 */
export const FIRST_SCREEN = 3;

export interface OrderListProps extends Pick<OrderCardProps, 'now' | 'open' | 'onTick' | 'onAnswer' | 'actions'> {
  /** Already filtered and sorted, most urgent first. */
  entries: Entry[];
  /** How many there are in all, when `entries` holds only the first of them; `more` asks for the rest. */
  total?: number;
  more?: (count: number) => void;
}

export function OrderList({
  entries,
  total = entries.length,
  now,
  open,
  onTick,
  onAnswer,
  actions,
  more,
}: OrderListProps) {
  const [shown, setShown] = useState(PAGE_SIZE);
  const [expanded, setExpanded] = useState<string | null>(null);
  const [painted, setPainted] = useState(false);
  useEffect(() => afterPaint(() => setPainted(true)), []);
  const drawn = painted ? shown : Math.min(shown, FIRST_SCREEN);
  const rest = total - shown;
  const toggle = useCallback((id: string) => setExpanded((current) => (current === id ? null : id)), []);
  const showMore = () => {
    const count = shown + PAGE_SIZE;
    setShown(count);
    if (count > entries.length) more?.(count);
  };
  return (
    <>
      <ul class="rr-list">
        {entries.slice(0, drawn).map((entry) => (
          <Card
            key={entry.order.orderId}
            entry={entry}
            now={now}
            expanded={expanded === entry.order.orderId}
            onToggle={toggle}
            open={open}
            onTick={onTick}
            onAnswer={onAnswer}
            actions={actions}
          />
        ))}
      </ul>
      {rest > 0 && (
        <button type="button" class="rr-more" onClick={showMore}>
          {t('popupShowMore', Math.min(rest, PAGE_SIZE))}
        </button>
      )}
    </>
  );
}

/**
 * A card drawn again only when what it shows changed: the live answer that follows the cached first
 * screen usually holds the same orders (main.tsx keeps their objects), and 20 cards cost more to
 * draw than anything else in the popup.
 */
class Card extends Component<OrderCardProps> {
  override shouldComponentUpdate(next: OrderCardProps): boolean {
    const p = this.props;
    return (
      next.entry !== p.entry ||
      next.now !== p.now ||
      next.expanded !== p.expanded ||
      next.open !== p.open ||
      next.onTick !== p.onTick ||
      next.onAnswer !== p.onAnswer ||
      next.actions !== p.actions ||
      next.onToggle !== p.onToggle
    );
  }
  override render(props: OrderCardProps) {
    return <OrderCard {...props} />;
  }
}
