import type { salesMessagesEn } from './sales-messages.en';

/** Mensajes del back end de embudos, oportunidades y conversión de leads. */
export const salesMessagesEs: Record<keyof typeof salesMessagesEn, string> = {
  'entity.pipeline': 'Embudo',
  'entity.stage': 'Etapa',
  'entity.exchange_rate': 'Tipo de cambio',
  'validation.currency_unknown': 'Moneda desconocida: usa un código ISO 4217 de tres letras, como EUR o USD.',
  'validation.lost_reason_required': 'Indica por qué se perdió la oportunidad.',
  'validation.stage_lost_reason_required':
    'Las oportunidades que pasan a una etapa perdida necesitan un motivo: indica por qué se perdieron.',
  'validation.stage_kind_lost_deals':
    'Hay oportunidades en esta etapa sin motivo de pérdida: muévelas antes a otra etapa, o archiva esta etapa en una etapa perdida indicando un motivo.',
  'validation.stage_other_pipeline': 'Esta etapa es de otro embudo. Elige una etapa de «{{pipeline}}».',
  'validation.stage_archived': 'La etapa «{{stage}}» está archivada; elige otra.',
  'validation.stage_same': 'Elige otra etapa a la que mover sus oportunidades.',
  'validation.no_open_stage': 'El embudo «{{pipeline}}» no tiene ninguna etapa abierta.',
  'validation.no_kind_stage': 'El embudo «{{pipeline}}» no tiene etapa de tipo {{kind}}.',
  'validation.stage_order': 'Incluye cada etapa del embudo exactamente una vez.',
  'validation.pipeline_archived': 'El embudo «{{pipeline}}» está archivado.',
  'validation.already_customer': 'Este contacto ya es cliente.',
  'stage.kind.won': 'ganada',
  'stage.kind.lost': 'perdida',
  'stage.kind.open': 'abierta',
  'pipeline.default_name': 'Nuevo negocio',
  'pipeline.stage.prospecting': 'Prospección',
  'pipeline.stage.qualified': 'Cualificada',
  'pipeline.stage.proposal': 'Propuesta',
  'pipeline.stage.negotiation': 'Negociación',
  'pipeline.stage.won': 'Ganada',
  'pipeline.stage.lost': 'Perdida',
} as const;
