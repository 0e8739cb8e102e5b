/** Lower-case and strip diacritics, so "Ángel" and "angel" sort and match alike. */
export function foldText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .trim();
}
