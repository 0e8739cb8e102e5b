import 'i18next';
import type { en as backEnd } from '../../shared/i18n/messages.en';
import type { en } from './en';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    keySeparator: false;
    nsSeparator: false;
    resources: { translation: typeof backEnd & typeof en };
  }
}
