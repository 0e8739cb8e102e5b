import { z } from 'zod';
import { idInput, idSchema, optionalText, recordMeta } from './common';
import { defineMethod } from './define';

export const MEMBER_ROLES = ['owner', 'admin', 'member'] as const;

const memberFields = {
  name: z.string().trim().min(1, { error: 'validation.required' }).max(200, { error: 'validation.too_long' }),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: 'validation.email_invalid' }))
    .nullable()
    .optional(),
  role: z.enum(MEMBER_ROLES, { error: 'validation.invalid_value' }).optional(),
  teamId: idSchema.nullable().optional(),
  active: z.boolean().optional(),
};

export const memberSchema = z.object({
  ...recordMeta,
  name: z.string(),
  email: z.string().nullable(),
  role: z.enum(MEMBER_ROLES),
  teamId: z.string().nullable(),
  active: z.boolean(),
});
export type Member = z.infer<typeof memberSchema>;

const teamFields = {
  name: z.string().trim().min(1, { error: 'validation.required' }).max(200, { error: 'validation.too_long' }),
  managerId: idSchema.nullable().optional(),
  /** Region or office ("Central", "Madrid office"). */
  region: optionalText(200),
};

export const teamSchema = z.object({
  ...recordMeta,
  name: z.string(),
  managerId: z.string().nullable(),
  region: z.string().nullable(),
});
export type Team = z.infer<typeof teamSchema>;

export const membersMethods = {
  'members.list': defineMethod({
    summary: 'The people who use this workspace (active ones unless `includeInactive`).',
    input: z.strictObject({ includeInactive: z.boolean().optional() }),
    output: z.object({ items: z.array(memberSchema) }),
  }),
  'members.create': defineMethod({
    summary: 'Add a person to the workspace (role member unless given).',
    input: z.strictObject(memberFields),
    output: memberSchema,
  }),
  'members.update': defineMethod({
    summary: 'Change a member: name, email, role, team, or deactivate (`active: false`).',
    input: z.strictObject({ id: idSchema, ...memberFields, name: memberFields.name.optional() }),
    output: memberSchema,
  }),
  'members.current': defineMethod({
    summary: 'Who is using the app on this device (chosen at first run), or null before that.',
    input: z.strictObject({}),
    output: z.object({ member: memberSchema.nullable() }),
  }),
  'members.setCurrent': defineMethod({
    summary: 'Choose who is using the app on this device: their name goes on every change made here.',
    input: idInput,
    output: z.object({ member: memberSchema }),
  }),
  'teams.list': defineMethod({
    summary: 'Teams with their manager and region.',
    input: z.strictObject({}),
    output: z.object({ items: z.array(teamSchema) }),
  }),
  'teams.create': defineMethod({ summary: 'Create a team.', input: z.strictObject(teamFields), output: teamSchema }),
  'teams.update': defineMethod({
    summary: 'Rename a team or change its manager or region.',
    input: z.strictObject({ id: idSchema, ...teamFields, name: teamFields.name.optional() }),
    output: teamSchema,
  }),
  'teams.delete': defineMethod({
    summary: 'Delete a team (its members stay, without a team).',
    input: idInput,
    output: teamSchema,
  }),
};
