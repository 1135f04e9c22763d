// App-wide commands: version/paths and the sidebar overview (active plan, current week, today).
import type { AppInfo } from '../bindings/AppInfo';
import type { Overview } from '../bindings/Overview';
import { call } from './ipc';

export function getAppInfo(): Promise<AppInfo> {
  return call<AppInfo>('app_info');
}

export function getOverview(): Promise<Overview> {
  return call<Overview>('overview');
}
