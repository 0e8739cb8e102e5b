import { analyticsEs } from './analytics.es';
import { serviceEs } from './service.es';
import { marketingEs } from './marketing.es';
import { billingEs } from './billing.es';
import { activitiesEs } from './activities.es';
import { companiesEs } from './companies.es';
import { dealsEs } from './deals.es';
import { listsEs } from './lists.es';
import { recordsEs } from './records.es';
import { syncEs } from './sync.es';
import { importEs } from './import.es';
import type { UiKey } from './en';

/** Every UI string in Spanish; typed against en so a missing key fails the typecheck. */
const baseEs: Record<
  Exclude<
    UiKey,
    | keyof typeof dealsEs
    | keyof typeof billingEs
    | keyof typeof activitiesEs
    | keyof typeof listsEs
    | keyof typeof companiesEs
    | keyof typeof recordsEs
    | keyof typeof importEs
    | keyof typeof syncEs
    | keyof typeof serviceEs
    | keyof typeof marketingEs
    | keyof typeof analyticsEs
  >,
  string
> = {
  'app.name': 'CRM',
  'app.tagline': 'Espacio de clientes',
  'nav.main': 'Navegación principal',
  'nav.toggle': 'Mostrar u ocultar la navegación',
  'nav.home': 'Inicio',
  'nav.contacts': 'Contactos',
  'nav.companies': 'Empresas',
  'nav.deals': 'Oportunidades',
  'nav.activities': 'Actividades',
  'nav.reports': 'Informes',
  'nav.settings': 'Ajustes',
  'nav.offline_ready': 'Funciona sin conexión',
  'nav.offline_ready_body': 'Tus datos viven en este dispositivo.',

  'topbar.language': 'Idioma',
  'topbar.theme_to_dark': 'Cambiar al tema oscuro',
  'topbar.theme_to_light': 'Cambiar al tema claro',
  'language.en': 'English',
  'language.es': 'Español',

  'search.label': 'Buscar en todo',
  'search.placeholder': 'Buscar contactos, empresas, oportunidades…',
  'search.no_results': 'No se encontró nada para «{{query}}»',
  'search.results': 'Resultados de la búsqueda',
  'search.shortcut': 'Pulsa / para buscar',

  'common.cancel': 'Cancelar',
  'common.edit': 'Editar',
  'common.delete': 'Eliminar',
  'common.restore': 'Restaurar',
  'common.undo': 'Deshacer',
  'common.loading': 'Cargando…',
  'common.retry': 'Reintentar',
  'common.error': 'Algo salió mal',

  'placeholder.badge': 'Próximamente',
  'placeholder.companies':
    'Las organizaciones donde trabajan tus contactos, con sus personas, oportunidades e historial.',
  'placeholder.deals': 'Tu embudo como tablero: arrastra oportunidades entre etapas y prevé los ingresos.',
  'placeholder.activities': 'Llamadas, reuniones, tareas y notas, planificadas y registradas en cualquier ficha.',
  'placeholder.reports': 'Gráficos de tu embudo, tu actividad y tu crecimiento en el tiempo.',
  'placeholder.body': 'Esta parte del espacio de trabajo está en construcción. Los contactos ya se pueden usar.',
  'placeholder.go_contacts': 'Abrir contactos',

  'home.title': 'Hola de nuevo',
  'home.subtitle': 'Esto es lo que contiene tu cartera hoy.',
  'home.stat_contacts': 'Contactos',
  'home.stat_trash': 'En la papelera',
  'home.recent': 'Contactos actualizados recientemente',
  'home.recent_empty': 'Aún no hay contactos. Crea el primero para empezar.',
  'home.quick_actions': 'Acciones rápidas',
  'home.view_all': 'Ver todos',

  'contacts.title': 'Contactos',
  'contacts.total_one': '{{count, number}} contacto',
  'contacts.total_other': '{{count, number}} contactos',
  'contacts.new': 'Nuevo contacto',
  'contacts.open_trash': 'Papelera',
  'contacts.filter_label': 'Filtrar contactos',
  'contacts.filter_placeholder': 'Filtrar por nombre, correo o teléfono',
  'contacts.col_name': 'Nombre',
  'contacts.col_email': 'Correo',
  'contacts.col_phone': 'Teléfono',
  'contacts.col_stage': 'Etapa',
  'contacts.col_created': 'Creado',
  'contacts.col_updated': 'Actualizado',
  'contacts.col_deleted': 'Eliminado',
  'contacts.col_actions': 'Acciones',
  'contacts.table_label': 'Lista de contactos',
  'contacts.trash_table_label': 'Contactos eliminados',
  'contacts.empty_title': 'Aún no hay contactos',
  'contacts.empty_body': 'Crea tu primer contacto, o añade muchos a la vez con la orden crm.',
  'contacts.no_match_title': 'Ningún contacto coincide con «{{query}}»',
  'contacts.no_match_body': 'Prueba con menos palabras o con otras.',
  'contacts.loading_more': 'Cargando más…',
  'contacts.load_failed': 'No se pudieron cargar los contactos',
  'contacts.trash_title': 'Papelera',
  'contacts.trash_subtitle': 'Los contactos eliminados quedan aquí hasta que los restaures.',
  'contacts.trash_empty_title': 'La papelera está vacía',
  'contacts.trash_empty_body': 'Los contactos que elimines aparecerán aquí y podrás restaurarlos cuando quieras.',
  'contacts.back_to_list': 'Volver a contactos',
  'contacts.created_toast': 'Contacto creado',
  'contacts.created_toast_body': '{{name}} se añadió a tus contactos.',
  'contacts.saved_toast': 'Cambios guardados',
  'contacts.saved_toast_body': '{{name}} se actualizó.',
  'contacts.deleted_toast': 'Movido a la papelera',
  'contacts.deleted_toast_body': '{{name}} se movió a la papelera.',
  'contacts.restored_toast': 'Contacto restaurado',
  'contacts.restored_toast_body': '{{name}} vuelve a estar en tus contactos.',
  'contacts.restore_named': 'Restaurar a {{name}}',
  'contacts.in_trash_badge': 'En la papelera',
  'contacts.in_trash_notice': 'Este contacto está en la papelera. Restáuralo para volver a editarlo.',
  'contacts.not_found_title': 'Contacto no encontrado',
  'contacts.not_found_body': 'Puede que el enlace esté mal o que el contacto ya no exista.',
  'contacts.new_title': 'Nuevo contacto',
  'contacts.new_subtitle': 'Solo el nombre es obligatorio. El resto puedes añadirlo más tarde.',
  'contacts.edit_title': 'Editar a {{name}}',
  'contacts.edit_subtitle': 'Los cambios se guardan en este dispositivo y se sincronizan cuando hay conexión.',
  'contacts.section_person': 'Persona',
  'contacts.section_reach': 'Cómo contactar',
  'contacts.section_work': 'Trabajo',
  'contacts.section_record': 'Ficha',
  'contacts.field_first_name': 'Nombre',
  'contacts.field_last_name': 'Apellidos',
  'contacts.field_job_title': 'Cargo',
  'contacts.field_department': 'Departamento',
  'contacts.field_stage': 'Etapa del ciclo de vida',
  'contacts.field_emails': 'Correos',
  'contacts.field_phones': 'Teléfonos',
  'contacts.field_email_n': 'Correo {{n}}',
  'contacts.field_phone_n': 'Teléfono {{n}}',
  'contacts.field_label_n': 'Etiqueta {{n}}',
  'contacts.add_email': 'Añadir correo',
  'contacts.add_phone': 'Añadir teléfono',
  'contacts.remove_email_n': 'Quitar el correo {{n}}',
  'contacts.remove_phone_n': 'Quitar el teléfono {{n}}',
  'contacts.email_placeholder': 'nombre@ejemplo.com',
  'contacts.phone_placeholder': '+34 612 345 678',
  'contacts.stage_placeholder': 'Sin etapa todavía',
  'contacts.create_submit': 'Crear contacto',
  'contacts.save_submit': 'Guardar cambios',
  'contacts.no_emails': 'Aún no hay correo',
  'contacts.no_phones': 'Aún no hay teléfono',
  'contacts.created_on': 'Creado',
  'contacts.updated_on': 'Última actualización',
  'contacts.send_email': 'Enviar un correo a {{value}}',
  'contacts.call': 'Llamar al {{value}}',

  'label.none': 'Sin etiqueta',
  'label.work': 'Trabajo',
  'label.home': 'Casa',
  'label.mobile': 'Móvil',
  'label.personal': 'Personal',
  'label.other': 'Otro',

  'stage.subscriber': 'Suscriptor',
  'stage.lead': 'Lead',
  'stage.qualified_lead': 'Lead cualificado',
  'stage.opportunity': 'Oportunidad',
  'stage.customer': 'Cliente',
  'stage.loyal_customer': 'Cliente fiel',
  'stage.advocate': 'Promotor',
  'stage.churned': 'Perdido',

  'settings.title': 'Ajustes',
  'settings.subtitle': 'Preferencias de este espacio de trabajo en este dispositivo.',
  'settings.appearance': 'Apariencia',
  'settings.language': 'Idioma',
  'settings.language_help': 'Los menús, mensajes, fechas y números siguen este idioma.',
  'settings.theme': 'Tema',
  'settings.theme_help': 'Claro, oscuro o según el ajuste del sistema.',
  'settings.theme_light': 'Claro',
  'settings.theme_dark': 'Oscuro',
  'settings.theme_auto': 'Sistema',
  'settings.about': 'Acerca de este espacio de trabajo',
  'settings.version': 'Versión de la aplicación',
  'settings.database': 'Archivo de la base de datos',
  'settings.schema': 'Versión del esquema',
  'settings.country': 'País por defecto de los teléfonos',
  'settings.node': 'Id. del dispositivo',

  'error.title': 'Algo salió mal',
  'error.body': 'Esta pantalla encontró un error inesperado. Tus datos están a salvo: no se guardó nada a medias.',
  'error.try_again': 'Reintentar',
  'error.reload': 'Recargar la aplicación',

  'notfound.title': 'Página no encontrada',
  'notfound.body': 'Esta dirección no corresponde a ninguna pantalla del espacio de trabajo.',
  'notfound.home': 'Ir al inicio',
};

export const es: Record<UiKey, string> = {
  ...baseEs,
  ...syncEs,
  ...listsEs,
  ...companiesEs,
  ...recordsEs,
  ...dealsEs,
  ...billingEs,
  ...activitiesEs,
  ...importEs,
  ...serviceEs,
  ...marketingEs,
  ...analyticsEs,
};
