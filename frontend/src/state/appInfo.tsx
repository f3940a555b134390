import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { getAppInfo, toApiError, type ApiError, type AppInfo } from '../api';

export interface AppInfoState {
  info: AppInfo | null;
  error: ApiError | null;
}

const AppInfoContext = createContext<AppInfoState>({ info: null, error: null });

/** Loads AppInfo once for the whole window (sidebar version, Settings page). */
export function AppInfoProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AppInfoState>({ info: null, error: null });
  useEffect(() => {
    let live = true;
    getAppInfo().then(
      (info) => live && setState({ info, error: null }),
      (err: unknown) => live && setState({ info: null, error: toApiError(err) }),
    );
    return () => {
      live = false;
    };
  }, []);
  return <AppInfoContext.Provider value={state}>{children}</AppInfoContext.Provider>;
}

export function useAppInfo(): AppInfoState {
  return useContext(AppInfoContext);
}
