import { Combobox, TextInput } from '@mantine/core';

/**
 * What a Select or MultiSelect looks like before it is mounted: the same box, text and chevron,
 * inert. Mantine's comboboxes place their (closed) drop-downs as they mount, a forced layout and
 * a second render each; the board page shows this for the frame before its first paint and the
 * real widget right after (see useAfterFirstPaint).
 */
export function ComboPlaceholder({ w, value, placeholder }: { w: number; value?: string; placeholder?: string }) {
  return (
    <TextInput
      w={w}
      readOnly
      tabIndex={-1}
      aria-hidden
      value={value ?? ''}
      placeholder={placeholder}
      rightSection={<Combobox.Chevron />}
      rightSectionPointerEvents="none"
    />
  );
}
