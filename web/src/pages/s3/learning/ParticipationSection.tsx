import type { S3AreaSectionProps } from '../S3AreaSectionProps';
/** Placeholder made by the scaffold; the owner of this folder replaces it. */
export function ParticipationSection(_props: S3AreaSectionProps) {
  return null;
}
