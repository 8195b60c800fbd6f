/** IDs are strings: S4 and S13 compare them with `<`, so sort by code unit, never by locale. */
export const asc = (xs: string[]): string[] => [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
export const sorted = asc;
/** The IDs of a list of objects, sorted. */
export const ids = (xs: { id: string }[]): string[] => asc(xs.map((x) => x.id));
export const minId = (a: string, b: string): string => (a < b ? a : b);
