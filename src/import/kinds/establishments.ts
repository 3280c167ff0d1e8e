/** Lists of schools as they are now: GIAS extracts and the DfE school details file. */
import type { Phase } from '../../domain/types';
import { dateNumber, ofstedGrade } from '../../domain/columns';
import type { Contribution } from '../model';
import { eastingNorthingToLatLon } from '../osgb';
import type { Getter } from '../spec';
import type { FileSpec } from '../spec';

const GIAS_PHASES: Record<string, Phase> = {
  primary: 'primary',
  'middle deemed primary': 'primary',
  secondary: 'secondary',
  'middle deemed secondary': 'secondary',
  'all-through': 'all-through',
  nursery: 'nursery',
  '16 plus': '16-plus',
};

export function giasPhase(phaseName: string, typeName: string): Phase | undefined {
  const type = typeName.toLowerCase();
  if (type.includes('special')) return 'special';
  if (type.includes('pupil referral') || type.includes('alternative provision')) return 'pru';
  return GIAS_PHASES[phaseName.toLowerCase()];
}

export const gias: FileSpec = {
  kind: 'gias',
  label: 'Get Information About Schools extract',
  signature: ['URN', 'LA (code)', 'EstablishmentName', 'EstablishmentStatus (name)'],
  urnColumn: 'URN',
  snapshot: true,
  numeric: {
    capacity: 'SchoolCapacity',
    pupils: 'NumberOfPupils',
    fsm_pct: 'PercentageFSM',
    age_low: 'StatutoryLowAge',
    age_high: 'StatutoryHighAge',
  },
  skipReason(get) {
    const status = get('EstablishmentStatus (name)').toLowerCase();
    if (status === 'closed') return 'closed school';
    if (status.startsWith('proposed to open')) return 'not yet open';
    return undefined;
  },
  fill(get, c) {
    const phase = giasPhase(get('PhaseOfEducation (name)'), get('TypeOfEstablishment (name)'));
    if (!phase)
      return `no rated phase (${get('PhaseOfEducation (name)') || 'blank'}, ${get('TypeOfEstablishment (name)') || 'no type'})`;
    c.phase = phase;
    c.name = get('EstablishmentName');
    c.laCode = get('LA (code)');
    c.laName = get('LA (name)');
    const district = get('DistrictAdministrative (name)');
    const groupings: Record<string, string> = {};
    if (district) groupings.district = district;
    if (get('Trusts (name)')) groupings.trust = get('Trusts (name)');
    if (get('Federations (name)')) groupings.federation = get('Federations (name)');
    c.groupings = groupings;
    if (district) c.partnership = district;
    if (get('LSOA (code)')) c.lsoa = get('LSOA (code)');
    ofsted(c, get('OfstedRating (name)'), get('OfstedLastInsp'));
    const e = Number(get('Easting'));
    const n = Number(get('Northing'));
    const ll = get('Easting') && get('Northing') ? eastingNorthingToLatLon(e, n) : undefined;
    if (ll) [c.lat, c.lon] = ll;
    return undefined;
  },
};

/**
 * A phase from a DfE school type and its 0/1 phase flags (school details, school information):
 * special and alternative provision by type (their flags often say primary), then the flags.
 */
function phaseFromFlags(
  type: string,
  primary: string,
  secondary: string,
  post16: string,
): Phase | undefined {
  const t = type.toLowerCase();
  if (t.includes('special')) return 'special';
  if (t.includes('pupil referral') || t.includes('alternative provision')) return 'pru';
  if (primary === '1' && secondary === '1') return 'all-through';
  if (primary === '1') return 'primary';
  if (secondary === '1') return 'secondary';
  if (post16 === '1') return '16-plus';
  return undefined;
}

const DETAILS_SKIP: Record<string, string> = {
  'independent school': 'independent school (not state-funded)',
  college: 'further education college',
  nan: 'no establishment type',
  '': 'no establishment type',
};

export const schoolDetails: FileSpec = {
  kind: 'school-details',
  label: 'DfE school details',
  signature: ['URN', 'Name', 'Status', 'Type', 'Primary', 'Secondary', 'Local Authority'],
  urnColumn: 'URN',
  snapshot: true,
  numeric: { age_low: 'Age From', age_high: 'Age To' },
  skipReason(get) {
    if (get('Status') === '2' || get('Date Closed')) return 'closed school';
    return DETAILS_SKIP[get('Type').toLowerCase()];
  },
  fill(get, c) {
    const phase = phaseFromFlags(get('Type'), get('Primary'), get('Secondary'), get('Post 16'));
    if (!phase) return 'no phase flags set';
    c.phase = phase;
    c.name = get('Name');
    c.laCode = get('Local Authority');
    ofsted(c, get('Rating'), get('Inspect Date'));
    const other = get('Other URN').replace(/\.0+$/, '');
    if (/^\d+$/.test(other) && other !== c.urn) c.successor = other;
    return undefined;
  },
};

/** The Ofsted grade and inspection date, where the file gives them. */
function ofsted(c: Contribution, rating: string, date: string): void {
  const grade = ofstedGrade(rating);
  if (grade !== undefined) c.values.ofsted_grade = grade;
  const d = dateNumber(date);
  if (d !== undefined) c.values.ofsted_inspected = d;
}

/**
 * The school information file of a DfE performance-tables download (england_school_information.csv,
 * or <LA>_school_information.csv): names, LA names, type, phase flags and the last Ofsted grade.
 * Columns as analysts read them from the real file (URN, LANAME, LA, ESTAB, SCHSTATUS,
 * MINORGROUP, SCHOOLTYPE, ISPRIMARY, ISSECONDARY, ISPOST16, OFSTEDRATING, OFSTEDLASTINSP...).
 */
export const schoolInformation: FileSpec = {
  kind: 'school-information',
  label: 'DfE school information (performance tables download)',
  signature: ['URN', 'LANAME', 'LA', 'ESTAB', 'ISPRIMARY', 'ISSECONDARY'],
  urnColumn: 'URN',
  snapshot: true,
  numeric: { age_low: 'AGELOW', age_high: 'AGEHIGH' },
  skipReason(get: Getter) {
    const status = get('SCHSTATUS').toLowerCase();
    if (status.startsWith('closed')) return 'closed school';
    const group = `${get('MINORGROUP')} ${get('SCHOOLTYPE')}`.toLowerCase();
    if (group.includes('independent')) return 'independent school (not state-funded)';
    if (group.includes('college')) return 'further education college';
    return undefined;
  },
  fill(get, c) {
    const type = `${get('MINORGROUP')} ${get('SCHOOLTYPE')}`.toLowerCase();
    const phase = phaseFromFlags(type, get('ISPRIMARY'), get('ISSECONDARY'), get('ISPOST16'));
    if (!phase)
      return `no phase flags set (${get('SCHOOLTYPE') || get('MINORGROUP') || 'no type'})`;
    c.phase = phase;
    if (get('SCHNAME')) c.name = get('SCHNAME');
    c.laCode = get('LA');
    if (get('LANAME')) c.laName = get('LANAME');
    ofsted(c, get('OFSTEDRATING'), get('OFSTEDLASTINSP'));
    return undefined;
  },
};
