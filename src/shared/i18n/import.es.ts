import type { importMessagesEn } from './import.en';

/** Mensajes del servidor para importaciones, exportaciones, vCards y copias de seguridad, en español. */
export const importMessagesEs: Record<keyof typeof importMessagesEn, string> = {
  'entity.import': 'Importación',
  'entity.backup': 'Copia de seguridad',
  'import.empty_file': 'El archivo está vacío: no hay nada que importar.',
  'import.binary_file':
    'Esto no es un archivo de texto (CSV o vCard). Guárdalo desde tu hoja de cálculo como CSV y vuelve a intentarlo.',
  'import.unknown_encoding': 'Codificación de texto desconocida "{{encoding}}".',
  'import.bad_encoding':
    'Este valor no es texto {{encoding}} válido: el archivo se guardó con otra codificación. Elige la correcta (Windows-1252 para Excel en español) y vuelve a intentarlo.',
  'import.no_rows': 'El archivo tiene cabecera pero ninguna fila.',
  'import.nothing_mapped': 'Ninguna columna está asignada a un campo: elige adónde va al menos una columna.',
  'import.ragged_row':
    'Esta fila tiene {{found}} valores y la cabecera {{expected}} columnas (falta o sobra un separador).',
  'import.unbalanced_quotes':
    'Unas comillas abiertas en esta fila no se cierran nunca: el resto del archivo se leería como un solo valor.',
  'import.cancelled': 'Se canceló la importación. No se cambió nada.',
  'import.bad_date': 'No es una fecha en el formato elegido ({{format}}).',
  'import.date_format.mdy': 'M/D/AAAA',
  'import.date_format.dmy': 'D/M/AAAA',
  'import.date_format.iso': 'AAAA-MM-DD',
  'import.bad_number': 'No es un número.',
  'import.bad_boolean': 'Se esperaba sí o no.',
  'import.bad_country': 'País desconocido: usa un nombre o un código de dos letras como ES o US.',
  'import.unknown_option': '"{{value}}" no es una opción de {{field}}.',
  'import.name_missing': 'Esta fila no tiene nombre.',
  'import.company_missing':
    'No hay ninguna empresa "{{name}}" en el espacio de trabajo. Elige crear las que falten o corrige el nombre.',
  'import.owner_missing':
    'No hay ningún miembro "{{name}}" en el espacio de trabajo. Elige crear los que falten o corrige el nombre.',
  'import.pipeline_missing': 'No hay ningún embudo "{{name}}". Elige crear los que falten o corrige el nombre.',
  'import.stage_missing':
    'No hay ninguna etapa "{{name}}" en este embudo. Elige crear las que falten o corrige el nombre.',
  'import.product_missing':
    'No hay ningún producto "{{name}}" (ni uno de nombre parecido). Importa antes los productos o corrige el nombre.',
  'import.no_pipeline':
    'El espacio de trabajo aún no tiene embudo. Elige crear los que falten para hacer uno con las etapas del archivo.',
  'import.upload_missing': 'El archivo subido ya no está: súbelo de nuevo.',
  'import.job_missing': 'No existe esa importación.',
  'import.report.row': 'Fila',
  'import.report.column': 'Columna',
  'import.report.value': 'Valor',
  'import.report.problem': 'Problema',
  'import.vcard_bad_card': 'La tarjeta {{card}} (línea {{line}}) no se puede leer: {{reason}}',
  'import.vcard_no_cards': 'No hay ninguna vCard en este archivo.',
  'cli.import_checked':
    'Revisadas {{rows}} filas: {{created}} por crear, {{updated}} por actualizar, {{skipped}} duplicados por omitir, {{related}} registros relacionados por crear.',
  'cli.import_done':
    'Importadas {{rows}} filas: {{created}} creadas, {{updated}} actualizadas, {{skipped}} duplicados omitidos, {{related}} registros relacionados creados (importación {{id}}).',
  'cli.import_failed': '{{errors}} filas tienen problemas; no se importó nada.',
  'cli.import_report_written': 'Informe de errores guardado en {{path}}.',
  'cli.import_undone': 'Importación {{id}} deshecha.',
  'cli.import_entity': '¿Importar qué? Usa contacts o companies.',
  'cli.export_done': 'Exportados {{count}} registros a {{path}}.',
  'cli.backup_done': 'Copia de seguridad guardada en {{path}} ({{size}} bytes).',
  'cli.restore_done': 'Restaurada {{path}} desde {{from}}; la base de datos anterior se guardó en {{kept}}.',
  'backup.not_a_backup': 'El archivo {{path}} no es una copia de seguridad del CRM legible: {{reason}}.',
  'export.file_missing': 'Esa exportación ya no está (ya se leyó o tiene más de una hora): exporta de nuevo.',
  'book.read_only':
    'Este libro está abierto de solo lectura: no se puede cambiar nada. Para trabajar con sus registros, combínalo con un espacio de trabajo (Combinar el libro, o crm book import).',
  'book.view_closed': 'Ese libro de solo lectura está cerrado: ábrelo de nuevo desde Importar.',
  'cli.book_open_exists':
    '{{path}} ya existe: crm book open crea una copia nueva de solo lectura, indica en --out un archivo nuevo.',
  'book.passphrase_needed': 'Este libro está cifrado: indica su contraseña.',
  'book.wrong_passphrase': 'Contraseña incorrecta para este libro. No se cambió nada.',
  'book.not_a_book': 'Este archivo no es un libro del CRM ni una exportación del espacio de trabajo.',
  'book.clock_ahead':
    'Los cambios de este libro llevan fechas de hasta el {{date}}, por delante del reloj de este ordenador: el ordenador que lo exportó (o este) tiene la fecha mal puesta. No se ha combinado nada. Corrige la fecha y la hora y vuelve a exportar el libro.',
  'cli.book_exported': 'Libro guardado en {{path}}: {{records}} registros.',
  'cli.book_merged': 'Libro combinado: {{rows}} registros nuevos o cambiados.',
  'cli.export_needs_out': 'Indica dónde guardar la exportación con --out ARCHIVO.',
  'cli.export_format': '¿Exportar en qué formato? Usa --format csv o xlsx (vcf para contactos, ics para actividades).',
  'cli.export_entity': '¿Exportar qué? Usa contacts, companies, deals, activities o workspace.',
  'book.passphrase_short': 'Usa una contraseña de al menos 8 caracteres.',
  'backup.missing': 'No hay ninguna copia de seguridad en {{path}}.',
  'errors.db_locked':
    'El espacio de trabajo {{path}} está cifrado: indica su contraseña para abrirlo (en la CLI con --passphrase o CRM_PASSPHRASE).',
  'errors.db_wrong_passphrase':
    'Contraseña incorrecta para el espacio de trabajo {{path}}. No se ha cambiado nada: inténtalo de nuevo.',
  'errors.workspace_locked': 'El espacio de trabajo está bloqueado: primero escribe su contraseña.',
  'errors.passphrase_current_wrong': 'La contraseña actual no es correcta. No se ha cambiado la contraseña.',
  'errors.passphrase_busy':
    'Otro programa tiene abierto este espacio de trabajo (la CLI o una copia de seguridad): ciérralo e inténtalo de nuevo.',
  'errors.restore_needs_app':
    'Para restaurar una copia con el espacio de trabajo abierto hace falta la aplicación o el modo web; en un terminal, usa crm restore.',
  'cli.passphrase_set': 'El espacio de trabajo {{path}} está ahora cifrado con la nueva contraseña.',
  'cli.passphrase_removed': 'El espacio de trabajo {{path}} ya no está cifrado.',
  'backup.restored': 'Copia restaurada desde {{from}}; el espacio de trabajo anterior se guardó en {{kept}}.',
  'backup.locked_or_junk':
    'El archivo {{path}} está cifrado o no es una copia de seguridad del CRM. Si es la copia de un espacio de trabajo cifrado, indica su contraseña (--passphrase o CRM_PASSPHRASE).',
  'errors.busy_importing':
    'Se está escribiendo una importación en este espacio de trabajo: inténtalo de nuevo cuando termine (o cancélala).',
};
