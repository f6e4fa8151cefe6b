// The storefront's few icons as plain SVG. lucide-react's components are client components (its
// Icon reads a React context), so each one on a cached page cost a client reference, its path data
// twice in the RSC payload and hydration work on the shopper's phone; these render to markup only.
// Paths from Lucide (https://lucide.dev, ISC licence), drawn as its components draw them.
import type { ReactNode } from "react";

type IconProps = { className?: string; strokeWidth?: number };

function icon(paths: ReactNode) {
  return function Icon({ className, strokeWidth = 2 }: IconProps) {
    return (
      <svg
        xmlns="http://www.w3.org/2000/svg"
        width="24"
        height="24"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth={strokeWidth}
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
        className={className}
      >
        {paths}
      </svg>
    );
  };
}

export const CarrotIcon = icon(
  <>
    <path d="M15 16a1 1 0 0 0-7-7q-4 4-5.987 12.385a.5.5 0 0 0 .602.602Q11 20 15 16l-3-3" />
    <path d="M15 9q4 4 7 0-3-4-7 0 4-4 0-7-4 3 0 7" />
    <path d="m8 15-2.58-2.58" />
  </>,
);

export const MapPinIcon = icon(
  <>
    <path d="M20 10c0 4.993-5.539 10.193-7.399 11.799a1 1 0 0 1-1.202 0C9.539 20.193 4 14.993 4 10a8 8 0 0 1 16 0" />
    <circle cx="12" cy="10" r="3" />
  </>,
);

export const UserRoundIcon = icon(
  <>
    <circle cx="12" cy="8" r="5" />
    <path d="M20 21a8 8 0 0 0-16 0" />
  </>,
);

export const ShoppingBasketIcon = icon(
  <>
    <path d="m15 11-1 9" />
    <path d="m19 11-4-7" />
    <path d="M2 11h20" />
    <path d="m3.5 11 1.6 7.4a2 2 0 0 0 2 1.6h9.8a2 2 0 0 0 2-1.6l1.7-7.4" />
    <path d="M4.5 15.5h15" />
    <path d="m5 11 4-7" />
    <path d="m9 11 1 9" />
  </>,
);

export const SearchIcon = icon(
  <>
    <path d="m21 21-4.34-4.34" />
    <circle cx="11" cy="11" r="8" />
  </>,
);
