/**
 * The demo Birmingham network's organisations register. Every name is made up (and meant
 * to read as made up) so no real employer, home, school or place of worship is ever shown
 * as taking part; the areas are real Birmingham wards and districts so maps and filters
 * look right.
 */
import type { ORGANISATION_KINDS, SIZE_BANDS } from '../../schema/tables';

/** One demo organisation, in the shape organisations.create and the CSV import take. */
export type DemoOrganisation = {
  name: string;
  kind: (typeof ORGANISATION_KINDS)[number];
  area: string;
  size_band: (typeof SIZE_BANDS)[number] | null;
};

/** About thirty fictional organisations across every kind and size, spread over Birmingham. */
export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  // Employers, small to large, several sectors.
  { name: 'Gannet & Thrush Precision Engineering', kind: 'employer', area: 'Small Heath', size_band: '50-249' },
  { name: 'Bluewillow Logistics Hub', kind: 'employer', area: 'Erdington', size_band: '250-999' },
  { name: 'Quaywright Insurance Services', kind: 'employer', area: 'Ladywood', size_band: '1000+' },
  { name: 'Pennyfeather Bakery Co-operative', kind: 'employer', area: 'Kings Heath', size_band: '10-49' },
  { name: 'Marrowbone Lane Hardware', kind: 'employer', area: 'Northfield', size_band: '1-9' },
  { name: 'Larkrise Pixel Digital Studio', kind: 'employer', area: 'Digbeth', size_band: '10-49' },
  { name: 'Cobaltbridge Hotel & Conference Centre', kind: 'employer', area: 'Edgbaston', size_band: '50-249' },
  { name: 'Tinderbox Textiles Workshop', kind: 'employer', area: 'Sparkbrook', size_band: '10-49' },
  { name: 'Fernhollow Community Transport', kind: 'employer', area: 'Handsworth', size_band: '10-49' },
  { name: 'Snapdragon Contact Centre Services', kind: 'employer', area: 'Sutton Coldfield', size_band: '250-999' },

  // Care and nursing homes.
  { name: 'Moonpenny House Care Home', kind: 'care_home', area: 'Sutton Coldfield', size_band: '10-49' },
  { name: 'Thistledown Nursing Home', kind: 'care_home', area: 'Erdington', size_band: '50-249' },
  { name: 'Willowherb Court Residential Home', kind: 'care_home', area: 'Selly Oak', size_band: '10-49' },
  { name: 'Lanternfly Lodge Nursing Home', kind: 'care_home', area: 'Handsworth', size_band: '50-249' },
  { name: 'Cloudberry Gardens Care Home', kind: 'care_home', area: 'Northfield', size_band: '10-49' },
  { name: 'Quincewood Mews Dementia Care', kind: 'care_home', area: 'Kings Heath', size_band: '10-49' },

  // Schools and colleges.
  { name: 'Quillfeather Primary School', kind: 'school', area: 'Small Heath', size_band: '50-249' },
  { name: 'Hazelnut Hill Nursery and Infant School', kind: 'school', area: 'Kings Heath', size_band: '10-49' },
  { name: 'Skylark Fold Academy', kind: 'school', area: 'Northfield', size_band: '50-249' },
  { name: 'Bellflower Sixth Form College', kind: 'school', area: 'Edgbaston', size_band: '250-999' },
  { name: 'Tumblebrook Special School', kind: 'school', area: 'Ladywood', size_band: '50-249' },

  // Faith groups.
  { name: 'Amberleaf Road Mosque Community Trust', kind: 'faith', area: 'Sparkbrook', size_band: '10-49' },
  { name: 'Fivewell Gurdwara Sewa Committee', kind: 'faith', area: 'Handsworth', size_band: '10-49' },
  { name: 'Cindergate Methodist Chapel', kind: 'faith', area: 'Selly Oak', size_band: '1-9' },
  { name: 'Goldcrest Lane Community Church', kind: 'faith', area: 'Erdington', size_band: '1-9' },
  { name: 'Saffron Steps Hindu Mandir', kind: 'faith', area: 'Small Heath', size_band: '1-9' },
  { name: 'Silverbirch Hebrew Congregation', kind: 'faith', area: 'Edgbaston', size_band: '1-9' },

  // Hospices.
  { name: 'Larkspur Lane Hospice', kind: 'hospice', area: 'Selly Oak', size_band: '250-999' },
  { name: "Bramblewood Children's Hospice", kind: 'hospice', area: 'Sutton Coldfield', size_band: '50-249' },

  // Others that meet dying, death and loss.
  { name: 'Merriweather & Daughters Funeral Directors', kind: 'other', area: 'Erdington', size_band: '10-49' },
  { name: 'Pawprint Corner Veterinary Practice', kind: 'other', area: 'Kings Heath', size_band: '10-49' },
  { name: 'Inkwell Lane Community Pharmacy', kind: 'other', area: 'Handsworth', size_band: '1-9' },
  { name: 'Foxhollow Allotment Society', kind: 'other', area: 'Northfield', size_band: null }
];
