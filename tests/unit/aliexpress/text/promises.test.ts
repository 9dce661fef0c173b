/**
 * Delivery promises (src/aliexpress/text/promises.ts): the late-delivery coupon, the delivery
 * guarantee and the free-return window, from the real captures' texts and from sentences written
 * by hand in every page language, plus the bad input the readers must name rather than guess from.
 */
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../../../src/model/index.ts';
import { readPromises } from '../../../../src/aliexpress/text/promises.ts';
import { capture } from '../json/fixtures.ts';

const readAt = new Date('2026-11-20T12:00:00.000Z');

function promises(texts: string[], locale: string | null, placedAt?: string) {
  const problems: Problem[] = [];
  const read = readPromises(texts, locale, problems, '8100012345612345', readAt, placedAt);
  return { read, problems };
}

describe('delivery promises', () => {
  it('reads the real tracking capture: "Apply for R$5.00 coupon code if delayed by Aug 3, 2026" and the guarantee', () => {
    const json = capture('logistics-querydetail') as {
      data: { module: { fastDeliveryInfoDTO: { fdContent: string; fdContentList: string[] } } };
    };
    const { fdContent, fdContentList } = json.data.module.fastDeliveryInfoDTO;
    const expected = {
      deliveryGuaranteeAt: '2026-09-03',
      lateCoupon: { by: '2026-08-03', amount: { amount: 5, currency: 'BRL' } },
    };
    // The capture has the same promises as one "·"-joined text and as a list: both read alike.
    const atCapture = new Date('2026-09-07T12:00:00Z');
    for (const texts of [[fdContent], fdContentList]) {
      const problems: Problem[] = [];
      expect(readPromises(texts, 'en', problems, null, atCapture)).toEqual(expected);
      expect(problems).toEqual([]);
    }
  });

  it('reads the real detail capture\'s "R$5,00" with its decimal comma and "Send it back within 15 days after delivery"', () => {
    const json = capture('order-detail') as { data: { data: Record<string, { tag?: string; fields: unknown }> } };
    const services = Object.values(json.data.data).find((c) => c.tag === 'detail_order_services')!.fields as {
      data: Array<{ content: string }>;
    };
    const problems: Problem[] = [];
    const read = readPromises(
      services.data.map((s) => s.content),
      'en',
      problems,
      null,
      new Date('2026-09-07T12:00:00Z'),
    );
    expect(read).toEqual({
      deliveryGuaranteeAt: '2026-09-04',
      lateCoupon: { by: '2026-08-03', amount: { amount: 5, currency: 'BRL' } },
      freeReturnDays: 15,
    });
    expect(problems).toEqual([]);
  });

  // Written by hand for this test, worded as rules/locales/*.json expects each language (not seen in captures).
  const HANDWRITTEN: Array<[string, string[], number | null, string | null]> = [
    [
      'en',
      [
        'Apply for US $2.00 coupon code if delayed by Dec 10, 2026',
        'Refund if no delivery before Jan 15, 2027',
        'Send it back within 15 days after delivery.',
      ],
      2,
      'USD',
    ],
    [
      'es',
      [
        'Solicita un cupón de 2,00 € si se retrasa más allá del 10 dic 2026',
        'Reembolso si no se entrega antes del 15 ene 2027',
        'Devuélvelo en un plazo de 15 días tras la entrega.',
      ],
      2,
      'EUR',
    ],
    [
      'fr',
      [
        'Demandez un coupon de 2,00 € en cas de retard après le 10 déc. 2026',
        'Remboursement si non livré avant le 15 janv. 2027',
        'Renvoyez-le sous 15 jours après la livraison.',
      ],
      2,
      'EUR',
    ],
    [
      'de',
      [
        'Gutschein über 2,00 € bei Verspätung nach dem 10. Dez. 2026 beantragen',
        'Erstattung, falls keine Zustellung bis 15. Jan. 2027',
        'Sende es innerhalb von 15 Tagen nach der Zustellung zurück.',
      ],
      2,
      'EUR',
    ],
    [
      'pt-BR',
      [
        'Solicite um cupom de R$ 10,00 se atrasar após 10 de dez. de 2026',
        'Reembolso se não for entregue até 15 de jan. de 2027',
        'Devolva em até 15 dias após a entrega.',
      ],
      10,
      'BRL',
    ],
    [
      'ru',
      [
        'Запросите купон на 150,00 руб., если доставка задержится после 10 дек. 2026 г.',
        'Возврат средств, если заказ не доставлен до 15 янв. 2027 г.',
        'Верните товар в течение 15 дней после доставки.',
      ],
      150,
      'RUB',
    ],
    [
      'pl',
      [
        'Odbierz kupon o wartości 8,00 zł w przypadku opóźnienia po 10 gru 2026',
        'Zwrot pieniędzy w przypadku braku dostawy przed 15 sty 2027',
        'Odeślij w ciągu 15 dni od dostawy.',
      ],
      8,
      'PLN',
    ],
    [
      'it',
      [
        'Richiedi un coupon da 2,00 € in caso di ritardo oltre il 10 dic 2026',
        'Rimborso in caso di mancata consegna entro il 15 gen 2027',
        'Restituiscilo entro 15 giorni dalla consegna.',
      ],
      2,
      'EUR',
    ],
    [
      'nl',
      [
        'Vraag een coupon van € 2,00 aan bij vertraging na 10 dec 2026',
        'Terugbetaling als niet geleverd vóór 15 jan 2027',
        'Stuur het binnen 15 dagen na levering terug.',
      ],
      2,
      'EUR',
    ],
    [
      'tr',
      [
        '10 Ara 2026 tarihinden sonra gecikirse ₺60,00 kupon talep edin',
        '15 Oca 2027 tarihine kadar teslim edilmezse para iadesi',
        'Teslimattan sonra 15 gün içinde geri gönderin.',
      ],
      60,
      'TRY',
    ],
  ];

  it.each(HANDWRITTEN)(
    'reads the coupon, guarantee and free return written by hand in %s',
    (locale, texts, amount, currency) => {
      const { read, problems } = promises(texts, locale);
      expect(problems).toEqual([]);
      expect(read).toEqual({
        lateCoupon: { by: '2026-12-10', amount: { amount, currency } },
        deliveryGuaranteeAt: '2027-01-15',
        freeReturnDays: 15,
      });
    },
  );

  it('reads an English promise on a page in another language (AliExpress leaves some untranslated)', () => {
    const { read, problems } = promises(['Refund if no delivery before Jan 15, 2027'], 'de');
    expect(read).toEqual({ deliveryGuaranteeAt: '2027-01-15' });
    expect(problems).toEqual([]);
  });
});

describe('delivery promises, bad input', () => {
  it('names a dated coupon line in an unknown language and invents nothing; the guarantee beside it is kept', () => {
    // Hand-written Swedish: no rules/locales file for it.
    const { read, problems } = promises(
      [
        'Ansök om en kupong på 20 kr om leveransen försenas efter 10 dec 2026 · Refund if no delivery before Jan 15, 2027',
      ],
      'sv',
    );
    expect(read).toEqual({ deliveryGuaranteeAt: '2027-01-15' });
    expect(problems).toEqual([
      {
        code: 'promise-unrecognized',
        detail: 'Ansök om en kupong på 20 kr om leveransen försenas efter 10 dec 2026',
        orderId: '8100012345612345',
      },
    ]);
  });

  it('names a promise dated before the order was placed, or over a year before the reading, and keeps no date from it', () => {
    const placed = promises(
      ['Apply for US $2.00 coupon code if delayed by Jul 1, 2026 · Refund if no delivery before Jan 15, 2027'],
      'en',
      '2026-07-15',
    );
    expect(placed.read).toEqual({ deliveryGuaranteeAt: '2027-01-15' });
    expect(placed.problems).toEqual([{ code: 'promise-date-past', detail: '2026-07-01', orderId: '8100012345612345' }]);

    const old = promises(
      ['Refund if no delivery before Sep 3, 2019', 'Send it back within 15 days after delivery'],
      'en',
    );
    expect(old.read).toEqual({ freeReturnDays: 15 });
    expect(old.problems.map((p) => p.code)).toEqual(['promise-date-past']);
  });

  it('names a coupon whose date does not parse; no coupon is invented and the other promises stay', () => {
    const { read, problems } = promises(
      [
        'Apply for US $2.00 coupon code if delayed by the 32nd of Brumaire',
        'Refund if no delivery before Jan 15, 2027',
        'Send it back within 15 days after delivery',
      ],
      'en',
    );
    expect(read).toEqual({ deliveryGuaranteeAt: '2027-01-15', freeReturnDays: 15 });
    expect(problems).toEqual([{ code: 'date-unparsed', detail: 'the 32nd of Brumaire', orderId: '8100012345612345' }]);
  });

  it('keeps a coupon without an amount, and reads nothing from promises without dates or days', () => {
    expect(promises(['Apply for a coupon code if delayed by Dec 10, 2026'], 'en')).toEqual({
      read: { lateCoupon: { by: '2026-12-10', amount: null } },
      problems: [],
    });
    expect(promises(['Refund if items damaged', 'R$5 coupon if delayed', '', '·'], 'en')).toEqual({
      read: {},
      problems: [],
    });
  });
});
