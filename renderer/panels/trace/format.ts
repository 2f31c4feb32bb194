/** One shared formatter: toLocaleString builds a new one per call, which shows in a scrolling table. */
const counts = new Intl.NumberFormat('en-US');

/** 12345 -> "12,345". */
export const formatCount = (n: number): string => counts.format(n);
