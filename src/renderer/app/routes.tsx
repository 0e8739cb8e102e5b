import { Route, Routes } from 'react-router';
import { ActivitiesPage } from '../features/activities/ActivitiesPage';
import { CompaniesPage } from '../features/companies/CompaniesPage';
import { ContactDetailPage } from '../features/contacts/ContactDetailPage';
import { ContactEditPage } from '../features/contacts/ContactEditPage';
import { ContactNewPage } from '../features/contacts/ContactNewPage';
import { ContactsPage } from '../features/contacts/ContactsPage';
import { TrashPage } from '../features/contacts/TrashPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { ReportsPage } from '../features/reports/ReportsPage';
import { SegmentsPage } from '../features/segments/SegmentsPage';
import { LoyaltyPage } from '../features/loyalty/LoyaltyPage';
import { NotFoundPage } from '../features/placeholders/NotFoundPage';
import { CompanyDetailPage } from '../features/companies/CompanyDetailPage';
import { CompanyEditPage } from '../features/companies/CompanyEditPage';
import { CompanyNewPage } from '../features/companies/CompanyNewPage';
import { DuplicatesPage } from '../features/duplicates/DuplicatesPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { DealsBoardPage } from '../features/deals/DealsBoardPage';
import { DealDetailPage } from '../features/deals/DealDetailPage';
import { DealsListPage } from '../features/deals/list/DealsListPage';
import { TrashPage as AllTrashPage } from '../features/trash/TrashPage';
import { BillingSettingsPage } from '../features/products/BillingSettingsPage';
import { ProductsPage } from '../features/products/ProductsPage';
import { QuotePage } from '../features/quotes/QuotePage';
import { QuotesPage } from '../features/quotes/QuotesPage';
import { InvoicePage } from '../features/invoices/InvoicePage';
import { InvoicesPage } from '../features/invoices/InvoicesPage';
import { ConflictsPage } from '../features/sync/ConflictsPage';
import { ImportPage } from '../features/import/ImportPage';
import { TicketsPage } from '../features/tickets/TicketsPage';
import { TicketPage } from '../features/tickets/TicketPage';
import { ServiceSettingsPage } from '../features/tickets/ServiceSettingsPage';
import { KnowledgeBasePage } from '../features/knowledge-base/KnowledgeBasePage';
import { CampaignsPage } from '../features/campaigns/CampaignsPage';
import { CampaignPage } from '../features/campaigns/CampaignPage';
import { Shell } from './Shell';

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Shell />}>
        <Route index element={<DashboardPage />} />
        <Route path="segments" element={<SegmentsPage />} />
        <Route path="loyalty" element={<LoyaltyPage />} />
        <Route path="contacts" element={<ContactsPage />} />
        <Route path="contacts/new" element={<ContactNewPage />} />
        <Route path="contacts/trash" element={<TrashPage />} />
        <Route path="contacts/:id" element={<ContactDetailPage />} />
        <Route path="contacts/:id/edit" element={<ContactEditPage />} />
        <Route path="companies" element={<CompaniesPage />} />
        <Route path="deals" element={<DealsBoardPage />} />
        <Route path="deals/list" element={<DealsListPage />} />
        <Route path="deals/:id" element={<DealDetailPage />} />
        <Route path="activities" element={<ActivitiesPage />} />
        <Route path="activities/:tab" element={<ActivitiesPage />} />
        <Route path="reports" element={<ReportsPage />} />
        <Route path="companies/new" element={<CompanyNewPage />} />
        <Route path="companies/:id" element={<CompanyDetailPage />} />
        <Route path="companies/:id/edit" element={<CompanyEditPage />} />
        <Route path="duplicates" element={<DuplicatesPage />} />
        <Route path="import" element={<ImportPage />} />
        <Route path="products" element={<ProductsPage />} />
        <Route path="billing/settings" element={<BillingSettingsPage />} />
        <Route path="quotes" element={<QuotesPage />} />
        <Route path="quotes/:id" element={<QuotePage />} />
        <Route path="invoices" element={<InvoicesPage />} />
        <Route path="invoices/:id" element={<InvoicePage />} />
        <Route path="tickets" element={<TicketsPage />} />
        <Route path="tickets/settings" element={<ServiceSettingsPage />} />
        <Route path="tickets/:id" element={<TicketPage />} />
        <Route path="knowledge-base" element={<KnowledgeBasePage />} />
        <Route path="campaigns" element={<CampaignsPage />} />
        <Route path="campaigns/:id" element={<CampaignPage />} />
        <Route path="trash" element={<AllTrashPage />} />
        <Route path="settings" element={<SettingsPage />} />
        <Route path="settings/:tab" element={<SettingsPage />} />
        <Route path="sync/conflicts" element={<ConflictsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
