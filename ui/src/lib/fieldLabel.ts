import { t } from './i18n.svelte';

/** A record field's readable name: translated when known (`hist-field-<name>`), else as stored. */
export function fieldLabel(field: string): string {
  if (!field) return t('hist-panel-whole-record');
  const id = `hist-field-${field.replace(/[._]/g, '-')}`;
  const text = t(id);
  return text === id ? field : text;
}
