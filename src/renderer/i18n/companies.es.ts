import type { companiesEn } from './companies.en';

/** UI strings for companies screens (Spanish); typed against English so a missing key fails the typecheck. */
export const companiesEs: Record<keyof typeof companiesEn, string> = {
  'companies.title': 'Empresas',
  'companies.total_one': '{{count, number}} empresa',
  'companies.total_other': '{{count, number}} empresas',
  'companies.new': 'Nueva empresa',
  'companies.view_all': 'Todas las empresas',
  'companies.table_label': 'Lista de empresas',
  'companies.filter_label': 'Filtrar empresas',
  'companies.filter_placeholder': 'Filtra por nombre, dominio o teléfono',
  'companies.load_failed': 'No se pudieron cargar las empresas',
  'companies.empty_title': 'Aún no hay empresas',
  'companies.empty_body':
    'Añade las organizaciones donde trabajan tus contactos, con su gente, oportunidades e historial.',
  'companies.no_match_title': 'Ninguna empresa coincide con «{{query}}»',
  'companies.no_match_body': 'Prueba con menos palabras o con otras.',
  'companies.type_customer': 'Cliente',
  'companies.type_prospect': 'Potencial',
  'companies.type_partner': 'Socio',
  'companies.type_supplier': 'Proveedor',
  'companies.type_distributor': 'Distribuidor',
  'companies.type_reseller': 'Revendedor',
  'companies.type_competitor': 'Competidor',
  'companies.type_other': 'Otro',
};
