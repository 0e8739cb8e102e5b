// The deals board's everyday tools and the sales settings behind it, in English against `crm
// serve` (one server per worker, shared with the other specs): filters by owner, close month and
// tag; rotting deals highlighted; quick add into a column; winning from a card; stages renamed,
// reordered and archived in Settings with their deals moved; exchange rates in the column totals;
// and the cross-sell panel on a company page.
import Database from 'better-sqlite3';
import type { Locator, Page } from '@playwright/test';
import { expect, test, type CrmServer, openInEnglish, unique } from './fixtures/server';
import { afterKeyboardLift } from './fixtures/dnd';

const DAY = 86_400_000;

/** Totals are in EUR here; this device knows who uses it (the first-run prompt is another spec's). */
async function prepare(server: CrmServer): Promise<void> {
  await server.call('settings.update', { baseCurrency: 'EUR' });
  if ((await server.call('members.current', {})).member) return;
  const me = await server.call('members.create', { name: 'Board Tester' });
  await server.call('members.setCurrent', { id: me.id });
}

async function pipelineWith(server: CrmServer, name: string, open: { name: string; rottingDays?: number }[]) {
  return server.call('pipelines.create', {
    name,
    stages: [
      ...open.map((s, i) => ({ ...s, kind: 'open' as const, probability: 20 * (i + 1) })),
      { name: 'Won', kind: 'won' as const, probability: 100 },
      { name: 'Lost', kind: 'lost' as const, probability: 0 },
    ],
  });
}

async function openBoard(page: Page, server: CrmServer, pipeline: string): Promise<void> {
  await page.goto(`${server.origin}/deals`);
  await page.getByTestId('pipeline-select').click();
  await page.getByRole('option', { name: pipeline, exact: true }).click();
  await expect(page.getByTestId('pipeline-select')).toHaveValue(pipeline);
}

const column = (page: Page, stage: string): Locator =>
  page.locator(`[data-testid="board-column"][data-stage="${stage}"]`);
const card = (page: Page, title: string): Locator =>
  page.locator(`[data-testid="deal-card"][data-deal-title="${title}"]`);
const titles = (col: Locator) => col.getByTestId('deal-card-title');
const euros = (n: number) =>
  new Intl.NumberFormat('en', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(n);

test('board filters by owner, close month and tag; rotting deals stand out; quick add and win from a card', async ({
  page,
  server,
}) => {
  const n = unique();
  await prepare(server);
  const ana = await server.call('members.create', { name: `Ana ${n}` });
  const bruno = await server.call('members.create', { name: `Bruno ${n}` });
  const vip = await server.call('tags.create', { name: `vip-${n}` });
  const pipeline = await pipelineWith(server, `Board ${n}`, [{ name: 'Lead', rottingDays: 5 }, { name: 'Offer' }]);
  const lead = pipeline.stages.find((s) => s.name === 'Lead')!;
  const deal = (title: string, ownerId: string, expectedClose: string, amount: number) =>
    server.call('deals.create', {
      title,
      pipelineId: pipeline.id,
      stageId: lead.id,
      ownerId,
      expectedClose,
      amount: amount * 100,
      currency: 'EUR',
    });
  const march = await deal(`Ana March ${n}`, ana.id, '2031-03-15', 1000);
  const april = await deal(`Bruno April ${n}`, bruno.id, '2031-04-10', 2000);
  const stale = await deal(`Stale ${n}`, ana.id, '2031-05-20', 3000);
  await server.call('tags.apply', { tagId: vip.id, entity: 'deals', ids: [april.id] });
  // "Stale" entered Lead ten days ago (the rotting threshold is five): history a person cannot type in.
  const book = new Database(server.dbPath);
  book.pragma('busy_timeout = 5000');
  book.prepare('UPDATE deals SET stage_entered_at = ? WHERE id = ?').run(Date.now() - 10 * DAY, stale.id);
  book.close();

  await openInEnglish(page, server);
  await openBoard(page, server, `Board ${n}`);
  const leadColumn = column(page, 'Lead');
  await expect(leadColumn.getByTestId('column-count')).toHaveText('3');

  await test.step('only the deal past the rotting threshold is highlighted', async () => {
    await expect(card(page, `Stale ${n}`)).toHaveAttribute('data-rotting', 'true');
    await expect(card(page, `Stale ${n}`).getByTestId('rotting-badge')).toHaveText('Rotting');
    await expect(card(page, `Ana March ${n}`)).not.toHaveAttribute('data-rotting', /.*/);
    await expect(card(page, `Ana March ${n}`).getByTestId('rotting-badge')).toHaveCount(0);
  });

  await test.step('filter by owner', async () => {
    await page.getByTestId('board-owner-filter').click();
    await page.getByRole('option', { name: `Bruno ${n}`, exact: true }).click();
    await page.keyboard.press('Escape');
    await expect(titles(leadColumn)).toHaveText([`Bruno April ${n}`]);
    await expect(leadColumn.getByTestId('column-count')).toHaveText('1');
    await expect(leadColumn.getByTestId('column-sum')).toHaveText(euros(2000));
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(leadColumn.getByTestId('column-count')).toHaveText('3');
  });

  await test.step('filter by expected close month', async () => {
    await page.getByTestId('board-month-filter').fill('2031-03');
    await expect(titles(leadColumn)).toHaveText([`Ana March ${n}`]);
    await expect(leadColumn.getByTestId('column-sum')).toHaveText(euros(1000));
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(leadColumn.getByTestId('column-count')).toHaveText('3');
  });

  await test.step('filter by tag', async () => {
    await page.getByTestId('board-tag-filter').click();
    await page.getByRole('option', { name: `vip-${n}`, exact: true }).click();
    await page.keyboard.press('Escape');
    await expect(titles(leadColumn)).toHaveText([`Bruno April ${n}`]);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(leadColumn.getByTestId('column-count')).toHaveText('3');
  });

  await test.step('quick add puts the new deal in the column it was asked from', async () => {
    await column(page, 'Offer').getByTestId('column-quick-add').click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByTestId('deal-stage-input')).toHaveValue('Offer');
    await dialog.getByTestId('deal-title-input').fill(`Quick ${n}`);
    await dialog.getByTestId('deal-amount-input').fill('750');
    await dialog.getByTestId('save-deal').click();
    await expect(dialog).toBeHidden();
    await expect(titles(column(page, 'Offer'))).toHaveText([`Quick ${n}`]);
    await expect(column(page, 'Offer').getByTestId('column-sum')).toHaveText(euros(750));
    const saved = (await server.call('deals.list', { query: `Quick ${n}` })).items;
    expect(saved.map((d) => d.stageId)).toEqual([pipeline.stages.find((s) => s.name === 'Offer')!.id]);
  });

  await test.step('win from the card: it moves to Won', async () => {
    await card(page, `Ana March ${n}`).getByTestId('card-win').click();
    await expect(titles(column(page, 'Won'))).toHaveText([`Ana March ${n}`]);
    await expect(leadColumn.getByTestId('column-count')).toHaveText('2');
    expect((await server.call('deals.get', { id: march.id })).status).toBe('won');
  });
});

test('stages renamed, reordered and archived in Settings; the archived stage’s deals move to the chosen one', async ({
  page,
  server,
}) => {
  const n = unique();
  await prepare(server);
  const pipeline = await pipelineWith(server, `Stages ${n}`, [
    { name: 'Discovery' },
    { name: 'Demo' },
    { name: 'Trial' },
  ]);
  const demo = pipeline.stages.find((s) => s.name === 'Demo')!;
  const trial = pipeline.stages.find((s) => s.name === 'Trial')!;
  for (const title of [`First ${n}`, `Second ${n}`])
    await server.call('deals.create', { title, pipelineId: pipeline.id, stageId: demo.id, amount: 10_000 });
  const openStages = async () =>
    (await server.call('pipelines.get', { id: pipeline.id })).stages
      .filter((s) => !s.archived && s.kind === 'open')
      .map((s) => s.name);

  await openInEnglish(page, server);
  await page.goto(`${server.origin}/settings/pipelines`);
  await page.getByTestId('settings-pipeline-select').click();
  await page.getByRole('option', { name: `Stages ${n}`, exact: true }).click();
  await expect(page.getByTestId('pipeline-name')).toHaveValue(`Stages ${n}`);
  const row = (name: string) => page.locator(`[data-testid="stage-row"][data-stage="${name}"]`);

  await test.step('rename a stage', async () => {
    await row('Demo').getByTestId('stage-name').fill('Product demo');
    await row('Demo').getByTestId('stage-name').press('Tab');
    await expect(row('Product demo')).toBeVisible();
    await expect.poll(openStages).toEqual(['Discovery', 'Product demo', 'Trial']);
  });

  await test.step('move "Trial" up with the keyboard', async () => {
    const handle = row('Trial').getByTestId('stage-handle');
    // Each key waits for the one before it to land: on a busy machine a drop pressed before the
    // move was taken drops the stage where it was.
    const announced = page.locator('[id^="DndLiveRegion"]');
    await handle.focus();
    await page.keyboard.press('Space');
    await expect(handle).toHaveAttribute('aria-pressed', 'true');
    await afterKeyboardLift(page);
    await page.keyboard.press('ArrowUp');
    await expect(announced).toHaveText(`Draggable item ${trial.id} was moved over droppable area ${demo.id}.`);
    await page.keyboard.press('Space');
    await expect.poll(openStages).toEqual(['Discovery', 'Trial', 'Product demo']);
    await expect(page.getByTestId('stage-row').nth(1)).toHaveAttribute('data-stage', 'Trial');
  });

  await test.step('archive "Product demo", moving its deals to "Trial"', async () => {
    await row('Product demo').getByTestId('archive-stage').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('archive-move-to').click();
    await page.getByRole('option', { name: 'Trial', exact: true }).click();
    await dialog.getByTestId('confirm-archive-stage').click();
    await expect(dialog).toBeHidden();
    await expect(row('Product demo')).toHaveCount(0);
    await expect.poll(openStages).toEqual(['Discovery', 'Trial']);
    const moved = (await server.call('deals.list', { pipelineId: pipeline.id })).items;
    expect(moved.map((d) => d.stageId)).toEqual([trial.id, trial.id]);
  });

  await test.step('the board shows the deals in "Trial" and no "Product demo" column', async () => {
    await openBoard(page, server, `Stages ${n}`);
    await expect(column(page, 'Trial').getByTestId('column-count')).toHaveText('2');
    await expect(column(page, 'Product demo')).toHaveCount(0);
  });
});

test('an exchange rate set in Settings brings deals in other currencies into the column totals', async ({
  page,
  server,
}) => {
  const n = unique();
  await prepare(server);
  // Rates left by another spec would change the sum: start without a USD rate.
  for (const rate of (await server.call('exchangeRates.list', {})).items.filter((r) => r.currency === 'USD'))
    await server.call('exchangeRates.delete', { id: rate.id });
  const pipeline = await pipelineWith(server, `Rates ${n}`, [{ name: 'Open' }]);
  const stageId = pipeline.stages[0]!.id;
  await server.call('deals.create', {
    title: `Euro ${n}`,
    pipelineId: pipeline.id,
    stageId,
    amount: 100_00,
    currency: 'EUR',
  });
  await server.call('deals.create', {
    title: `Dollar ${n}`,
    pipelineId: pipeline.id,
    stageId,
    amount: 200_00,
    currency: 'USD',
  });

  await openInEnglish(page, server);
  await openBoard(page, server, `Rates ${n}`);
  const open = column(page, 'Open');
  await expect(open.getByTestId('column-count')).toHaveText('2');
  await expect(open.getByTestId('column-sum')).toHaveText(euros(100));
  await expect(open.getByLabel(/USD/)).toBeVisible();

  await page.goto(`${server.origin}/settings/pipelines`);
  const rates = page.getByTestId('exchange-rates');
  await rates.getByRole('textbox', { name: 'Currency' }).fill('USD');
  await page.getByRole('option', { name: 'USD', exact: true }).click();
  await rates.getByRole('textbox', { name: 'Worth in EUR' }).fill('0.9');
  await rates.getByRole('button', { name: 'Save rate' }).click();
  await expect(rates.getByText('1 USD')).toBeVisible();

  await openBoard(page, server, `Rates ${n}`);
  // 100 € + 200 US$ × 0.9
  await expect(open.getByTestId('column-sum')).toHaveText(euros(280));
  await expect(open.getByLabel(/USD/)).toHaveCount(0);
  // Leave no rate behind for the specs that run after this one on the same server.
  for (const rate of (await server.call('exchangeRates.list', {})).items.filter((r) => r.currency === 'USD'))
    await server.call('exchangeRates.delete', { id: rate.id });
});

test('the cross-sell panel on a company page explains what similar customers bought', async ({ page, server }) => {
  const n = unique();
  await prepare(server);
  const product = async (name: string) =>
    (await server.call('products.create', { name, unitPrice: 10_000, currency: 'EUR', taxPercent: 21 })).id;
  const camera = await product(`Camera ${n}`);
  const tripod = await product(`Tripod ${n}`);
  // A pipeline of its own: other specs on this server may leave the default one without open stages.
  const pipeline = await pipelineWith(server, `Cross-sell ${n}`, [{ name: 'Talk' }]);
  const wonDeal = async (companyName: string, products: string[]) => {
    const company = await server.call('companies.create', { name: companyName });
    const deal = await server.call('deals.create', {
      title: companyName,
      companyId: company.id,
      currency: 'EUR',
      pipelineId: pipeline.id,
    });
    for (const productId of products) await server.call('lineItems.add', { dealId: deal.id, productId, quantity: 1 });
    await server.call('deals.win', { id: deal.id });
    return company;
  };
  const bag = await product(`Bag ${n}`);
  for (const i of [1, 2, 3]) await wonDeal(`Studio ${i} ${n}`, [camera, tripod]);
  // Customers who bought neither: without them every customer holds a tripod or a camera and the
  // pair would be no better than chance (lift 1).
  for (const i of [1, 2]) await wonDeal(`Shop ${i} ${n}`, [bag]);
  const target = await wonDeal(`Newcomer ${n}`, [camera]);

  await openInEnglish(page, server);
  await page.goto(`${server.origin}/companies/${target.id}`);
  const panel = page.getByTestId('cross-sell-panel');
  await expect(panel).toContainText(`Tripod ${n}`);
  await expect(panel).toContainText(`Customers who bought Camera ${n} also bought Tripod ${n}: confidence 75%`);
  // What it already bought is not offered again.
  await expect(panel.getByText(`Camera ${n}`, { exact: true })).toHaveCount(0);
});

test('bad input from a script is refused with a clear message and the board does not change', async ({
  page,
  server,
}) => {
  const n = unique();
  await prepare(server);
  const pipeline = await pipelineWith(server, `Checked ${n}`, [{ name: 'Lead' }, { name: 'Demo' }]);
  const other = await pipelineWith(server, `Elsewhere ${n}`, [{ name: 'Intro' }]);
  const lead = pipeline.stages.find((s) => s.name === 'Lead')!;
  const intro = other.stages.find((s) => s.name === 'Intro')!;
  const deal = await server.call('deals.create', {
    title: `Stays ${n}`,
    pipelineId: pipeline.id,
    stageId: lead.id,
    amount: 1000_00,
    currency: 'EUR',
  });
  await openInEnglish(page, server);
  await openBoard(page, server, `Checked ${n}`);
  await expect(titles(column(page, 'Lead'))).toHaveText([`Stays ${n}`]);

  // The crm command speaks the language of its environment: English here.
  const lang = process.env.CRM_LANG;
  process.env.CRM_LANG = 'en';
  try {
    await test.step('a deal moved to a stage of another pipeline', async () => {
      const run = await server.cli(['api', 'deals.move', JSON.stringify({ id: deal.id, stageId: intro.id })]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`This stage belongs to another pipeline. Pick a stage of "Checked ${n}".`);
    });
    await test.step('a deal in an unknown currency', async () => {
      const run = await server.cli([
        'api',
        'deals.create',
        JSON.stringify({ title: `Unknown money ${n}`, pipelineId: pipeline.id, currency: 'XYZ' }),
      ]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('Unknown currency: use a three-letter ISO 4217 code such as EUR or USD.');
    });
  } finally {
    if (lang === undefined) delete process.env.CRM_LANG;
    else process.env.CRM_LANG = lang;
  }

  await test.step('nothing changed: the deal is where it was, and no deal was added', async () => {
    await page.reload();
    await expect(titles(column(page, 'Lead'))).toHaveText([`Stays ${n}`]);
    await expect(card(page, `Unknown money ${n}`)).toHaveCount(0);
    const stored = await server.call('deals.get', { id: deal.id });
    expect(stored).toMatchObject({ pipelineId: pipeline.id, stageId: lead.id, updatedAt: deal.updatedAt });
    await openBoard(page, server, `Elsewhere ${n}`);
    await expect(titles(column(page, 'Intro'))).toHaveCount(0);
  });
});

test('a deal attributed to a campaign names it on its page, with a link to the campaign', async ({ page, server }) => {
  const n = unique();
  await prepare(server);
  // A pipeline of its own: other specs of this worker may leave the default without open stages.
  const pipeline = await pipelineWith(server, `Fairs ${n}`, [{ name: 'Lead' }]);
  const deal = await server.call('deals.create', {
    title: `Attributed ${n}`,
    currency: 'EUR',
    pipelineId: pipeline.id,
  });
  const campaign = await server.call('campaigns.create', { name: `Spring fair ${n}` });
  await server.call('campaigns.attributeDeal', { id: campaign.id, dealId: deal.id });
  await openInEnglish(page, server);
  await page.goto(`${server.origin}/deals/${deal.id}`);
  const link = page.getByTestId('deal-facts').getByTestId('deal-campaign');
  await expect(link).toHaveText(`Spring fair ${n}`);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/campaigns/${campaign.id}$`));
});
