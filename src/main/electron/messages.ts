// Strings the Electron shell shows itself (menu, startup failures), in both languages. The
// renderer has its own i18next resources; these never reach it. No electron import (tested).
import type { Locale } from '../../shared/i18n/locales';

const en = {
  'menu.file': 'File',
  'menu.edit': 'Edit',
  'menu.view': 'View',
  'menu.window': 'Window',
  'menu.help': 'Help',
  'menu.about': 'About CRM',
  'menu.services': 'Services',
  'menu.hide': 'Hide CRM',
  'menu.hideOthers': 'Hide others',
  'menu.unhide': 'Show all',
  'menu.quit': 'Quit CRM',
  'menu.closeWindow': 'Close window',
  'menu.undo': 'Undo',
  'menu.redo': 'Redo',
  'menu.cut': 'Cut',
  'menu.copy': 'Copy',
  'menu.paste': 'Paste',
  'menu.selectAll': 'Select all',
  'menu.reload': 'Reload',
  'menu.devTools': 'Developer tools',
  'menu.resetZoom': 'Actual size',
  'menu.zoomIn': 'Zoom in',
  'menu.zoomOut': 'Zoom out',
  'menu.fullScreen': 'Full screen',
  'menu.minimize': 'Minimize',
  'menu.zoom': 'Zoom',
  'startup.failed_title': 'CRM cannot start',
  'startup.no_renderer':
    'The workspace screens are not built ({{path}} is missing). Run "npm run build" and start again.',
  'startup.db_failed': 'The database at {{path}} could not be opened: {{reason}}',
} as const;

export type ShellMessageKey = keyof typeof en;

const es: Record<ShellMessageKey, string> = {
  'menu.file': 'Archivo',
  'menu.edit': 'Edición',
  'menu.view': 'Ver',
  'menu.window': 'Ventana',
  'menu.help': 'Ayuda',
  'menu.about': 'Acerca de CRM',
  'menu.services': 'Servicios',
  'menu.hide': 'Ocultar CRM',
  'menu.hideOthers': 'Ocultar otros',
  'menu.unhide': 'Mostrar todo',
  'menu.quit': 'Salir de CRM',
  'menu.closeWindow': 'Cerrar ventana',
  'menu.undo': 'Deshacer',
  'menu.redo': 'Rehacer',
  'menu.cut': 'Cortar',
  'menu.copy': 'Copiar',
  'menu.paste': 'Pegar',
  'menu.selectAll': 'Seleccionar todo',
  'menu.reload': 'Recargar',
  'menu.devTools': 'Herramientas de desarrollo',
  'menu.resetZoom': 'Tamaño real',
  'menu.zoomIn': 'Ampliar',
  'menu.zoomOut': 'Reducir',
  'menu.fullScreen': 'Pantalla completa',
  'menu.minimize': 'Minimizar',
  'menu.zoom': 'Zoom',
  'startup.failed_title': 'CRM no puede iniciarse',
  'startup.no_renderer':
    'Las pantallas del espacio de trabajo no están compiladas (falta {{path}}). Ejecuta "npm run build" y vuelve a iniciar.',
  'startup.db_failed': 'No se pudo abrir la base de datos {{path}}: {{reason}}',
};

export const shellMessages: Record<Locale, Record<ShellMessageKey, string>> = { en, es };

export function shellText(locale: Locale, key: ShellMessageKey, params: Record<string, string> = {}): string {
  return shellMessages[locale][key].replace(/\{\{(\w+)\}\}/g, (whole, name: string) => params[name] ?? whole);
}
