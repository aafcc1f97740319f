let counter = 0;
/** A document-unique id for label/aria wiring. */
export function uid(prefix = 'ld'): string {
  counter += 1;
  return `${prefix}-${counter}`;
}
