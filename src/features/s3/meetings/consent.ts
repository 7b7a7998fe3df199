/**
 * The consent text a person agrees to when registering for a meeting from the public page. Its
 * version is stored with the registration; a new wording gets a new version.
 */
import { registrationRetentionDays } from './meeting-rules.ts';

export const registrationConsent = {
  version: '2026-1',
  textSv:
    'Jag godkänner att Region Jämtland Härjedalen sparar mitt namn, min organisation och min e-postadress ' +
    'för att hantera min anmälan till mötet: för att veta hur många som kommer och kunna skicka information ' +
    'om mötet. Uppgifterna ses bara av regionens handläggare för smart specialisering, lämnas inte ut och ' +
    `raderas ${registrationRetentionDays} dagar efter mötet.`,
  textEn:
    'I agree that Region Jämtland Härjedalen stores my name, my organisation and my email address to handle ' +
    'my registration for the meeting: to know how many will come and to send information about the meeting. ' +
    "Only the region's officers for smart specialisation see the details; they are not passed on and are " +
    `deleted ${registrationRetentionDays} days after the meeting.`,
} as const;
