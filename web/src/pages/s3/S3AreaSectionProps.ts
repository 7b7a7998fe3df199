/**
 * What the strength-area page (areas/S3AreaPage) gives each section it shows from another part
 * of the S3 feature (steps, assessments, upcoming meetings, participation, lessons).
 */
export type S3AreaSectionProps = {
  areaId: string;
  slug: string;
  /** The area's name in the reader's language. */
  name: string;
};
