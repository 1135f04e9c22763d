// Props whose fields change one at a time, as a parent component's do. (`rerender` of the testing library
// replaces the whole props object, which re-runs every effect that reads any prop.)
export function liveProps<T extends Record<string, unknown>>(initial: T): T {
  const props = $state(initial);
  return props;
}
