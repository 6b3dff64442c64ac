import type { Kysely } from 'kysely';
import { insertSeedMunicipality } from './places.repository.js';

/** A realistic starting set of Dutch municipalities by province; each organisation edits its own list. */
const SEED_MUNICIPALITIES: [string, string][] = [
  ['Groningen', 'Groningen'],
  ['Midden-Groningen', 'Groningen'],
  ['Leeuwarden', 'Friesland'],
  ['Súdwest-Fryslân', 'Friesland'],
  ['Assen', 'Drenthe'],
  ['Emmen', 'Drenthe'],
  ['Zwolle', 'Overijssel'],
  ['Enschede', 'Overijssel'],
  ['Deventer', 'Overijssel'],
  ['Almelo', 'Overijssel'],
  ['Almere', 'Flevoland'],
  ['Lelystad', 'Flevoland'],
  ['Arnhem', 'Gelderland'],
  ['Nijmegen', 'Gelderland'],
  ['Apeldoorn', 'Gelderland'],
  ['Ede', 'Gelderland'],
  ['Tiel', 'Gelderland'],
  ['Utrecht', 'Utrecht'],
  ['Amersfoort', 'Utrecht'],
  ['Zeist', 'Utrecht'],
  ['Nieuwegein', 'Utrecht'],
  ['Veenendaal', 'Utrecht'],
  ['Amsterdam', 'Noord-Holland'],
  ['Haarlem', 'Noord-Holland'],
  ['Zaanstad', 'Noord-Holland'],
  ['Haarlemmermeer', 'Noord-Holland'],
  ['Alkmaar', 'Noord-Holland'],
  ['Hilversum', 'Noord-Holland'],
  ['Rotterdam', 'Zuid-Holland'],
  ['Den Haag', 'Zuid-Holland'],
  ['Leiden', 'Zuid-Holland'],
  ['Delft', 'Zuid-Holland'],
  ['Dordrecht', 'Zuid-Holland'],
  ['Gouda', 'Zuid-Holland'],
  ['Schiedam', 'Zuid-Holland'],
  ['Zoetermeer', 'Zuid-Holland'],
  ['Middelburg', 'Zeeland'],
  ['Vlissingen', 'Zeeland'],
  ['Eindhoven', 'Noord-Brabant'],
  ['Tilburg', 'Noord-Brabant'],
  ['Breda', 'Noord-Brabant'],
  ["'s-Hertogenbosch", 'Noord-Brabant'],
  ['Helmond', 'Noord-Brabant'],
  ['Roosendaal', 'Noord-Brabant'],
  ['Maastricht', 'Limburg'],
  ['Venlo', 'Limburg'],
  ['Heerlen', 'Limburg'],
  ['Roermond', 'Limburg'],
];

export async function seedMunicipalities(db: Kysely<unknown>, orgId: string): Promise<void> {
  for (const [name, province] of SEED_MUNICIPALITIES) {
    await insertSeedMunicipality(db, orgId, name, province);
  }
}
