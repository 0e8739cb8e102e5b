// The sales board as a person uses it: a new pipeline made in Settings, deals dragged across its
// stages with the mouse and with the keyboard, one lost with a reason, and the column totals
// following every move. Against `crm serve` on a fresh temporary database, in Spanish.
import type { Locator, Page } from '@playwright/test';
import { expect, openInSpanish, test, type CrmServer } from './fixtures/server';
import { afterKeyboardLift } from './fixtures/dnd';

async function ensureCurrentMember(server: CrmServer) {
  if ((await server.call('members.current', {})).member) return;
  const member = await server.call('members.create', { name: 'Ventas Pruebas' });
  await server.call('members.setCurrent', { id: member.id });
}

const euros = (n: number) =>
  new Intl.NumberFormat('es-ES', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(n);

function column(page: Page, stage: string): Locator {
  return page.locator(`[data-testid="board-column"][data-stage="${stage}"]`);
}

async function expectColumn(page: Page, stage: string, count: number, sum: number) {
  const col = column(page, stage);
  await expect(col.getByTestId('column-count')).toHaveText(String(count));
  await expect(col.getByTestId('column-sum')).toHaveText(euros(sum));
}

function card(page: Page, title: string): Locator {
  return page.getByTestId('deal-card-handle').filter({ has: page.locator(`[data-deal-title="${title}"]`) });
}

test.describe('deals board, in Spanish', () => {
  test('create a pipeline, drag deals by mouse and keyboard, lose one with a reason; totals follow', async ({
    page,
    server,
  }) => {
    await ensureCurrentMember(server);
    await server.call('settings.update', { baseCurrency: 'EUR' });
    // Wide enough for every column of the pipeline at once.
    await page.setViewportSize({ width: 2100, height: 900 });
    await openInSpanish(page, server);

    await test.step('create the pipeline "Renovaciones" in Settings', async () => {
      await page.getByRole('link', { name: 'Ajustes' }).click();
      await page.getByTestId('settings-tab-pipelines').click();
      await page.getByTestId('new-pipeline-name').fill('Renovaciones');
      await page.getByTestId('create-pipeline').click();
      await expect(page.getByTestId('pipeline-name')).toHaveValue('Renovaciones');
      await expect(page.getByTestId('stage-row')).toHaveCount(6);
      await expect(page.getByTestId('stage-row').first()).toHaveAttribute('data-stage', 'Prospección');
    });

    const pipeline = (await server.call('pipelines.list', {})).items.find((p) => p.name === 'Renovaciones')!;
    for (const [title, amount] of [
      ['Alfa renovación', 15_000],
      ['Beta renovación', 25_000],
      ['Gamma renovación', 40_000],
    ] as const) {
      await server.call('deals.create', { title, pipelineId: pipeline.id, amount: amount * 100, currency: 'EUR' });
    }

    await test.step('open its board', async () => {
      await page.getByRole('link', { name: 'Oportunidades', exact: true }).click();
      await page.getByTestId('pipeline-select').click();
      await page.getByRole('option', { name: 'Renovaciones' }).click();
      await expectColumn(page, 'Prospección', 3, 80_000);
      await expect(column(page, 'Prospección').getByTestId('column-weighted')).toHaveText(
        `≈ ${euros(8_000)} ponderado`,
      );
      await expectColumn(page, 'Cualificada', 0, 0);
    });

    await test.step('drag "Alfa" to Cualificada with the mouse', async () => {
      const from = (await card(page, 'Alfa renovación').boundingBox())!;
      const to = (await column(page, 'Cualificada').boundingBox())!;
      await page.mouse.move(from.x + from.width / 2, from.y + 20);
      await page.mouse.down();
      await page.mouse.move(from.x + from.width / 2 + 20, from.y + 30, { steps: 5 });
      await page.mouse.move(to.x + to.width / 2, to.y + 150, { steps: 15 });
      await page.mouse.up();
      await expectColumn(page, 'Prospección', 2, 65_000);
      await expectColumn(page, 'Cualificada', 1, 15_000);
      await expect(column(page, 'Cualificada').getByTestId('column-weighted')).toHaveText(
        `≈ ${euros(3_750)} ponderado`,
      );
    });

    await test.step('move "Beta" two stages right with the keyboard', async () => {
      await card(page, 'Beta renovación').focus();
      await page.keyboard.press('Space');
      // The board announces the lift; the arrows count from then on.
      await expect(page.getByRole('status')).toHaveText('Sobre Prospección.');
      await afterKeyboardLift(page);
      await page.keyboard.press('ArrowRight');
      await expect(page.getByRole('status')).toHaveText('Sobre Cualificada.');
      await page.keyboard.press('ArrowRight');
      await expect(page.getByRole('status')).toHaveText('Sobre Propuesta.');
      await page.keyboard.press('Space');
      await expectColumn(page, 'Propuesta', 1, 25_000);
      await expectColumn(page, 'Prospección', 1, 40_000);
    });

    await test.step('lose "Alfa": the reason is required', async () => {
      await card(page, 'Alfa renovación').getByTestId('card-lose').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByTestId('confirm-lose').click();
      await expect(dialog.getByText('Indica por qué se perdió la oportunidad.')).toBeVisible();
      await expectColumn(page, 'Cualificada', 1, 15_000);
      await dialog.getByTestId('lost-reason').fill('Precio');
      await dialog.getByTestId('confirm-lose').click();
      await expect(dialog).toBeHidden();
      await expectColumn(page, 'Cualificada', 0, 0);
      await expectColumn(page, 'Perdida', 1, 15_000);
    });

    await test.step('dropping on Perdida asks for the reason too', async () => {
      await card(page, 'Gamma renovación').focus();
      await page.keyboard.press('Space');
      await expect(page.getByRole('status')).toHaveText('Sobre Prospección.');
      await afterKeyboardLift(page);
      for (const stage of ['Cualificada', 'Propuesta', 'Negociación', 'Ganada', 'Perdida']) {
        await page.keyboard.press('ArrowRight');
        await expect(page.getByRole('status')).toHaveText(`Sobre ${stage}.`);
      }
      await page.keyboard.press('Space');
      const dialog = page.getByRole('dialog');
      await dialog.getByTestId('lost-reason').fill('Sin presupuesto');
      await dialog.getByTestId('confirm-lose').click();
      await expectColumn(page, 'Perdida', 2, 55_000);
      await expectColumn(page, 'Prospección', 0, 0);
    });

    await test.step('the deal page shows its stage history and lost reason', async () => {
      await column(page, 'Perdida').getByRole('link', { name: 'Alfa renovación' }).click();
      await expect(page.getByTestId('deal-title')).toHaveText('Alfa renovación');
      await expect(page.getByTestId('deal-lost-reason')).toHaveText('Precio');
      await expect(page.getByTestId('history-row')).toHaveCount(3);
      await expect(page.getByTestId('deal-status')).toHaveText('Perdida');
    });
  });
});

test.describe('lead conversion and the deals list', () => {
  test('a lead becomes a customer with a new company and a deal, listed with the others', async ({ page, server }) => {
    await ensureCurrentMember(server);
    const lead = await server.call('contacts.create', {
      firstName: 'Lola',
      lastName: 'Prieto',
      lifecycleStage: 'lead',
    });
    await openInSpanish(page, server);
    await page.goto(`${server.origin}/contacts/${lead.id}`);

    await test.step('convert from the contact page', async () => {
      await page.getByTestId('convert-lead').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('Una empresa nueva').click();
      await dialog.getByTestId('convert-company-name').fill('Prieto Reformas');
      await dialog.getByTestId('confirm-convert').click();
      await expect(page.getByTestId('deal-title')).toHaveText('Prieto Reformas');
      await expect(page.getByTestId('deal-status')).toHaveText('Abierta');
      await expect(page.getByTestId('deal-contacts').getByText('Lola Prieto')).toBeVisible();
      await expect(page.getByTestId('deal-contacts').getByText('Decisor')).toBeVisible();
    });
    expect((await server.call('contacts.get', { id: lead.id })).lifecycleStage).toBe('customer');

    await test.step('the list view shows the new deal', async () => {
      await page.getByRole('link', { name: 'Oportunidades', exact: true }).click();
      await page.getByTestId('deals-view-switch').getByText('Lista').click();
      await expect(page.getByTestId('deals-table')).toBeVisible();
      await page.getByTestId('deals-filter').fill('prieto');
      await expect(page.getByTestId('deal-name')).toHaveText(['Prieto Reformas']);
    });
  });
});
