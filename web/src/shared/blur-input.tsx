import { NumberInput, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';

// NOTE: settings tables rename in place: a field saves when it loses focus (Tab or a click away),
// and only when its text changed, so moving through a table with the keyboard writes nothing.

/** A text field that calls `onCommit` with its new text when it loses focus after a change. */
export function BlurTextInput({
  value,
  label,
  onCommit,
  disabled,
}: {
  value: string;
  label: string;
  onCommit: (value: string) => void;
  disabled?: boolean;
}) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  return (
    <TextInput
      aria-label={label}
      value={text}
      disabled={disabled}
      onChange={(event) => setText(event.currentTarget.value)}
      onBlur={() => {
        if (text.trim() !== '' && text !== value) onCommit(text.trim());
      }}
    />
  );
}

/** A whole-number field that calls `onCommit` when it loses focus after a change. */
export function BlurNumberInput({
  value,
  label,
  onCommit,
  min,
  max,
}: {
  value: number;
  label: string;
  onCommit: (value: number) => void;
  min: number;
  max: number;
}) {
  const [number, setNumber] = useState<number | string>(value);
  useEffect(() => setNumber(value), [value]);
  return (
    <NumberInput
      aria-label={label}
      value={number}
      min={min}
      max={max}
      allowDecimal={false}
      w={110}
      onChange={setNumber}
      onBlur={() => {
        if (number !== '' && Number(number) !== value) onCommit(Number(number));
      }}
    />
  );
}
