import { useMemo } from 'react';
import { useAppStore } from '../../store/appStore';

/** Colours a chart draws with, read from the theme's CSS variables (canvas drawing cannot use var()). */
export interface ChartColors {
  text: string;
  muted: string;
  border: string;
  accent: string;
  warning: string;
  error: string;
  /** `--pattern-<name>`, read on demand. */
  pattern(name: string): string;
}

function read(name: string, fallback: string): string {
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return v || fallback;
}

/** The colours of the current theme; a new object when the theme changes (charts rebuild then). */
export function useChartColors(): ChartColors {
  const theme = useAppStore((s) => s.theme);
  return useMemo(() => {
    // The theme attribute is set by the store subscription in boot.ts before React renders.
    void theme;
    const patterns = new Map<string, string>();
    return {
      text: read('--text', '#1f2937'),
      muted: read('--muted', '#6b7280'),
      border: read('--border', '#e2e5ea'),
      accent: read('--accent', '#2563eb'),
      warning: read('--warning', '#d97706'),
      error: read('--error', '#dc2626'),
      pattern: (name: string) => {
        let c = patterns.get(name);
        if (c === undefined) patterns.set(name, (c = read(`--pattern-${name}`, '#6b7280')));
        return c;
      },
    };
  }, [theme]);
}

/** A #rgb / #rrggbb colour with an alpha, for fills under a line; other forms come back unchanged. */
export function withAlpha(color: string, alpha: number): string {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color);
  if (!m) return color;
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}
