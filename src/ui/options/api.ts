import type { Settings } from '../../settings/schema.ts';
import type { CalendarApi } from '../CalendarButton.tsx';

/** What the options page asks the background for; the entrypoint wires it to messages, tests to fakes. */
export interface OptionsApi {
  getSettings(): Promise<Settings>;
  setSettings(
    patch: Partial<Pick<Settings, 'notifyLeadDays' | 'buyerReplyLeadHours' | 'rules' | 'language'>>,
  ): Promise<{ saved: boolean; settings: Settings; errors: Array<{ field: string; message: string }> }>;
  exportBackup(): Promise<{ fileName: string; text: string }>;
  importBackup(text: string): Promise<{ imported: boolean; reason: string | null; message: string | null }>;
  wipe(): Promise<unknown>;
  /** Hands a file to the browser's download (an object URL and an a[download]). */
  download(fileName: string, text: string): void;
  /** Applies the interface language after it was saved. */
  applyLanguage(setting: string): Promise<unknown>;
  /** The browser's own language, for the "Browser's language" choice. */
  browserLanguage: string;
  /** "Add to calendar (.ics)": the section shows when given. */
  calendar?: CalendarApi;
}
