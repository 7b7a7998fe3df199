/**
 * Swedish organisationsnummer: NNNNNN-NNNN whose ten digits pass the Luhn check, as issued by
 * Bolagsverket/Skatteverket (e.g. 232100-0214 for Region Jämtland Härjedalen).
 */
export function normaliseOrganisationNumber(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(digits)) return null;
  if (!passesLuhn(digits)) return null;
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
}

export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}
