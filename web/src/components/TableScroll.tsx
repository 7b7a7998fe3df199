import { type ReactNode, useEffect, useRef, useState } from 'react';

/**
 * The scrolling box around a wide table. When the table is wider than the box (a phone, many
 * years) the box becomes a named, focusable region so keyboard users can scroll it (WCAG 2.1.1);
 * when it fits it adds no tab stop.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const measure = () => setScrolls(box.scrollWidth > box.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
    return () => observer.disconnect();
  }, []);
  // Only a box that scrolls is a named, focusable region; otherwise it is a plain wrapper.
  const region = scrolls ? { role: 'region', 'aria-label': label, tabIndex: 0 } : {};
  return (
    <div ref={ref} className="table-wrap" {...region}>
      {children}
    </div>
  );
}
