// The one place that calls Tauri's invoke: every rejection comes out as an ErrorBody.
import { invoke, type InvokeArgs } from '@tauri-apps/api/core';
import { toErrorBody } from './errors';

export async function call<T>(command: string, args?: InvokeArgs): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw toErrorBody(e);
  }
}
