/**
 * The words of the demo data, per language. Faker supplies people's and companies' names and
 * addresses; what a small sales team actually writes in a CRM (job titles, stages, call notes)
 * reads better hand-written, so it lives here.
 */

export type SeedLocale = 'es' | 'en';
export type ActivityType = 'call' | 'meeting' | 'email' | 'task' | 'note';

export interface StageSpec {
  name: string;
  probability: number;
  kind: 'open' | 'won' | 'lost';
  rottingDays: number | null;
}

export type Sex = 'male' | 'female';

export interface Department {
  name: string;
  /** "masculine|feminine" where the language marks it (Spanish), else one form. */
  titles: string[];
}

export interface Vocabulary {
  country: 'ES' | 'US';
  currency: 'EUR' | 'USD';
  language: SeedLocale;
  /** Free-mail providers with their share of personal addresses. */
  personalDomains: (readonly [string, number])[];
  companyTld: (readonly [string, number])[];
  industries: string[];
  departments: Department[];
  leadSources: (readonly [string, number])[];
  contactRoles: string[];
  dealRoles: string[];
  prefixes: Record<Sex, string[]>;
  pipelineName: string;
  stages: StageSpec[];
  products: string[];
  nextSteps: string[];
  lostReasons: string[];
  meetingPlaces: string[];
  /** Where the sales team itself works (members' addresses). */
  ownDomain: string;
  /** A company's description; `{industry}` and `{city}` are filled in. */
  companyBlurb: string;
  /** Company names besides faker's: `{last}` is a surname, `{city}` a city. */
  companyPatterns: string[];
  /** Subjects and bodies per activity type; `{contact}`, `{company}` and `{product}` are filled in. */
  activities: Record<ActivityType, { subjects: string[]; bodies: string[] }>;
}

const es: Vocabulary = {
  country: 'ES',
  currency: 'EUR',
  language: 'es',
  personalDomains: [
    ['gmail.com', 45],
    ['hotmail.com', 18],
    ['yahoo.es', 8],
    ['outlook.es', 10],
    ['hotmail.es', 8],
    ['telefonica.net', 4],
    ['icloud.com', 5],
    ['movistar.es', 2],
  ],
  companyTld: [
    ['es', 6],
    ['com', 4],
  ],
  industries: [
    'Tecnología',
    'Banca y finanzas',
    'Seguros',
    'Comercio minorista',
    'Construcción',
    'Hostelería y turismo',
    'Logística y transporte',
    'Salud',
    'Educación',
    'Energía',
    'Alimentación y bebidas',
    'Telecomunicaciones',
    'Consultoría',
    'Inmobiliaria',
    'Automoción',
    'Industria farmacéutica',
    'Agricultura',
    'Medios y publicidad',
  ],
  departments: [
    {
      name: 'Dirección',
      titles: [
        'Consejero delegado|Consejera delegada',
        'Director general|Directora general',
        'Socio fundador|Socia fundadora',
      ],
    },
    {
      name: 'Ventas',
      titles: [
        'Director comercial|Directora comercial',
        'Ejecutivo de cuentas|Ejecutiva de cuentas',
        'Responsable de grandes cuentas',
        'Técnico comercial|Técnica comercial',
        'Delegado de zona|Delegada de zona',
      ],
    },
    {
      name: 'Marketing',
      titles: ['Director de marketing|Directora de marketing', 'Responsable de marketing digital', 'Community manager'],
    },
    {
      name: 'Finanzas',
      titles: [
        'Director financiero|Directora financiera',
        'Controller',
        'Responsable de contabilidad',
        'Administrativo|Administrativa',
      ],
    },
    {
      name: 'Compras',
      titles: [
        'Jefe de compras|Jefa de compras',
        'Responsable de aprovisionamiento',
        'Técnico de compras|Técnica de compras',
      ],
    },
    {
      name: 'Tecnología',
      titles: [
        'Director de sistemas|Directora de sistemas',
        'Responsable de IT',
        'Ingeniero de software|Ingeniera de software',
        'Administrador de sistemas|Administradora de sistemas',
      ],
    },
    {
      name: 'Operaciones',
      titles: [
        'Director de operaciones|Directora de operaciones',
        'Jefe de producción|Jefa de producción',
        'Responsable de logística',
        'Jefe de almacén|Jefa de almacén',
      ],
    },
    {
      name: 'Recursos Humanos',
      titles: [
        'Director de RR. HH.|Directora de RR. HH.',
        'Técnico de selección|Técnica de selección',
        'Responsable de formación',
      ],
    },
    {
      name: 'Atención al cliente',
      titles: ['Responsable de atención al cliente', 'Agente de soporte', 'Customer success manager'],
    },
    {
      name: 'Legal',
      titles: ['Asesor jurídico|Asesora jurídica', 'Abogado interno|Abogada interna', 'Responsable de cumplimiento'],
    },
  ],
  leadSources: [
    ['Web', 30],
    ['Recomendación', 18],
    ['Feria', 10],
    ['Llamada en frío', 10],
    ['LinkedIn', 12],
    ['Campaña de email', 8],
    ['Partner', 7],
    ['Publicidad en Google', 5],
  ],
  contactRoles: ['Decisor', 'Influyente', 'Usuario', 'Contacto técnico', 'Facturación', 'Empleado'],
  dealRoles: ['Decisor', 'Influyente', 'Evaluador técnico', 'Usuario final', 'Comprador'],
  prefixes: { male: ['Dr.', 'D.'], female: ['Dra.', 'Dña.'] },
  pipelineName: 'Ventas',
  stages: [
    { name: 'Prospección', probability: 10, kind: 'open', rottingDays: 14 },
    { name: 'Cualificación', probability: 20, kind: 'open', rottingDays: 14 },
    { name: 'Demostración', probability: 40, kind: 'open', rottingDays: 21 },
    { name: 'Propuesta', probability: 60, kind: 'open', rottingDays: 21 },
    { name: 'Negociación', probability: 80, kind: 'open', rottingDays: 30 },
    { name: 'Ganado', probability: 100, kind: 'won', rottingDays: null },
    { name: 'Perdido', probability: 0, kind: 'lost', rottingDays: null },
  ],
  products: [
    'Licencias anuales',
    'Implantación',
    'Soporte premium',
    'Formación de usuarios',
    'Renovación del contrato',
    'Ampliación de usuarios',
    'Consultoría',
    'Integración con ERP',
    'Migración de datos',
    'Plan Empresa',
  ],
  nextSteps: [
    'Enviar propuesta revisada',
    'Agendar demo con el equipo técnico',
    'Llamar para resolver dudas',
    'Esperar aprobación de dirección',
    'Preparar presupuesto',
    'Reunión con compras',
    'Enviar contrato para firma',
  ],
  lostReasons: ['Precio', 'Eligieron a la competencia', 'Sin presupuesto', 'Proyecto aplazado', 'Sin respuesta'],
  ownDomain: 'iberventas.es',
  companyBlurb: 'Empresa del sector {industry} con sede en {city}.',
  companyPatterns: [
    'Grupo {last}',
    'Construcciones {last} S.L.',
    'Transportes {last}',
    'Talleres {last}',
    'Distribuciones {last} S.A.',
    '{last} Abogados',
    '{last} y Asociados',
    'Clínica Dental {last}',
    'Inmobiliaria {city}',
    'Hoteles {city}',
    'Bodegas {last}',
    'Ingeniería {last}',
    'Logística {city}',
    'Soluciones Informáticas {city}',
    'Gestoría {last}',
    'Electricidad {last} S.L.',
  ],
  meetingPlaces: ['Videollamada', 'Oficinas del cliente', 'Nuestras oficinas', 'Teams', 'Google Meet', 'Cafetería'],
  activities: {
    call: {
      subjects: [
        'Llamada de seguimiento con {contact}',
        'Llamada de descubrimiento: {company}',
        'Llamar a {contact} por la propuesta',
        'Resolver dudas sobre {product}',
      ],
      bodies: [
        'Interesado en {product}. Pide que le enviemos precios por volumen.',
        'No estaba disponible; volver a llamar el jueves por la mañana.',
        'Comenta que el presupuesto se decide en el próximo trimestre.',
        'Buena conversación. Quiere ver una demo con su equipo.',
      ],
    },
    meeting: {
      subjects: ['Reunión de presentación con {company}', 'Demo de {product}', 'Revisión del contrato con {contact}'],
      bodies: [
        'Asistentes: {contact} y dos personas de su equipo. Próximo paso: propuesta.',
        'Revisamos el alcance del proyecto y los plazos de implantación.',
        'Piden referencias de clientes del mismo sector.',
      ],
    },
    email: {
      subjects: ['Propuesta para {company}', 'Re: {product}', 'Documentación solicitada', 'Bienvenida a {company}'],
      bodies: [
        'Adjunto la propuesta con las condiciones comentadas.',
        'Gracias por la reunión de ayer. Te resumo los puntos acordados.',
        'Te envío el caso de éxito que comentamos.',
      ],
    },
    task: {
      subjects: ['Preparar presupuesto para {company}', 'Enviar contrato a {contact}', 'Actualizar datos de {company}'],
      bodies: ['Revisar descuentos con dirección antes de enviar.', 'Confirmar datos de facturación.', ''],
    },
    note: {
      subjects: ['Nota sobre {company}', 'Información de {contact}'],
      bodies: [
        'Cambian de proveedor a final de año; buen momento para insistir.',
        'Prefiere que le contactemos por email, no por teléfono.',
        'El decisor final es el director financiero.',
      ],
    },
  },
};

const en: Vocabulary = {
  country: 'US',
  currency: 'USD',
  language: 'en',
  personalDomains: [
    ['gmail.com', 50],
    ['yahoo.com', 14],
    ['outlook.com', 10],
    ['hotmail.com', 8],
    ['icloud.com', 10],
    ['aol.com', 3],
    ['comcast.net', 5],
  ],
  companyTld: [
    ['com', 8],
    ['io', 1],
    ['co', 1],
  ],
  industries: [
    'Software',
    'Banking and finance',
    'Insurance',
    'Retail',
    'Construction',
    'Hospitality',
    'Logistics',
    'Healthcare',
    'Education',
    'Energy',
    'Food and beverage',
    'Telecommunications',
    'Consulting',
    'Real estate',
    'Automotive',
    'Pharmaceuticals',
    'Agriculture',
    'Media and advertising',
  ],
  departments: [
    { name: 'Executive', titles: ['CEO', 'President', 'Managing Director', 'Co-founder', 'COO'] },
    {
      name: 'Sales',
      titles: ['VP of Sales', 'Sales Director', 'Account Executive', 'Key Account Manager', 'Sales Representative'],
    },
    { name: 'Marketing', titles: ['CMO', 'Marketing Manager', 'Digital Marketing Specialist', 'Brand Manager'] },
    { name: 'Finance', titles: ['CFO', 'Controller', 'Accounting Manager', 'Financial Analyst'] },
    { name: 'Purchasing', titles: ['Purchasing Manager', 'Procurement Specialist', 'Buyer'] },
    { name: 'IT', titles: ['CTO', 'IT Director', 'Software Engineer', 'Systems Administrator', 'IT Manager'] },
    {
      name: 'Operations',
      titles: ['Operations Manager', 'Plant Manager', 'Logistics Coordinator', 'Warehouse Manager'],
    },
    { name: 'Human Resources', titles: ['HR Director', 'Recruiter', 'Training Manager'] },
    { name: 'Customer Service', titles: ['Customer Success Manager', 'Support Agent', 'Customer Service Lead'] },
    { name: 'Legal', titles: ['General Counsel', 'Legal Counsel', 'Compliance Officer'] },
  ],
  leadSources: [
    ['Website', 30],
    ['Referral', 18],
    ['Trade show', 10],
    ['Cold call', 10],
    ['LinkedIn', 12],
    ['Email campaign', 8],
    ['Partner', 7],
    ['Google Ads', 5],
  ],
  contactRoles: ['Decision maker', 'Influencer', 'User', 'Technical contact', 'Billing', 'Employee'],
  dealRoles: ['Decision maker', 'Influencer', 'Technical evaluator', 'End user', 'Buyer'],
  prefixes: { male: ['Dr.', 'Mr.'], female: ['Dr.', 'Ms.', 'Mrs.'] },
  pipelineName: 'Sales',
  stages: [
    { name: 'Prospecting', probability: 10, kind: 'open', rottingDays: 14 },
    { name: 'Qualification', probability: 20, kind: 'open', rottingDays: 14 },
    { name: 'Demo', probability: 40, kind: 'open', rottingDays: 21 },
    { name: 'Proposal', probability: 60, kind: 'open', rottingDays: 21 },
    { name: 'Negotiation', probability: 80, kind: 'open', rottingDays: 30 },
    { name: 'Won', probability: 100, kind: 'won', rottingDays: null },
    { name: 'Lost', probability: 0, kind: 'lost', rottingDays: null },
  ],
  products: [
    'Annual licenses',
    'Onboarding',
    'Premium support',
    'User training',
    'Contract renewal',
    'Seat expansion',
    'Consulting',
    'ERP integration',
    'Data migration',
    'Enterprise plan',
  ],
  nextSteps: [
    'Send revised proposal',
    'Schedule demo with the technical team',
    'Follow-up call',
    'Waiting for management approval',
    'Prepare quote',
    'Meeting with procurement',
    'Send contract for signature',
  ],
  lostReasons: ['Price', 'Went with a competitor', 'No budget', 'Project postponed', 'No response'],
  ownDomain: 'northfield-sales.com',
  companyBlurb: '{industry} company based in {city}.',
  companyPatterns: [
    '{last} Group',
    '{last} & Sons',
    '{city} Logistics',
    '{last} Consulting',
    '{city} Dental Care',
    '{last} Construction',
    '{last} Law',
    '{city} Realty',
    '{last} Engineering Inc.',
    '{city} Software',
    '{last} Brothers',
    '{city} Medical Group',
  ],
  meetingPlaces: ['Video call', 'Customer office', 'Our office', 'Zoom', 'Google Meet', 'Coffee shop'],
  activities: {
    call: {
      subjects: [
        'Follow-up call with {contact}',
        'Discovery call: {company}',
        'Call {contact} about the proposal',
        'Questions about {product}',
      ],
      bodies: [
        'Interested in {product}. Asked for volume pricing.',
        'Not available; call back Thursday morning.',
        'Budget gets decided next quarter.',
        'Good conversation. Wants a demo with the team.',
      ],
    },
    meeting: {
      subjects: ['Intro meeting with {company}', '{product} demo', 'Contract review with {contact}'],
      bodies: [
        'Attendees: {contact} and two people from the team. Next step: proposal.',
        'Went through project scope and rollout timeline.',
        'They want customer references from the same industry.',
      ],
    },
    email: {
      subjects: ['Proposal for {company}', 'Re: {product}', 'Requested documents', 'Welcome to {company}'],
      bodies: [
        'Attached is the proposal with the terms we discussed.',
        'Thanks for yesterday’s meeting. Here is a summary of what we agreed.',
        'Sending over the case study we talked about.',
      ],
    },
    task: {
      subjects: ['Prepare quote for {company}', 'Send contract to {contact}', 'Update {company} details'],
      bodies: ['Check discounts with management before sending.', 'Confirm billing details.', ''],
    },
    note: {
      subjects: ['Note about {company}', 'About {contact}'],
      bodies: [
        'They switch vendors at year end; good time to push.',
        'Prefers email over phone calls.',
        'The final decision maker is the CFO.',
      ],
    },
  },
};

export const VOCABULARY: Record<SeedLocale, Vocabulary> = { es, en };
