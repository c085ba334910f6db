/**
 * The core's destinations as one navigation landmark. Wide screens show
 * them all in a row under the top bar. Below 600 px (styles.css) it is a
 * bottom bar: the four destinations of a daily visit, and "More" opening
 * the rest above it (help — I'm triggered, Contact my peer, the crisis
 * line — stays in the top bar). Every destination is at most two taps away.
 */
import { memo, useEffect, useId, useRef, useState } from 'react';
import { useDispatch } from '../core/CoreContext';
import type { FormWords, NavigationItem } from '../generated/shared_types';

/** On the phone's bottom bar; the others are under "More". */
const ON_THE_BAR = new Set(['Today', 'CheckIn', 'Goals', 'Triggers']);

/** Memoized: a tap's "waiting" state does not re-render it, only a new view model. */
export const Navigation = memo(function Navigation({ items, words }: { items: NavigationItem[]; words: FormWords }) {
  const dispatch = useDispatch();
  const moreId = useId();
  const [open, setOpen] = useState(false);
  const list = useRef<HTMLUListElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const onBar = items.filter((item) => ON_THE_BAR.has(item.screen.kind));
  const more = items.filter((item) => !ON_THE_BAR.has(item.screen.kind));
  const currentIsMore = more.some((item) => item.current);

  useEffect(() => {
    if (open) list.current?.querySelector('a')?.focus();
  }, [open]);
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        toggle.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  const link = (item: NavigationItem) => (
    <li key={item.screen.kind}>
      <a
        href={`#${item.screen.kind}`}
        aria-current={item.current ? 'page' : undefined}
        onClick={(event) => {
          event.preventDefault();
          setOpen(false);
          dispatch({ kind: 'Navigate', value: item.screen });
        }}
      >
        {item.label}
      </a>
    </li>
  );

  return (
    <nav aria-label={words.navigation} className="main-nav" data-more-open={open ? 'true' : undefined}>
      <ul className="on-the-bar">
        {onBar.map(link)}
        <li className="more-tab">
          <button
            ref={toggle}
            type="button"
            aria-expanded={open}
            aria-controls={moreId}
            className={currentIsMore ? 'current' : undefined}
            onClick={() => setOpen(!open)}
          >
            {words.more}
          </button>
        </li>
      </ul>
      <ul className="more" id={moreId} ref={list}>
        {more.map(link)}
      </ul>
    </nav>
  );
});
