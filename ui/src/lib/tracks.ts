// One Okabe–Ito colour per track (colour-blind safe). Always shown next to the track's name.

export const OKABE_ITO = [
  '#E69F00', // orange
  '#56B4E9', // sky blue
  '#009E73', // bluish green
  '#F0E442', // yellow
  '#0072B2', // blue
  '#D55E00', // vermillion
  '#CC79A7', // reddish purple
  '#000000', // black
] as const;

const assigned = new Map<string, string>();

/** Give tracks colours in the plan's order, so the same plan always looks the same. */
export function registerTracks(trackIds: readonly string[]): void {
  for (const id of trackIds) trackColour(id);
}

/** The track's colour; a track seen for the first time takes the next one. */
export function trackColour(trackId: string): string {
  let c = assigned.get(trackId);
  if (c === undefined) {
    c = OKABE_ITO[assigned.size % OKABE_ITO.length] ?? OKABE_ITO[0];
    assigned.set(trackId, c);
  }
  return c;
}

/** Forget assignments (tests). */
export function resetTrackColours(): void {
  assigned.clear();
}
