import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../../components/notify';
import { isApiError } from '../../lib/api-error';
import { errorText } from '../../lib/error-text';
import { placeIssues, type FieldErrors } from './issues';

/** Indexes of the rows that were sent, per list: empty rows are left out, so issue paths need mapping back. */
export type RowMaps = Record<string, number[]>;

export interface Prepared<I> {
  input: I;
  rows: RowMaps;
}

/** Maps ["emails", 0, "value"] (index in what was sent) back to the row on screen. */
export function remapper(rows: RowMaps) {
  return (path: (string | number)[]) => {
    const [head, index, ...rest] = path;
    if (typeof head === 'string' && typeof index === 'number' && rows[head]) {
      return [head, rows[head][index] ?? index, ...rest];
    }
    return path;
  };
}

/**
 * State of a record form: values, errors under their fields, errors with no field of their own
 * (listed on top), and the submit that prepares, saves and places the issues of a refusal. Nothing
 * is kept half-saved: a refused save leaves the form as it was typed.
 */
export function useRecordForm<V extends object>(initial: V, isShown: (key: string) => boolean) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);

  const clearError = (key: string) =>
    setErrors((current) => {
      if (!Object.keys(current).some((k) => k === key || k.startsWith(`${key}.`))) return current;
      const next = { ...current };
      for (const k of Object.keys(next)) if (k === key || k.startsWith(`${key}.`)) delete next[k];
      return next;
    });

  function set<K extends keyof V>(key: K, value: V[K], errorKey: string = String(key)) {
    setValues((v) => ({ ...v, [key]: value }));
    clearError(errorKey);
  }

  async function submit<I>(
    event: FormEvent | null,
    prepare: (values: V) => Prepared<I>,
    save: (input: I) => Promise<void>,
  ): Promise<void> {
    event?.preventDefault();
    if (saving) return;
    setSaving(true);
    const prepared = prepare(values);
    try {
      await save(prepared.input);
      setGeneral([]);
    } catch (error) {
      if (isApiError(error) && error.code === 'invalid_input' && error.issues.length) {
        const placed = placeIssues(t, error.issues, isShown, remapper(prepared.rows));
        setErrors(placed.fields);
        setGeneral(placed.general);
      } else {
        notifyError(t('common.error'), errorText(t, error));
      }
    } finally {
      setSaving(false);
    }
  }

  const hasErrors = general.length > 0 || Object.keys(errors).length > 0;
  return { values, setValues, set, errors, general, hasErrors, saving, submit, clearError };
}

export type RecordForm<V extends object> = ReturnType<typeof useRecordForm<V>>;

/** Rows with a value, and for each the index of its row on screen. */
export function keptRows<R>(rows: R[], isFilled: (row: R) => boolean) {
  const kept = rows.map((row, index) => ({ row, index })).filter(({ row }) => isFilled(row));
  return { rows: kept.map(({ row }) => row), index: kept.map(({ index }) => index) };
}
