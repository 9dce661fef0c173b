import { t, type MessageKey } from '../../i18n/core.ts';
import type { Anchor, PackId, PolicyFile, Rule } from '../../rules/policy.ts';
import { PACK_KEYS, RULE_KEYS } from './SettingsForm.tsx';

const ANCHOR_KEYS: Record<Anchor, MessageKey> = {
  'dispute-opened': 'anchorDisputeOpened',
  'seller-response-due': 'anchorSellerResponseDue',
  'escalation-opens': 'anchorEscalationOpens',
  shipped: 'anchorShipped',
  'receipt-confirmed': 'anchorReceiptConfirmed',
  'return-agreed': 'anchorReturnAgreed',
  'order-placed': 'anchorOrderPlaced',
  'delivery-promise-end': 'anchorDeliveryPromiseEnd',
};

function RuleCell({ rule }: { rule: Rule | undefined }) {
  if (!rule) return <td class="rr-absent">{t('packsNotInPack')}</td>;
  const others = [...new Set(rule.alternatives.map((a) => a.value))].filter((v) => v !== rule.value);
  return (
    <td>
      <strong>{rule.value}</strong> {t(ANCHOR_KEYS[rule.from])}
      {others.length > 0 && <span class="rr-help"> · {t('packsAlternatives', others.join(', '))}</span>}
      {/* Source titles are data from rules/policy.json, in English as the sources are. */}{' '}
      <span class="rr-source-note" lang="en">
        {t('packsSource', rule.source.title, rule.source.date)}
      </span>
    </td>
  );
}

/**
 * Every rule of every pack in one table, so a shopper can compare the numbers with what their page
 * shows (which wins over all of them). A table with row and column headers, so a screen reader
 * names the rule and the pack of each cell.
 */
export function PackComparison({ policy }: { policy: PolicyFile }) {
  const packs = Object.keys(PACK_KEYS) as PackId[];
  const rules = Object.keys(RULE_KEYS) as Array<keyof typeof RULE_KEYS>;
  return (
    <section class="rr-section" aria-labelledby="rr-packs-title">
      <h2 id="rr-packs-title">{t('packsCompareTitle')}</h2>
      <p class="rr-help" id="rr-packs-help">
        {t('packsCompareHelp')}
      </p>
      <div class="rr-table-scroll">
        <table class="rr-packs" aria-labelledby="rr-packs-title" aria-describedby="rr-packs-help">
          <thead>
            <tr>
              <th scope="col">{t('packsRule')}</th>
              {packs.map((id) => (
                <th scope="col" key={id} data-pack={id}>
                  {t(PACK_KEYS[id])}
                  {id === policy.defaultPack && ` ${t('packsDefault')}`}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rules.map((id) => (
              <tr key={id} data-rule={id}>
                <th scope="row">{t(RULE_KEYS[id])}</th>
                {packs.map((pack) => (
                  <RuleCell key={pack} rule={policy.packs[pack].rules[id]} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
