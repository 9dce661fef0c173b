import * as z from 'zod/mini';
import bundled from '../../rules/policy.json';
import { parseWith, type Result } from './result.ts';

export const PackId = z.enum(['guide', 'official-legacy', 'current']);
export type PackId = z.infer<typeof PackId>;
export const DEFAULT_PACK: PackId = 'guide';

/** The events a duration can count from. */
export const Anchor = z.enum([
  'dispute-opened',
  'seller-response-due',
  'escalation-opens',
  'shipped',
  'receipt-confirmed',
  'return-agreed',
  'order-placed',
  'delivery-promise-end',
]);
export type Anchor = z.infer<typeof Anchor>;

/**
 * Durations are whole or half days: AliExpress speaks in days, and half days let a shopper who
 * knows better say "4.5". More precision would pretend to an accuracy no source has.
 */
export const Days = z
  .number({ error: 'must be a number of days' })
  .check(
    z.positive('must be more than 0 days'),
    z.maximum(365, 'must be at most 365 days'),
    z.multipleOf(0.5, 'must be whole or half days'),
  );

const SourceDate = z
  .string()
  .check(z.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be a date: YYYY, YYYY-MM or YYYY-MM-DD'));
const Text = z.string().check(z.minLength(1, 'must not be empty'));

/** Where a number comes from: no number in the rules is without one. */
export const RuleSource = z.strictObject({
  title: z.string().check(z.minLength(1, 'must name the source')),
  /** A path in the shared notes or a URL. */
  where: z.string().check(z.minLength(1, 'must say where the source is')),
  /** The sentence that gives the number, word for word. */
  quote: z.string().check(z.minLength(1, 'must quote the sentence')),
  date: SourceDate,
  note: z.optional(Text),
});
export type RuleSource = z.infer<typeof RuleSource>;

/** Another number some source gives for the same rule, kept as data so the shopper can pick it. */
export const RuleAlternative = z.strictObject({
  value: Days,
  from: z.optional(Anchor),
  region: z.optional(z.string().check(z.regex(/^[A-Z]{2}$/, 'must be an ISO 3166 country code'))),
  note: Text,
  source: RuleSource,
});
export type RuleAlternative = z.infer<typeof RuleAlternative>;

export const Rule = z.strictObject({
  value: Days,
  unit: z.literal('days'),
  from: Anchor,
  meaning: Text,
  source: RuleSource,
  alternatives: z._default(z.array(RuleAlternative), []),
});
export type Rule = z.output<typeof Rule>;

export const RuleId = z.enum([
  'sellerResponse',
  'escalationOpens',
  'escalationCloses',
  'autoEscalation',
  'buyerProtection',
  'disputeOpens',
  'refundRequestAfterReceipt',
  'returnShipBy',
]);
export type RuleId = z.infer<typeof RuleId>;

export const PackRules = z.strictObject({
  sellerResponse: Rule,
  /**
   * The shopper's escalation window. A pack whose sources say the shopper cannot escalate
   * (`current`) has neither end; it has both or neither (loadPolicyFile checks).
   */
  escalationOpens: z.optional(Rule),
  escalationCloses: z.optional(Rule),
  /** Only packs whose source says AliExpress escalates by itself have it. */
  autoEscalation: z.optional(Rule),
  buyerProtection: Rule,
  disputeOpens: Rule,
  refundRequestAfterReceipt: Rule,
  returnShipBy: Rule,
});
export type PackRules = z.output<typeof PackRules>;

export const Pack = z.strictObject({
  title: Text,
  description: Text,
  rules: PackRules,
});
export type Pack = z.output<typeof Pack>;

/** rules/policy.json: every pack. */
export const PolicyFile = z.strictObject({
  version: z.literal(1),
  defaultPack: PackId,
  packs: z.strictObject({ guide: Pack, 'official-legacy': Pack, current: Pack }),
});
export type PolicyFile = z.output<typeof PolicyFile>;

/** What the clock reads of a rule: how many days, counted from which event. */
export const RuleClock = z.object({ value: Days, from: Anchor });
export type RuleClock = z.infer<typeof RuleClock>;

/**
 * The rules in force: one pack, with the shopper's overrides applied. What the timeline reads,
 * and what the background sends the popup, so no view resolves rules on its own.
 */
export const Policy = z.object({
  pack: PackId,
  rules: z.object({
    sellerResponse: RuleClock,
    escalationOpens: z.optional(RuleClock),
    escalationCloses: z.optional(RuleClock),
    autoEscalation: z.optional(RuleClock),
    buyerProtection: RuleClock,
    disputeOpens: RuleClock,
    refundRequestAfterReceipt: RuleClock,
    returnShipBy: RuleClock,
  }),
  /** Rules whose value the shopper set, so the UI can say "your value" next to them. */
  overridden: z.array(RuleId),
});
export type Policy = z.infer<typeof Policy>;

/** Only what the clock reads of each rule: what an extension page is sent, without the sources. */
export function clockOf(policy: Policy): Policy {
  const rules = Object.fromEntries(
    Object.entries(policy.rules).flatMap(([id, r]) => (r ? [[id, { value: r.value, from: r.from }]] : [])),
  ) as Policy['rules'];
  return { pack: policy.pack, rules, overridden: [...policy.overridden] };
}

/**
 * Compares both ends in days after the dispute opened, whichever event each end counts from. No
 * window at all (a pack where the shopper cannot escalate) is fine; one end without the other is not.
 */
export function escalationWindowIsEmpty(rules: Pick<Policy['rules'], 'escalationOpens' | 'escalationCloses'>): boolean {
  const { escalationOpens: o, escalationCloses: c } = rules;
  if (!o || !c) return o !== c;
  const closes = c.from === 'escalation-opens' ? o.value + c.value : c.value;
  return o.from !== 'dispute-opened' || closes <= o.value;
}

export function loadPolicyFile(json: unknown): Result<PolicyFile> {
  const parsed = parseWith(PolicyFile, json);
  if (!parsed.ok) return parsed;
  // The timeline relies on a window that opens before it closes; a file that breaks it is refused.
  const errors = PackId.options
    .filter((id) => escalationWindowIsEmpty(parsed.value.packs[id].rules))
    .map((id) => ({
      path: `packs.${id}.rules.escalationCloses`,
      message: 'escalationOpens must count from dispute-opened, and escalation must close after it opens',
    }));
  return errors.length === 0 ? parsed : { ok: false, errors };
}

let cached: Result<PolicyFile> | undefined;

/** The policy shipped with the extension, validated once. */
export function bundledPolicyFile(): Result<PolicyFile> {
  cached ??= loadPolicyFile(bundled);
  return cached;
}

/** One pack as a Policy, without overrides. */
export function packPolicy(file: PolicyFile, pack: PackId): Policy {
  return { pack, rules: file.packs[pack].rules, overridden: [] };
}
