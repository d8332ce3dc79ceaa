import type { ComponentChildren } from 'preact';

/**
 * A wide table that may scroll sideways: focusable, so keyboard users can scroll it too, and named,
 * so the focus lands on something a screen reader can announce.
 */
export function ScrollRegion({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
