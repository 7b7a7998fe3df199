/** Dates as the region's users live them: Swedish time, not the server's UTC. */
const swedishDate = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in Sweden as YYYY-MM-DD (at 00:30 in Östersund it is already tomorrow in UTC terms). */
export const todayInSweden = (now = new Date()) => swedishDate.format(now);
