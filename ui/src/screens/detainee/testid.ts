/**
 * `use:controlTestId={'x'}` on a wrapper puts `data-testid="x"` on the form control inside it (the shared Field
 * component does not forward attributes), so end-to-end tests can type into the control itself.
 */
export function controlTestId(node: HTMLElement, id: string) {
  const apply = (value: string) => node.querySelector('input, select, textarea')?.setAttribute('data-testid', value);
  apply(id);
  return { update: apply };
}
