import { useState } from 'preact/hooks';
import { languageName } from '../../i18n/format.ts';
import { LANGUAGES, matchLanguage, t, type MessageKey } from '../../i18n/core.ts';
import { applyOverrides } from '../../rules/overrides.ts';
import type { PackId, PolicyFile, RuleId } from '../../rules/policy.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../settings/schema.ts';
import type { OptionsApi } from './api.ts';
import { Field } from './Field.tsx';
import { parseLeadDays, parseLeadHours, parseOverride } from './validate.ts';

export const PACK_KEYS: Record<PackId, MessageKey> = {
  guide: 'packGuide',
  'official-legacy': 'packOfficialLegacy',
  current: 'packCurrent',
};
export const RULE_KEYS: Record<RuleId, MessageKey> = {
  sellerResponse: 'ruleSellerResponse',
  escalationOpens: 'ruleEscalationOpens',
  escalationCloses: 'ruleEscalationCloses',
  autoEscalation: 'ruleAutoEscalation',
  buyerProtection: 'ruleBuyerProtection',
  disputeOpens: 'ruleDisputeOpens',
  refundRequestAfterReceipt: 'ruleRefundRequestAfterReceipt',
  returnShipBy: 'ruleReturnShipBy',
};

type Errors = Record<string, string>;

/** Notification lead times, rules pack and overrides, and the interface language: one form, saved all or nothing. */
export function SettingsForm({
  api,
  initial,
  policy,
  onSaved,
}: {
  api: OptionsApi;
  initial: Settings;
  policy: PolicyFile;
  onSaved: (settings: Settings) => void;
}) {
  const defaultLead = DEFAULT_SETTINGS.notifyLeadDays.join(', ');
  // The default shows as the field's placeholder, not as a value the shopper typed; empty keeps it.
  const [lead, setLead] = useState(() => {
    const chosen = initial.notifyLeadDays.join(', ');
    return chosen === defaultLead ? '' : chosen;
  });
  const defaultReply = DEFAULT_SETTINGS.buyerReplyLeadHours.join(', ');
  const [reply, setReply] = useState(() => {
    const chosen = initial.buyerReplyLeadHours.join(', ');
    return chosen === defaultReply ? '' : chosen;
  });
  const [pack, setPack] = useState<PackId>(initial.rules.pack);
  const [overrides, setOverrides] = useState<Record<string, string>>(() =>
    Object.fromEntries(Object.entries(initial.rules.overrides).map(([k, v]) => [k, String(v)])),
  );
  const [language, setLanguageChoice] = useState(initial.language);
  const [errors, setErrors] = useState<Errors>({});
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const rules = policy.packs[pack].rules;
  const ruleIds = Object.keys(RULE_KEYS).filter((id) => id in rules) as RuleId[];

  const submit = async (event: Event) => {
    event.preventDefault();
    setStatus(null);
    const found: Errors = {};
    const days = lead.trim() === '' ? DEFAULT_SETTINGS.notifyLeadDays : parseLeadDays(lead);
    if (!days) found.lead = t('optionsLeadTimesInvalid');
    const hours = reply.trim() === '' ? DEFAULT_SETTINGS.buyerReplyLeadHours : parseLeadHours(reply);
    if (!hours) found.reply = t('optionsReplyLeadHoursInvalid');
    const chosen: Record<string, number> = {};
    for (const id of ruleIds) {
      const parsed = parseOverride(overrides[id] ?? '');
      if (!parsed.ok) found[`override-${id}`] = t('optionsOverrideInvalid');
      else if (parsed.days !== null) chosen[id] = parsed.days;
    }
    // The rest of what the background will check (an escalation window that closes before it
    // opens), by the same resolver, named next to the field.
    for (const issue of applyOverrides(policy, pack, chosen).errors) {
      const id = /^overrides\.(\w+)$/.exec(issue.path)?.[1];
      if (id && !found[`override-${id}`]) found[`override-${id}`] = t('optionsWindowInvalid');
    }
    setErrors(found);
    if (Object.keys(found).length || !days || !hours) return;
    try {
      const answer = await api.setSettings({
        notifyLeadDays: days,
        buyerReplyLeadHours: hours,
        rules: { pack, overrides: chosen },
        language,
      });
      if (!answer.saved) {
        // The background names each refused field; put its words next to that field.
        const mapped: Errors = {};
        for (const e of answer.errors) {
          const override = /^rules\.overrides\.(\w+)/.exec(e.field)?.[1];
          const key = e.field.startsWith('notifyLeadDays')
            ? 'lead'
            : e.field.startsWith('buyerReplyLeadHours')
              ? 'reply'
              : override
                ? `override-${override}`
                : e.field.startsWith('language')
                  ? 'language'
                  : 'pack';
          mapped[key] = e.message;
        }
        setErrors(mapped);
        setStatus({ ok: false, text: t('optionsSaveFailed', answer.errors.map((e) => e.message).join('; ')) });
        return;
      }
      await api.applyLanguage(answer.settings.language);
      setStatus({ ok: true, text: t('optionsSaved') });
      onSaved(answer.settings);
    } catch (e) {
      setStatus({ ok: false, text: t('optionsSaveFailed', e instanceof Error ? e.message : String(e)) });
    }
  };

  return (
    <form class="rr-form" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset>
        <legend>{t('optionsNotifications')}</legend>
        <Field id="rr-lead" label={t('optionsLeadTimes')} help={t('optionsLeadTimesHelp')} error={errors.lead}>
          {(p) => (
            <input
              {...p}
              type="text"
              inputMode="numeric"
              placeholder={defaultLead}
              value={lead}
              onInput={(e) => setLead(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field
          id="rr-reply-lead"
          label={t('optionsReplyLeadHours')}
          help={t('optionsReplyLeadHoursHelp')}
          error={errors.reply}
        >
          {(p) => (
            <input
              {...p}
              type="text"
              inputMode="numeric"
              placeholder={defaultReply}
              value={reply}
              onInput={(e) => setReply(e.currentTarget.value)}
            />
          )}
        </Field>
      </fieldset>

      <fieldset>
        <legend>{t('optionsRules')}</legend>
        <Field id="rr-pack" label={t('optionsRulesPack')} error={errors.pack}>
          {(p) => (
            <select {...p} value={pack} onChange={(e) => setPack(e.currentTarget.value as PackId)}>
              {(Object.keys(PACK_KEYS) as PackId[]).map((id) => (
                <option key={id} value={id}>
                  {t(PACK_KEYS[id])}
                </option>
              ))}
            </select>
          )}
        </Field>
        <p class="rr-help">{t('optionsOverrides')}</p>
        {ruleIds.map((id) => (
          <Field
            key={id}
            id={`rr-override-${id}`}
            label={t(RULE_KEYS[id])}
            help={t('optionsOverridePack', rules[id]!.value)}
            error={errors[`override-${id}`]}
          >
            {(p) => (
              <input
                {...p}
                type="text"
                inputMode="decimal"
                placeholder={String(rules[id]!.value)}
                value={overrides[id] ?? ''}
                onInput={(e) => setOverrides((o) => ({ ...o, [id]: e.currentTarget.value }))}
              />
            )}
          </Field>
        ))}
      </fieldset>

      <fieldset>
        <legend>{t('optionsLanguage')}</legend>
        <Field id="rr-language" label={t('optionsLanguage')} error={errors.language}>
          {(p) => (
            <select {...p} value={language} onChange={(e) => setLanguageChoice(e.currentTarget.value)}>
              <option value="auto">{t('optionsLanguageAuto', languageName(matchLanguage(api.browserLanguage)))}</option>
              {LANGUAGES.map((lang) => (
                <option key={lang} value={lang} lang={lang}>
                  {languageName(lang)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </fieldset>

      <button type="submit" class="rr-primary">
        {t('optionsSave')}
      </button>
      <p role="status" class={status?.ok === false ? 'rr-error' : 'rr-ok'}>
        {status?.text ?? ''}
      </p>
    </form>
  );
}
