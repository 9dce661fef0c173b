import * as z from 'zod/mini';
import { PackId } from '../rules/policy.ts';

export const SETTINGS_VERSION = 2;

/** Days before a deadline to remind; 0 means on the day. Kept short: a reminder a month early is noise. */
export const NotifyLeadDays = z.array(z.int().check(z.gte(0), z.lte(30))).check(
  z.maxLength(5),
  z.refine((days) => new Set(days).size === days.length, 'each lead time once'),
);

/**
 * Hours before the shopper's own reply deadline to remind them (a case page's countdown is
 * counted in days and hours, and missing it accepts the seller's proposal).
 */
export const BuyerReplyLeadHours = z.array(z.int().check(z.gte(1), z.lte(240))).check(
  z.maxLength(5),
  z.refine((hours) => new Set(hours).size === hours.length, 'each lead time once'),
);

/** The packs are defined once, by the rules. */
export const RulesPackId = PackId;
export type RulesPackId = z.infer<typeof RulesPackId>;

/** Which rules pack estimates deadlines, and the shopper's own numbers over it (checked by src/rules). */
export const RulesSetting = z.object({
  pack: RulesPackId,
  overrides: z.record(z.string(), z.unknown()),
});
export type RulesSetting = z.infer<typeof RulesSetting>;

/** 'auto' follows the browser; otherwise a BCP 47 language such as "pt-BR". */
export const LanguageSetting = z.union([z.literal('auto'), z.string().check(z.regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/))]);

export const SettingsV1 = z.object({
  version: z.literal(1),
  notifyLeadDays: NotifyLeadDays,
  rules: RulesSetting,
  language: LanguageSetting,
});
/** Version 2 adds the reminders before the shopper's own reply deadline (issue 15). */
export const SettingsV2 = z.object({
  version: z.literal(2),
  notifyLeadDays: NotifyLeadDays,
  buyerReplyLeadHours: BuyerReplyLeadHours,
  rules: RulesSetting,
  language: LanguageSetting,
});
export const Settings = SettingsV2;
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  notifyLeadDays: [3, 1],
  buyerReplyLeadHours: [48, 24, 6],
  rules: { pack: 'guide', overrides: {} },
  language: 'auto',
};

/** The fields the shopper may change; each is checked on its own so a refusal can name it. */
export const SETTINGS_FIELDS = ['notifyLeadDays', 'buyerReplyLeadHours', 'rules', 'language'] as const;
export type SettingsField = (typeof SETTINGS_FIELDS)[number];

export const SettingsPatch = z.strictObject({
  notifyLeadDays: z.optional(z.unknown()),
  buyerReplyLeadHours: z.optional(z.unknown()),
  rules: z.optional(z.unknown()),
  language: z.optional(z.unknown()),
});
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const SettingsError = z.object({ field: z.string(), message: z.string() });
export type SettingsError = z.infer<typeof SettingsError>;
