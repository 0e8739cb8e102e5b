import { foldText } from '../../../shared/domain/text';
import type { ImportEntity, ImportTarget } from '../../../shared/contract/import';
import type { CrmDb } from '../../db/open';
import { listCustomFields } from '../custom-fields';
import { isMoreEntity, MORE_SYNONYMS, MORE_TARGETS } from './more-entities';

/**
 * What a column can be imported into, per entity. The kind tells how a cell is read (see
 * transform.ts); `custom:<key>` targets are the workspace's custom fields.
 */
const CONTACT_TARGETS: ImportTarget[] = [
  { key: 'fullName', kind: 'text' },
  { key: 'prefix', kind: 'text' },
  { key: 'firstName', kind: 'text' },
  { key: 'middleName', kind: 'text' },
  { key: 'lastName', kind: 'text' },
  { key: 'suffix', kind: 'text' },
  { key: 'email', kind: 'email' },
  { key: 'email2', kind: 'email' },
  { key: 'email3', kind: 'email' },
  { key: 'phone', kind: 'phone' },
  { key: 'mobile', kind: 'phone' },
  { key: 'workPhone', kind: 'phone' },
  { key: 'homePhone', kind: 'phone' },
  { key: 'jobTitle', kind: 'text' },
  { key: 'department', kind: 'text' },
  { key: 'company', kind: 'relation' },
  { key: 'street', kind: 'text' },
  { key: 'city', kind: 'text' },
  { key: 'region', kind: 'text' },
  { key: 'postalCode', kind: 'text' },
  { key: 'country', kind: 'country' },
  { key: 'birthday', kind: 'date' },
  { key: 'preferredLanguage', kind: 'text' },
  { key: 'leadSource', kind: 'text' },
  { key: 'lifecycleStage', kind: 'text' },
  { key: 'owner', kind: 'relation' },
  { key: 'tags', kind: 'list' },
  { key: 'linkedin', kind: 'url' },
  { key: 'x', kind: 'url' },
  { key: 'facebook', kind: 'url' },
  { key: 'instagram', kind: 'url' },
  { key: 'emailOptOut', kind: 'boolean' },
  { key: 'phoneOptOut', kind: 'boolean' },
  { key: 'note', kind: 'text' },
];

const COMPANY_TARGETS: ImportTarget[] = [
  { key: 'name', kind: 'text' },
  { key: 'domain', kind: 'text' },
  { key: 'industry', kind: 'text' },
  { key: 'type', kind: 'text' },
  { key: 'employees', kind: 'number' },
  { key: 'annualRevenue', kind: 'money' },
  { key: 'email', kind: 'email' },
  { key: 'phone', kind: 'phone' },
  { key: 'street', kind: 'text' },
  { key: 'city', kind: 'text' },
  { key: 'region', kind: 'text' },
  { key: 'postalCode', kind: 'text' },
  { key: 'country', kind: 'country' },
  { key: 'parent', kind: 'relation' },
  { key: 'owner', kind: 'relation' },
  { key: 'lifecycleStage', kind: 'text' },
  { key: 'description', kind: 'text' },
  { key: 'tags', kind: 'list' },
  { key: 'linkedin', kind: 'url' },
  { key: 'x', kind: 'url' },
  { key: 'facebook', kind: 'url' },
  { key: 'instagram', kind: 'url' },
  { key: 'note', kind: 'text' },
];

const BASE: Record<ImportEntity, ImportTarget[]> = {
  contacts: CONTACT_TARGETS,
  companies: COMPANY_TARGETS,
  ...MORE_TARGETS,
};

/**
 * Header names as people and the usual exports write them (Google Contacts, Outlook, HubSpot,
 * Salesforce, Pipedrive, Zoho), in English and Spanish. Compared folded: lower case, no accents,
 * no punctuation or spaces.
 */
const SYNONYMS: Record<'contacts' | 'companies', Record<string, string[]>> = {
  contacts: {
    fullName: [
      'name',
      'full name',
      'fullname',
      'contact name',
      'contact',
      'display name',
      'nombre completo',
      'nombre y apellidos',
      'contacto',
      'person name',
      'person',
    ],
    prefix: ['prefix', 'title prefix', 'salutation', 'name prefix', 'tratamiento', 'prefijo', 'saludo'],
    firstName: ['first name', 'firstname', 'given name', 'first', 'nombre', 'nombre de pila', 'primer nombre'],
    middleName: ['middle name', 'additional name', 'segundo nombre', 'nombre intermedio'],
    lastName: ['last name', 'lastname', 'surname', 'family name', 'last', 'apellido', 'apellidos', 'primer apellido'],
    suffix: ['suffix', 'name suffix', 'sufijo'],
    email: [
      'email',
      'e-mail',
      'email address',
      'e-mail address',
      'e-mail 1 - value',
      'email 1',
      'primary email',
      'work email',
      'correo',
      'correo electronico',
      'email personal',
      'direccion de correo electronico',
      'e-mail (work)',
      'email - work',
    ],
    email2: [
      'e-mail 2 address',
      'e-mail 2 - value',
      'email 2',
      'secondary email',
      'home email',
      'otro correo',
      'correo 2',
      'email - home',
    ],
    email3: ['e-mail 3 address', 'e-mail 3 - value', 'email 3', 'other email', 'correo 3'],
    phone: [
      'phone',
      'phone number',
      'telephone',
      'phone 1 - value',
      'primary phone',
      'business phone',
      'telefono',
      'tel',
      'numero de telefono',
      'phone - work',
    ],
    mobile: [
      'mobile',
      'mobile phone',
      'mobile phone number',
      'cell',
      'cell phone',
      'movil',
      'celular',
      'telefono movil',
      'phone - mobile',
    ],
    workPhone: [
      'work phone',
      'office phone',
      'phone 2 - value',
      'telefono del trabajo',
      'telefono trabajo',
      'telefono oficina',
    ],
    homePhone: ['home phone', 'telefono particular', 'telefono de casa', 'phone - home'],
    jobTitle: [
      'title',
      'job title',
      'position',
      'role',
      'organization 1 - title',
      'cargo',
      'puesto',
      'titulo',
      'puesto de trabajo',
    ],
    department: ['department', 'organization 1 - department', 'departamento', 'area'],
    company: [
      'company',
      'company name',
      'organization',
      'organisation',
      'organization 1 - name',
      'account',
      'account name',
      'organization name',
      'empresa',
      'compania',
      'organizacion',
      'cuenta',
      'nombre de la empresa',
      'associated company',
    ],
    street: [
      'street',
      'address',
      'street address',
      'address 1 - street',
      'business street',
      'mailing street',
      'home street',
      'calle',
      'direccion',
      'domicilio',
    ],
    city: [
      'city',
      'town',
      'address 1 - city',
      'business city',
      'mailing city',
      'home city',
      'ciudad',
      'localidad',
      'poblacion',
      'municipio',
    ],
    region: [
      'state',
      'region',
      'province',
      'state/province',
      'state/region',
      'address 1 - region',
      'business state',
      'mailing state',
      'provincia',
      'estado',
      'comunidad',
    ],
    postalCode: [
      'zip',
      'zip code',
      'postal code',
      'postcode',
      'address 1 - postal code',
      'business postal code',
      'mailing zip/postal code',
      'mailing zip',
      'codigo postal',
      'cp',
    ],
    country: ['country', 'country/region', 'address 1 - country', 'business country/region', 'mailing country', 'pais'],
    birthday: ['birthday', 'birth date', 'birthdate', 'date of birth', 'dob', 'cumpleanos', 'fecha de nacimiento'],
    preferredLanguage: ['language', 'preferred language', 'idioma', 'idioma preferido', 'lengua'],
    leadSource: [
      'lead source',
      'source',
      'original source',
      'origen',
      'fuente',
      'origen del cliente potencial',
      'fuente del lead',
    ],
    lifecycleStage: [
      'lifecycle stage',
      'lifecycle',
      'stage',
      'status',
      'lead status',
      'etapa',
      'etapa del ciclo de vida',
      'estado del contacto',
    ],
    owner: [
      'owner',
      'contact owner',
      'owner name',
      'assigned to',
      'sales rep',
      'propietario',
      'responsable',
      'asignado a',
      'comercial',
      'agente',
    ],
    tags: ['tags', 'labels', 'groups', 'group membership', 'categories', 'etiquetas', 'grupos', 'categorias'],
    linkedin: ['linkedin', 'linkedin url', 'linkedin profile'],
    x: ['twitter', 'x', 'twitter url', 'twitter handle'],
    facebook: ['facebook', 'facebook url'],
    instagram: ['instagram', 'instagram url'],
    emailOptOut: [
      'email opt out',
      'unsubscribed',
      'do not email',
      'email opt-out',
      'baja de correo',
      'no enviar correos',
    ],
    phoneOptOut: ['do not call', 'phone opt out', 'no llamar'],
    note: ['notes', 'note', 'description', 'comments', 'notas', 'nota', 'comentarios', 'observaciones', 'descripcion'],
  },
  companies: {
    name: [
      'name',
      'company',
      'company name',
      'account',
      'account name',
      'organization',
      'organisation',
      'organization name',
      'empresa',
      'nombre',
      'nombre de la empresa',
      'razon social',
      'cuenta',
      'compania',
      'organizacion',
    ],
    domain: [
      'domain',
      'website',
      'web site',
      'company domain name',
      'url',
      'web',
      'sitio web',
      'pagina web',
      'dominio',
    ],
    industry: ['industry', 'sector', 'vertical', 'industria', 'actividad'],
    type: ['type', 'company type', 'account type', 'relationship', 'tipo', 'tipo de empresa', 'relacion'],
    employees: [
      'employees',
      'number of employees',
      'employee count',
      'headcount',
      'size',
      'empleados',
      'numero de empleados',
      'plantilla',
    ],
    annualRevenue: [
      'annual revenue',
      'revenue',
      'turnover',
      'ingresos',
      'facturacion',
      'ingresos anuales',
      'facturacion anual',
    ],
    email: ['email', 'e-mail', 'email address', 'correo', 'correo electronico'],
    phone: ['phone', 'phone number', 'telephone', 'main phone', 'telefono'],
    street: ['street', 'address', 'billing street', 'street address', 'calle', 'direccion', 'domicilio'],
    city: ['city', 'billing city', 'town', 'ciudad', 'localidad', 'poblacion'],
    region: ['state', 'region', 'billing state', 'province', 'state/region', 'provincia', 'estado'],
    postalCode: ['zip', 'postal code', 'billing zip', 'billing postal code', 'postcode', 'codigo postal', 'cp'],
    country: ['country', 'billing country', 'country/region', 'office location', 'location', 'pais', 'ubicacion'],
    parent: [
      'parent',
      'parent company',
      'parent account',
      'subsidiary of',
      'subsidiary_of',
      'empresa matriz',
      'matriz',
      'filial de',
      'sociedad matriz',
    ],
    owner: ['owner', 'account owner', 'company owner', 'assigned to', 'propietario', 'responsable', 'asignado a'],
    lifecycleStage: ['lifecycle stage', 'lifecycle', 'stage', 'etapa', 'etapa del ciclo de vida'],
    description: ['description', 'about', 'descripcion', 'acerca de'],
    tags: ['tags', 'labels', 'categories', 'etiquetas', 'categorias'],
    linkedin: ['linkedin', 'linkedin company page', 'linkedin url'],
    x: ['twitter', 'x', 'twitter handle'],
    facebook: ['facebook', 'facebook company page'],
    instagram: ['instagram'],
    note: ['notes', 'note', 'comments', 'notas', 'nota', 'comentarios', 'observaciones'],
  },
};

export const foldHeader = (text: string) => foldText(text).replace(/[^a-z0-9]+/g, '');

const lookups = new Map<ImportEntity, Map<string, string>>();
function synonymsOf(entity: ImportEntity): Map<string, string> {
  let map = lookups.get(entity);
  if (!map) {
    map = new Map();
    const table = isMoreEntity(entity) ? MORE_SYNONYMS[entity] : SYNONYMS[entity];
    for (const [target, names] of Object.entries(table)) {
      map.set(foldHeader(target), target);
      for (const name of names) if (!map.has(foldHeader(name))) map.set(foldHeader(name), target);
    }
    lookups.set(entity, map);
  }
  return map;
}

/** The built-in targets plus the entity's custom fields (`custom:<key>`, suggested by their label). */
export function targetsOf(db: CrmDb, entity: ImportEntity): ImportTarget[] {
  if (isMoreEntity(entity)) return BASE[entity];
  const custom = listCustomFields(db, entity).map((f): ImportTarget => ({
    key: `custom:${f.key}`,
    kind: 'custom',
    label: f.label,
    fieldType: f.type,
  }));
  return [...BASE[entity], ...custom];
}

/**
 * A target per header: an exact synonym first, then a custom field by its label or key. Each
 * target is suggested once (the first matching column wins), so two "Email" columns do not both
 * land in one field.
 */
export function suggestMapping(db: CrmDb, entity: ImportEntity, headers: string[]): Record<string, string | null> {
  const synonyms = synonymsOf(entity);
  const custom = new Map<string, string>();
  for (const t of targetsOf(db, entity)) {
    if (t.kind !== 'custom') continue;
    custom.set(foldHeader(t.label ?? ''), t.key);
    custom.set(foldHeader(t.key.slice('custom:'.length)), t.key);
  }
  const used = new Set<string>();
  const out: Record<string, string | null> = {};
  for (const header of headers) {
    const folded = foldHeader(header);
    const target = custom.get(folded) ?? synonyms.get(folded) ?? null;
    out[header] = target && !used.has(target) ? target : null;
    if (target) used.add(target);
  }
  return out;
}
