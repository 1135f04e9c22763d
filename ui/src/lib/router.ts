// The places of the app and the URL hash that selects them: "#/today/2025-08-19", "#/calendar", …
// For Documents the date names the daily log to open: "#/documents/2025-08-19".
import { isIsoDate } from './dates';

export type Place = 'today' | 'calendar' | 'documents' | 'portfolio' | 'settings';

export type Route = { place: Place; date: string | null };

export const PLACES: readonly { id: Place; label: string; key: string }[] = [
  { id: 'today', label: 'Today', key: 't' },
  { id: 'calendar', label: 'Calendar', key: 'c' },
  { id: 'documents', label: 'Documents', key: 'd' },
  { id: 'portfolio', label: 'Portfolio', key: 'p' },
  { id: 'settings', label: 'Settings', key: ',' },
];

function isPlace(s: string | undefined): s is Place {
  return PLACES.some((p) => p.id === s);
}

export function parseHash(hash: string): Route {
  const [place, date] = hash.replace(/^#\/?/, '').split('/');
  return {
    place: isPlace(place) ? place : 'today',
    date: date !== undefined && isIsoDate(date) ? date : null,
  };
}

export function formatHash(route: Route): string {
  return route.date ? `#/${route.place}/${route.date}` : `#/${route.place}`;
}
