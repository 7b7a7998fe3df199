/**
 * The six-step process of smart specialisation (EU RIS3 Guide, 2012) and the self-assessment in
 * the manner of the JRC "RIS3 Assessment Wheel": three critical factors per step, each scored 0–5.
 *
 * The wheel's scale (0 no information … 5 excellent) is the JRC's. The JRC's own names of the
 * eighteen factors were not in our sources, so the factors below are OUR wording, written after
 * the RIS3 Guide's description of each step (what the step should deliver). The UI says so
 * ("Faktorerna är formulerade fritt efter RIS3-hjulet"). Pure data, no I/O.
 */
import { type S3StepKey, s3StepKeys } from '../../../db/schema.ts';

export type { S3StepKey };
export { s3StepKeys };

type Text = { sv: string; en: string };
export type AssessmentFactor = { factor: 1 | 2 | 3; name: Text; description: Text };
export type FrameworkStep = { step: S3StepKey; number: number; name: Text; factors: AssessmentFactor[] };

const f = (factor: 1 | 2 | 3, nameSv: string, nameEn: string, sv: string, en: string): AssessmentFactor => ({
  factor,
  name: { sv: nameSv, en: nameEn },
  description: { sv, en },
});

export const stepNames: Record<S3StepKey, Text> = {
  analysis: { sv: 'Analys av regionens förutsättningar', en: 'Analysis of the regional context' },
  governance: { sv: 'Styrning', en: 'Governance' },
  vision: { sv: 'Gemensam vision', en: 'Shared vision' },
  priorities: { sv: 'Prioriteringar', en: 'Priorities' },
  policy_mix: { sv: 'Policymix och handlingsplan', en: 'Policy mix and action plan' },
  monitoring: { sv: 'Uppföljning och utvärdering', en: 'Monitoring and evaluation' },
};

const factorsOf: Record<S3StepKey, AssessmentFactor[]> = {
  analysis: [
    f(
      1,
      'Regionala tillgångar',
      'Regional assets',
      'Områdets styrkor, resurser och kompetenser i länet är kartlagda med belägg.',
      "The area's strengths, resources and skills in the county are mapped with evidence.",
    ),
    f(
      2,
      'Omvärldsperspektiv',
      'Outward look',
      'Länets läge jämförs med andra regioner, och kopplingar till marknader och värdekedjor utanför länet är kända.',
      "The county's position is compared with other regions, and links to markets and value chains outside it are known.",
    ),
    f(
      3,
      'Entreprenöriell dynamik',
      'Entrepreneurial dynamics',
      'Analysen fångar företagens och andra aktörers egna idéer, behov och utvecklingskraft.',
      'The analysis captures the ideas, needs and drive of firms and other actors.',
    ),
  ],
  governance: [
    f(
      1,
      'Styrstruktur',
      'Governance structure',
      'Det finns en tydlig struktur för beslut, samordning och ansvar för området.',
      'There is a clear structure for decisions, coordination and responsibility for the area.',
    ),
    f(
      2,
      'Brett deltagande',
      'Broad participation',
      'Näringsliv, offentlig sektor, akademi och civilsamhälle deltar, liksom samiska aktörer.',
      'Business, public sector, academia and civil society take part, as do Sami actors.',
    ),
    f(
      3,
      'Ägarskap och kommunikation',
      'Ownership and communication',
      'Aktörerna känner ägarskap för arbetet och får löpande veta vad som händer.',
      'The actors feel ownership of the work and are kept informed of what happens.',
    ),
  ],
  vision: [
    f(
      1,
      'Framtidsbild',
      'Picture of the future',
      'Det finns en tydlig bild av vart området ska nå till 2030, kopplad till länets strategi för 2050.',
      'There is a clear picture of where the area is to be by 2030, linked to the county strategy for 2050.',
    ),
    f(
      2,
      'Förankring',
      'Shared ownership',
      'Visionen är utarbetad och delad av aktörerna, inte bara av regionen.',
      'The vision was drafted and is shared by the actors, not only by the region.',
    ),
    f(
      3,
      'Samhällsutmaningar',
      'Societal challenges',
      'Visionen tar sig an samhällsutmaningar och hållbarhetens tre dimensioner.',
      'The vision takes on societal challenges and the three dimensions of sustainability.',
    ),
  ],
  priorities: [
    f(
      1,
      'Grund i analysen',
      'Rooted in the analysis',
      'Prioriteringarna följer av analysen och av aktörernas process.',
      'The priorities follow from the analysis and from the actor-driven process.',
    ),
    f(
      2,
      'Fokus och kritisk massa',
      'Focus and critical mass',
      'Ett begränsat antal delområden med tillräcklig kritisk massa.',
      'A limited number of sub-areas with enough critical mass.',
    ),
    f(
      3,
      'Tvärgående perspektiv',
      'Cross-cutting perspectives',
      'Jämställdhet, samiska förutsättningar, skillnader inom länet och hållbarhet vägs in.',
      'Gender equality, Sami conditions, differences within the county and sustainability are weighed in.',
    ),
  ],
  policy_mix: [
    f(
      1,
      'Handlingsplan',
      'Action plan',
      'Handlingsplanen anger initiativ, ansvar, tidplan och finansiering.',
      'The action plan names initiatives, responsibilities, timing and funding.',
    ),
    f(
      2,
      'Balanserad verktygslåda',
      'Balanced mix of instruments',
      'Stödformer och finansieringskällor kombineras så att de passar prioriteringarna.',
      'Forms of support and sources of funding are combined to fit the priorities.',
    ),
    f(
      3,
      'Pilotprojekt och försök',
      'Pilots and experiments',
      'Det finns utrymme att pröva nytt i liten skala och bygga vidare på det som fungerar.',
      'There is room to try new things on a small scale and build on what works.',
    ),
  ],
  monitoring: [
    f(
      1,
      'Indikatorer',
      'Indicators',
      'Utfalls- och resultatindikatorer finns, med utgångsvärden och mål.',
      'Output and result indicators exist, with baselines and targets.',
    ),
    f(
      2,
      'Uppföljning och utvärdering',
      'Monitoring and evaluation',
      'Uppföljning görs regelbundet och utvärderingar är planerade.',
      'Monitoring is done regularly and evaluations are planned.',
    ),
    f(
      3,
      'Lärande och revidering',
      'Learning and revision',
      'Resultaten används för att lära och justera prioriteringar och handlingsplan.',
      'The results are used to learn and to adjust priorities and the action plan.',
    ),
  ],
};

export const assessmentSteps: FrameworkStep[] = s3StepKeys.map((step, i) => ({
  step,
  number: i + 1,
  name: stepNames[step],
  factors: factorsOf[step],
}));

/** The JRC scale: how serious the evidence is for a factor. */
export const assessmentScale: { score: number; name: Text }[] = [
  { score: 0, name: { sv: 'Ingen information', en: 'No information' } },
  { score: 1, name: { sv: 'Svag', en: 'Poor' } },
  { score: 2, name: { sv: 'Behöver förbättras', en: 'To be improved' } },
  { score: 3, name: { sv: 'Godtagbar', en: 'Fair' } },
  { score: 4, name: { sv: 'Stark', en: 'Strong' } },
  { score: 5, name: { sv: 'Utmärkt', en: 'Excellent' } },
];

export const factorsPerStep = 3;
export const factorCount = s3StepKeys.length * factorsPerStep;

export const frameworkNote = {
  sv: 'Faktorerna är formulerade fritt efter RIS3-hjulet (JRC:s RIS3 Assessment Wheel); skalan 0–5 är JRC:s.',
  en: "The factors are our own wording after the RIS3 wheel (the JRC's RIS3 Assessment Wheel); the 0–5 scale is the JRC's.",
};
