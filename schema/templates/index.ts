import type { SurveyDefinition } from '../survey-definition';
import { careHomes } from './care-homes';
import { employers } from './employers';
import { homelessness } from './homelessness';
import { memorials } from './memorials';
import { prisons } from './prisons';

/** The ready-made survey templates, in the order they are offered, each with its permanent slug. */
export const templates: { slug: string; definition: SurveyDefinition }[] = [
  { slug: 'employers', definition: employers },
  { slug: 'care-homes', definition: careHomes },
  { slug: 'memorials', definition: memorials },
  { slug: 'homelessness', definition: homelessness },
  { slug: 'prisons', definition: prisons }
];
