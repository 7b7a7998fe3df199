/** Placeholder made by the scaffold; the owner of this folder replaces it. */
export function AssessmentFormPage() {
  return null;
}
