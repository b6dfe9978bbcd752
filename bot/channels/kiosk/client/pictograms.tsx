import type { JSX } from 'preact';

// Simple line pictograms for the menu, drawn here (no icon font, no request). Decorative: the button says it in words.
const PATHS: Record<string, JSX.Element> = {
  rights: <path d="M16 3 5 7v8c0 7 4.7 12 11 14 6.3-2 11-7 11-14V7L16 3Zm-5 13 4 4 7-8" />,
  views: <path d="M5 6h22v15H14l-6 5v-5H5V6Zm6 8h.01M16 14h.01M21 14h.01" />,
  complaint: <path d="M6 28V5m0 1h17l-3 6 3 6H6" />,
  help: (
    <path d="M16 4a12 12 0 1 0 0 24 12 12 0 0 0 0-24Zm0 7a5 5 0 1 0 0 10 5 5 0 0 0 0-10ZM7.5 7.5l5 5m7 7 5 5m0-17-5 5m-7 7-5 5" />
  ),
  check: <path d="M14 5a9 9 0 1 0 0 18 9 9 0 0 0 0-18Zm6.5 15.5L27 27M10 14l3 3 5-6" />,
  back: <path d="M4 15 16 5l12 10M8 12v14h6v-8h4v8h6V12" />,
  language: (
    <path d="M16 3a13 13 0 1 0 0 26 13 13 0 0 0 0-26Zm0 0c-3.5 3.5-5 8-5 13s1.5 9.5 5 13m0-26c3.5 3.5 5 8 5 13s-1.5 9.5-5 13M3.5 12h25M3.5 20h25" />
  ),
  speaker: <path d="M5 12h5l7-6v20l-7-6H5v-8Zm17-1c2 2.7 2 7.3 0 10m3.5-13.5c4 4.6 4 12.4 0 17" />,
  exit: <path d="M8 8l16 16M24 8 8 24" />,
  send: <path d="M4 16 28 5l-6 23-6-9-12-3Zm12 3 12-14" />,
};

/** An inline pictogram, hidden from screen readers (the control's text names it). */
export function Pictogram({ name, size = 32 }: { name: string; size?: number }) {
  const path = PATHS[name];
  if (!path) return null;
  return (
    <svg
      class="pictogram"
      width={size}
      height={size}
      viewBox="0 0 32 32"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      stroke-width="2.2"
      stroke-linecap="round"
      stroke-linejoin="round"
    >
      {path}
    </svg>
  );
}
