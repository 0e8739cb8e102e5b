// Analytics as a person uses it, in Spanish: the home dashboard with this month's sales, a chart
// bar that opens the deals behind it, a built-in report exported as CSV, a report made in the
// builder and saved, the segments page, and loyalty points given on a company's page.
import { expect, openInSpanish, test, type CrmServer } from './fixtures/server';

const usd = (minor: number) =>
  new Intl.NumberFormat('es-ES', { style: 'currency', currency: 'USD' }).format(minor / 100);

async function seed(server: CrmServer) {
  const member = await server.call('members.create', { name: 'Ana Ruiz' });
  await server.call('members.setCurrent', { id: member.id });
  const company = await server.call('companies.create', { name: 'Acme Ibérica' });
  const deal = async (title: string, amount: number, outcome: 'win' | 'lose' | null) => {
    const d = await server.call('deals.create', {
      title,
      amount,
      currency: 'USD',
      companyId: company.id,
      ownerId: member.id,
    });
    if (outcome === 'win') await server.call('deals.win', { id: d.id });
    if (outcome === 'lose') await server.call('deals.lose', { id: d.id, reason: 'Precio' });
  };
  await deal('Licencias anuales', 100_000, 'win');
  await deal('Soporte premium', 50_000, 'win');
  await deal('Formación', 20_000, 'lose');
  await deal('Ampliación', 80_000, null);
  return { member, company };
}

async function choose(page: import('@playwright/test').Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test.describe('analytics, in Spanish', () => {
  test('dashboard, drill-down, reports, builder, segments and loyalty', async ({ page, server }) => {
    const { company } = await seed(server);
    await openInSpanish(page, server);

    await test.step('the dashboard shows this month against the last one', async () => {
      await page.getByRole('link', { name: 'Inicio', exact: true }).click();
      await expect(page.getByTestId('page-title')).toHaveText('Hola de nuevo');
      await expect(page.getByTestId('kpi-won')).toHaveText('2');
      await expect(page.getByTestId('kpi-wonValue')).toHaveText(usd(150_000));
      await expect(page.getByTestId('kpi-winRate')).toHaveText(
        new Intl.NumberFormat('es-ES', { style: 'percent', maximumFractionDigits: 1 }).format(2 / 3),
      );
      await expect(page.getByTestId('kpi-pipelineValue')).toHaveText(usd(80_000));
      await expect(page.getByTestId('chart-by-owner')).toContainText('Ingresos ganados por responsable');
    });

    await test.step('a bar of won revenue by owner opens that owner’s won deals', async () => {
      await page.getByTestId('chart-by-owner').locator('.recharts-bar-rectangle').first().click();
      await expect(page).toHaveURL(/\/deals\/list/);
      await expect(page.getByTestId('filter-chips')).toBeVisible();
      await expect(page.getByText('Licencias anuales')).toBeVisible();
      await expect(page.getByText('Soporte premium')).toBeVisible();
      await expect(page.getByText('Formación')).toHaveCount(0);
    });

    await test.step('a built-in report, exported as CSV', async () => {
      await page.getByRole('link', { name: 'Informes', exact: true }).click();
      await choose(page, 'report-select', 'Tasa de éxito');
      await expect(page.getByTestId('report-title')).toHaveText('Tasa de éxito');
      await expect(page.getByTestId('report-table')).toContainText('Ana Ruiz');
      await expect(page.getByTestId('total-won')).toHaveText('2');
      await page.getByTestId('report-export').click();
      const downloading = page.waitForEvent('download');
      await page.getByTestId('export-csv').click();
      const download = await downloading;
      expect(download.suggestedFilename()).toMatch(/^win-rate.*\.csv$/);
    });

    await test.step('a report made in the builder and saved', async () => {
      await page.getByTestId('tab-builder').click();
      await choose(page, 'group-0', 'Estado');
      await expect(page.getByTestId('report-table')).toContainText('Ganado');
      await page.getByTestId('builder-save').click();
      await page.getByTestId('report-name').fill('Negocios por estado');
      await page.getByTestId('report-save-confirm').click();
      await page.getByTestId('tab-saved').click();
      await expect(page.getByTestId('saved-reports')).toContainText('Negocios por estado');
    });

    await test.step('segments of customers', async () => {
      await page.getByRole('link', { name: 'Segmentos', exact: true }).click();
      await expect(page.getByTestId('page-title')).toHaveText('Segmentos de clientes');
      await expect(page.getByTestId('segment-customers')).toContainText('Acme Ibérica');
    });

    await test.step('loyalty points on the company page', async () => {
      await server.call('loyalty.saveRule', { name: 'Base', points: 1, perAmount: 100 });
      const n = (v: number) => new Intl.NumberFormat('es-ES').format(v);
      await page.goto(`${server.origin}/companies/${company.id}`);
      await expect(page.getByTestId('loyalty-card')).toBeVisible();
      await expect(page.getByTestId('loyalty-balance')).toHaveText(n(1500));
      await page.getByTestId('loyalty-adjust').click();
      await page.getByTestId('loyalty-points').fill('50');
      await page.getByTestId('loyalty-reason').fill('Regalo de bienvenida');
      await page.getByTestId('loyalty-save').click();
      await expect(page.getByTestId('loyalty-balance')).toHaveText(n(1550));
      await expect(page.getByTestId('loyalty-ledger')).toContainText('Regalo de bienvenida');
    });
  });
});
